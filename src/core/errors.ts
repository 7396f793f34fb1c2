/**
 * Every way a verify or resend can go wrong, as one error type discriminated
 * on `kind`. Nothing the kit does throws anything else.
 */

/** The kinds of {@link OtpError}. */
export const OtpErrorKind = {
  /** The server judged the code wrong. */
  InvalidCode: 'invalid_code',
  /** The code can no longer be used (expired, or too many attempts): ask for a new one. */
  CodeDead: 'code_dead',
  /** Resend refused until `waitSeconds` have passed. */
  RateLimited: 'rate_limited',
  /** The customer is verified already (resend). */
  AlreadyVerified: 'already_verified',
  /** The back end does not know this phone, customer id or tracking code. */
  CustomerNotFound: 'customer_not_found',
  /** 401 or 403: the credentials were refused. */
  Unauthorized: 'unauthorized',
  /** Our own validation refused the request before anything was sent. */
  InvalidRequest: 'invalid_request',
  /** The request never got an answer: offline, DNS, connection reset, CORS. */
  Network: 'network',
  /** No answer within the configured timeout. */
  Timeout: 'timeout',
  /** The caller cancelled the request (unmount, a newer request): not shown to users. */
  Aborted: 'aborted',
  /** A 5xx answer. */
  Server: 'server',
  /** An answer the kit cannot read: HTML, empty, truncated or of the wrong shape. */
  BadResponse: 'bad_response',
  /** The adapter cannot do this (Oystr has no resend). */
  Unsupported: 'unsupported',
} as const

/** One of the values of {@link OtpErrorKind}. */
export type OtpErrorKind = (typeof OtpErrorKind)[keyof typeof OtpErrorKind]

/** Why a code is dead. */
export type CodeDeadReason = 'expired' | 'too_many_attempts' | 'unknown'

/**
 * A verdict is the server's final word on a code: sending the same code again
 * can only burn an attempt. A failure says nothing about the code: the user
 * may retry it as it is.
 */
export type OtpErrorOutcome = 'verdict' | 'failure'

/** The facts that only some kinds carry. */
export type OtpErrorDetails =
  | {
      kind: 'invalid_code'
      /** Attempts the server says are left; `null` when it did not say (Oystr). */
      attemptsRemaining: number | null
    }
  | { kind: 'code_dead'; reason: CodeDeadReason }
  | {
      kind: 'rate_limited'
      /** Seconds until a resend may succeed; `null` when the server did not say. */
      waitSeconds: number | null
    }
  | {
      kind: Exclude<OtpErrorKind, 'invalid_code' | 'code_dead' | 'rate_limited'>
    }

interface OtpErrorCommon {
  readonly name: 'OtpError'
  /** Whether this is the server's verdict on the code or a failure to retry. */
  readonly outcome: OtpErrorOutcome
  /** The HTTP status, when there was a response. */
  readonly status: number | null
  /**
   * The server's own `message`, as plain text. The kit never shows it: its UI
   * speaks from its own tables. It is here for hosts and logs.
   */
  readonly serverMessage: string | null
}

/** An error from the kit: narrow it on `kind`. */
export type OtpError = Error & OtpErrorCommon & Readonly<OtpErrorDetails>

/** What {@link createOtpError} takes. */
export type CreateOtpErrorInput = OtpErrorDetails & {
  status?: number | null
  serverMessage?: string | null
  /** A developer-facing explanation; defaults to the kind. Never shown to shoppers. */
  message?: string
  cause?: unknown
}

const BRAND = Symbol.for('otp-kit.error')

const VERDICTS: ReadonlySet<OtpErrorKind> = new Set<OtpErrorKind>([
  'invalid_code',
  'code_dead',
  'already_verified',
  'customer_not_found',
])

/** Whether an error of this kind is the server's final word on the code. */
export function isVerdictKind(kind: OtpErrorKind): boolean {
  return VERDICTS.has(kind)
}

/**
 * Makes an {@link OtpError}. Custom adapters throw these to report failures;
 * anything else they throw is reported as `bad_response`.
 *
 * @example
 * throw createOtpError({ kind: 'invalid_code', attemptsRemaining: 2, status: 400 })
 */
export function createOtpError(input: CreateOtpErrorInput): OtpError {
  const { status = null, serverMessage = null, message, cause, ...details } = input
  const error = new Error(message ?? describe(details), cause === undefined ? undefined : { cause })
  Object.defineProperty(error, BRAND, { value: true })
  return Object.assign(error, details, {
    name: 'OtpError' as const,
    outcome: isVerdictKind(details.kind) ? ('verdict' as const) : ('failure' as const),
    status,
    serverMessage,
  }) as OtpError
}

/** Whether a value is an {@link OtpError} (works across bundle copies). */
export function isOtpError(value: unknown): value is OtpError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true
}

/** Turns anything thrown into an {@link OtpError}; foreign errors become `bad_response`. */
export function toOtpError(value: unknown): OtpError {
  if (isOtpError(value)) return value
  return createOtpError({
    kind: 'bad_response',
    message: 'The adapter threw something that is not an OtpError',
    cause: value,
  })
}

// The kind and its facts, for developers: `invalid_code {"attemptsRemaining":3}`.
function describe({ kind, ...facts }: OtpErrorDetails): string {
  return Object.keys(facts).length > 0 ? `${kind} ${JSON.stringify(facts)}` : kind
}
