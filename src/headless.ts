// otp-kit/headless: the core and the hooks, with no markup and no CSS.

// Two providers: OtpProvider looks the adapter and the language up by name (plain
// props, all of them shipped); OtpProviderBase takes the objects and ships only those.
export { OtpProvider } from './react/OtpProvider.js'
export type { OtpProviderProps } from './react/OtpProvider.js'
export { OtpProviderBase } from './react/OtpProviderBase.js'
export type { OtpMessageTables, OtpProviderBaseProps } from './react/OtpProviderBase.js'
export { useOtpContext } from './react/OtpContext.js'
export type { OtpContextValue } from './react/OtpContext.js'
export { useOtpVerification } from './react/useOtpVerification.js'
export type { OtpVerificationState, UseOtpVerificationOptions, UseOtpVerificationResult } from './react/useOtpVerification.js'
export type { OtpEvent, OtpEventBase, OtpEventType } from './core/events.js'
export { useVerifyOtp } from './react/useVerifyOtp.js'
export type { UseVerifyOtpOptions, UseVerifyOtpResult } from './react/useVerifyOtp.js'
export { useResendOtp } from './react/useResendOtp.js'
export type { UseResendOtpOptions, UseResendOtpResult } from './react/useResendOtp.js'
export { useCountdown } from './react/useCountdown.js'
export { useVerifiedSession } from './react/useVerifiedSession.js'
export type { UseVerifiedSessionOptions, UseVerifiedSessionResult } from './react/useVerifiedSession.js'
export { useOtpStatus } from './react/useOtpStatus.js'
export type { UseOtpStatusResult } from './react/useOtpStatus.js'
export { useOtpField } from './react/useOtpField.js'
export type { UseOtpFieldProps, UseOtpFieldResult } from './react/useOtpField.js'
export type { OtpInputSource, OtpValueDetails } from './core/otpField.js'
export { otpKeys } from './react/otpKeys.js'

export { OtpErrorKind, createOtpError, isOtpError, isVerdictKind } from './core/errors.js'
export type { CodeDeadReason, CreateOtpErrorInput, OtpError, OtpErrorDetails, OtpErrorOutcome } from './core/errors.js'
export { createOtpClient } from './core/client.js'
export type { OtpClientConfig } from './core/client.js'
export { createAdapterClient } from './core/adapterClient.js'
export type { OtpAdapterClientConfig, OtpCallOptions, OtpClient } from './core/adapterClient.js'
export { adapters } from './core/adapters/byName.js'
export type { AdapterName, AdapterOption } from './core/adapters/byName.js'
// Each back end under two names: `ondi` reads well as a prop (`adapter={ondi}`).
export { ondiAdapter, ondiAdapter as ondi } from './core/adapters/ondi.js'
export { oystrAdapter, oystrAdapter as oystr } from './core/adapters/oystr.js'
export { normalizeOtp } from './core/normalize.js'
export { isCompleteOtp } from './core/isCompleteOtp.js'
export { normalizePhone, maskPhone } from './core/phone.js'
export { secondsUntil } from './core/countdown.js'
export { dirFor, localeFor, htmlLangFor } from './core/i18n/locale.js'
// The types only: the message tables and the translator are in `otp-kit`.
export type { OtpMessages, OtpMessageOverrides, OtpMessagesByLanguage, Translator } from './core/i18n/types.js'
export type {
  Language,
  OndiTarget,
  OtpTarget,
  VerifiedDetails,
  OtpAdapter,
  OtpAuth,
  OtpCustomer,
  OtpRequestContext,
  OtpSession,
  OystrTarget,
  ResendResult,
  VerifyRequest,
  VerifyResult,
} from './core/types.js'
