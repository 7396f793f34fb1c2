// otp-kit: the whole kit, components included. Import 'otp-kit/styles.css' for the default look.

export { OtpInput } from './components/OtpInput.js'
export type { OtpInputProps } from './components/OtpInput.js'
export { AttemptsBanner } from './components/AttemptsBanner.js'
export type { AttemptsBannerProps } from './components/AttemptsBanner.js'
export { ResendButton } from './components/ResendButton.js'
export type { ResendButtonProps } from './components/ResendButton.js'
export { OtpVerification } from './components/OtpVerification.js'
export type { OtpVerificationProps } from './components/OtpVerification.js'

// The kit's sentences in en, ar and ku: left out of `otp-kit/headless`, so a
// host that brings its own texts ships none of them.
export { useOtpTranslator } from './react/useOtpTranslator.js'
export { createTranslator, messageForError } from './core/i18n/index.js'

// Everything headless (hooks, core, types) is also here: `otp-kit/headless` is the same
// without the markup and the stylesheet.
export * from './headless.js'
