/** The languages the kit and both back ends speak. `ku` is Sorani (Arabic script). */
export type Language = 'en' | 'ar' | 'ku'

/** How requests authenticate. An `apiKey` in a browser bundle is public: proxy instead. */
export type OtpAuth =
  | { bearerToken: string }
  | { apiKey: string }
  | {
      /**
       * Returns a bearer token. Called with `forceRefresh: true` once after a
       * 401/403, before the one retry the kit makes.
       */
      getAccessToken: (options: { forceRefresh: boolean }) => string | Promise<string>
    }

/** Who the code belongs to, for the `ondi` back end. */
export interface OndiTarget {
  /** International format: `+` and 8 to 15 digits. Needed to verify. */
  phone: string
  /** When given, resend asks by customer id instead of phone. */
  customerId?: string
}

/** Who the code belongs to, for the `oystr` back end: one of the two ids. */
export type OystrTarget =
  | { customerId: string; trackingCode?: string }
  | { trackingCode: string; customerId?: undefined }

/** Whom a code belongs to: `{ phone }` for ondi, `{ customerId }` or `{ trackingCode }` for oystr. */
export type OtpTarget = OndiTarget | OystrTarget

/** The customer the back end returns on success. Fields the back end did not send are absent. */
export interface OtpCustomer {
  customerId?: string
  userId?: string
  fullName?: string
  email?: string
  phone?: string
  isVerified?: boolean
  verifiedAt?: string
  addressId?: string
  deliveryAddress?: unknown
}

/** A short-lived session the back end hands out on success (ondi's `access_token`). */
export interface OtpSession {
  accessToken: string
  /** Epoch milliseconds. */
  expiresAt: number
  /** Headers to send on order APIs. */
  headers: { 'X-EXPRESS-KEY': string }
}

/** A successful verify. */
export interface VerifyResult {
  customer: OtpCustomer
  session?: OtpSession
  /** The response body as the server sent it, untyped. */
  raw: unknown
}

/** What `onVerified` gets. */
export interface VerifiedDetails {
  customer: OtpCustomer
  session?: OtpSession
  raw: unknown
}

/** A successful resend. */
export interface ResendResult {
  /** Epoch milliseconds at which the back end accepted the send. */
  sentAt: number
  raw: unknown
}

/** Everything an adapter needs to make one request. */
export interface OtpRequestContext {
  baseUrl: string
  language: Language
  /** The fetch to use (the host's, or the global one). */
  fetch: typeof globalThis.fetch
  timeoutMs: number
  signal?: AbortSignal
  /** The auth headers for this attempt (after a forced refresh on the retry). */
  getAuthHeaders: () => Promise<Record<string, string>>
  /** The clock; injectable for tests. */
  now: () => number
}

/** What an adapter's `verify` gets. */
export interface VerifyRequest<TTarget> {
  target: TTarget
  /** Exactly the code's ASCII digits. */
  code: string
  /**
   * The attempts the server said were left before this one, when known. A
   * dead code's message is in the request's language, so this is how a
   * wrong fifth code is told from an expired one when the text cannot be read.
   */
  previousAttemptsRemaining?: number | null
}

/**
 * A back end. `ondi` and `oystr` are built in; a host can write its own, for
 * instance to call its own server, which then holds the API key.
 */
export interface OtpAdapter<TTarget = unknown> {
  /** A short name, used in query keys and storage keys. */
  readonly name: string
  /** Attempts per code when the back end has a fixed number; `null` when unknown. */
  readonly maxAttempts: number | null
  /** Throws an `invalid_request` OtpError when the target cannot be used. */
  validateTarget(target: TTarget, purpose: 'verify' | 'resend'): void
  /** A stable string naming the target (normalised), to keep one state per target. */
  targetKey(target: TTarget): string
  verify(request: VerifyRequest<TTarget>, ctx: OtpRequestContext): Promise<VerifyResult>
  /** Absent when the back end cannot resend. */
  resend?(request: { target: TTarget }, ctx: OtpRequestContext): Promise<ResendResult>
}

/** The target type an adapter takes. */
export type TargetOf<A> = A extends OtpAdapter<infer T> ? T : never
