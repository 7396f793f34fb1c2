import type { Language } from '../types.js'
import type { OtpDir, OtpHtmlLang, OtpLocale } from './locale.js'

/**
 * Texts keyed by CLDR plural category; `#` stands for the formatted count.
 * `other` is required because every locale has it: a category a text leaves
 * out falls back to it.
 *
 * @example { one: '# attempt left', other: '# attempts left' }
 */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>

/** Formatting bound to one language, handed to every message function as `format`. */
export interface Formatters {
  /** A whole number in the language's digits (Arabic-Indic for `ar` and `ku`), without grouping. */
  number(value: number): string
  /** The CLDR plural category of a count (`ar` has six, `en` and `ku` two). */
  category(count: number): Intl.LDMLPluralRule
  /** Picks the form for `count` and puts the formatted count where `#` is. */
  plural(count: number, forms: PluralForms): string
  /** Seconds as `m:ss` in the language's digits; not isolated. */
  countdown(seconds: number): string
  /** Seconds as words, e.g. `1 minute 30 seconds`, built by the `duration` message. */
  duration(seconds: number): string
  /** Wraps text in a left-to-right isolate so it keeps its order inside right-to-left text. */
  ltr(text: string): string
}

/** What every message function receives besides its own parameters. */
export interface WithFormat {
  format: Formatters
}

/**
 * Every text the kit shows or announces, in one language. An entry is a
 * string, or a function of typed parameters when it holds a value. A host
 * overrides any subset per language through the `messages` prop.
 */
export interface OtpMessages {
  /** Heading of the drop-in widget: "Verify your phone number". */
  title: string
  /** Accessible name of the code field: "Verification code". */
  codeLabel: string
  /** Description of the code field: "Enter the 6-digit code". */
  codeDescription: (p: { length: number } & WithFormat) => string
  /** Accessible name of one cell: "Digit 2 of 6" (`index` counts from 1). */
  cellLabel: (p: { index: number; length: number } & WithFormat) => string
  /** Instructions; `phone` comes masked and is isolated left-to-right; `null` when unknown. */
  instructions: (p: { phone: string | null } & WithFormat) => string
  /** Submit button. */
  verify: string
  /** Submit button while the request runs. */
  verifying: string
  /** Announced and shown when the code was accepted. */
  verified: string
  /** Action that goes back to change the phone number. */
  wrongNumber: string

  /** A wrong code and `count` attempts left (the kit uses `lastAttempt` for 1 and `codeLocked` for 0). */
  attemptsLeft: (p: { count: number } & WithFormat) => string
  /** A wrong code and one attempt left: a warning, not a count. */
  lastAttempt: string
  /** A wrong code when the back end does not say how many attempts are left. */
  invalidCode: string
  /** The code died of too many attempts. */
  codeLocked: string
  /** The code expired. */
  codeExpired: string
  /** The code died for a reason the back end did not give. */
  codeDead: string

  /** Resend button. */
  resend: string
  /** Resend button during the cooldown. */
  resendIn: (p: { seconds: number } & WithFormat) => string
  /** Resend button while sending. */
  resending: string
  /** Shown and announced after a new code went out. */
  codeResent: string
  /** Screen-reader announcement of the cooldown, in words. */
  resendAvailableIn: (p: { seconds: number } & WithFormat) => string
  /** Screen-reader announcement at the end of the cooldown. */
  resendAvailable: string
  /** Resend refused for `seconds` more; `null` when the server did not say. */
  rateLimited: (p: { seconds: number | null } & WithFormat) => string

  /** `already_verified`. */
  alreadyVerified: string
  /** `customer_not_found`. */
  customerNotFound: string
  /** `unauthorized`: the host's credentials, not the shopper, are at fault. */
  unauthorized: string
  /** `network`. */
  network: string
  /** `timeout`. */
  timeout: string
  /** `server`. */
  server: string
  /** `bad_response`. */
  badResponse: string
  /** `invalid_request`: the kit refused to send (the target was not usable). */
  invalidRequest: string
  /** A phone number that is not in international format. */
  invalidPhone: string
  /** `unsupported`: the back end cannot resend. */
  unsupported: string
  /** An error of a kind this version does not know. */
  genericError: string
  /** Retry button after a failure. */
  retry: string

  /** Form validation: the field is empty. */
  codeRequired: string
  /** Form validation: fewer than `length` digits. */
  codeIncomplete: (p: { length: number } & WithFormat) => string
  /** Form validation: something other than digits. */
  codeDigitsOnly: string

  /** The verified session ran out. */
  sessionExpired: string
  /** Time left in the verified session, in words. */
  sessionExpiresIn: (p: { seconds: number } & WithFormat) => string

  /** Joins a duration's parts into words; `format.duration` calls it. `seconds` is 0 to 59. */
  duration: (p: { minutes: number; seconds: number } & WithFormat) => string
}

/**
 * Overrides for any subset of {@link OtpMessages}. An entry left `undefined`
 * keeps the kit's text, so hosts can write `verify: custom ?? undefined`.
 */
export type OtpMessageOverrides = { [K in keyof OtpMessages]?: OtpMessages[K] | undefined }

/** The shape of the `messages` prop: overrides for any subset, per language. */
export type OtpMessagesByLanguage = { readonly [L in Language]?: OtpMessageOverrides | undefined }

/**
 * Final strings in one language: a string entry of {@link OtpMessages} is a
 * string here, a function entry is a method taking its parameters without
 * `format`.
 */
export type Translator = {
  readonly [K in keyof OtpMessages]: OtpMessages[K] extends (p: infer P) => string
    ? (params: Omit<P, 'format'>) => string
    : string
} & {
  readonly language: Language
  readonly locale: OtpLocale
  /** For the HTML `lang` attribute. */
  readonly lang: OtpHtmlLang
  /** For the HTML `dir` attribute. */
  readonly dir: OtpDir
  readonly format: Formatters
  /** The merged table, overrides applied. */
  readonly messages: OtpMessages
}
