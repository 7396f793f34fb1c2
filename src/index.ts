// otp-kit: the whole kit, components included. Import 'otp-kit/styles.css' for the default look.

export { OtpInput } from './components/OtpInput.js'
export type { OtpInputProps } from './components/OtpInput.js'
export { AttemptsBanner } from './components/AttemptsBanner.js'
export type { AttemptsBannerProps } from './components/AttemptsBanner.js'
export { ResendButton } from './components/ResendButton.js'
export type { ResendButtonProps } from './components/ResendButton.js'
export { OtpVerification } from './components/OtpVerification.js'
export type { OtpVerificationProps } from './components/OtpVerification.js'

// The kit's sentences. One table per language, imported by name (`messages={{ ar }}`
// on OtpProviderBase), so a page ships the languages it names; createTranslator and
// OtpProvider look languages up by name and so hold all three.
export { useOtpTranslator } from './react/useOtpTranslator.js'
export { en } from './core/i18n/en.js'
export { ar } from './core/i18n/ar.js'
export { ku } from './core/i18n/ku.js'
export { translatorFor } from './core/i18n/translatorFor.js'
export { createTranslator } from './core/i18n/translator.js'
export { messageForError } from './core/i18n/messageForError.js'

// Everything headless (hooks, core, types) is also here: `otp-kit/headless` is the same
// without the markup and the stylesheet.
export * from './headless.js'
