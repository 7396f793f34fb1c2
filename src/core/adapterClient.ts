import { createOtpError, isOtpError, toOtpError } from './errors.js'
import { isCompleteOtp } from './isCompleteOtp.js'
import { normalizeOtp } from './normalize.js'
import type { Language, OtpAdapter, OtpAuth, OtpRequestContext, ResendResult, VerifyResult } from './types.js'

/** What {@link createAdapterClient} takes besides the adapter. */
export interface OtpAdapterClientConfig {
  /** The back end's base URL; may be relative to the page (`/api`). */
  baseUrl: string
  auth?: OtpAuth
  /** @defaultValue `'en'` */
  language?: Language
  /** @defaultValue the global `fetch`, looked up on each call */
  fetch?: typeof globalThis.fetch
  /** @defaultValue 15000 */
  timeoutMs?: number
  /** @defaultValue `Date.now` */
  now?: () => number
}

/** Options of one call. */
export interface OtpCallOptions {
  signal?: AbortSignal
  /** The attempts the server said were left before this try (see `VerifyRequest`). */
  previousAttemptsRemaining?: number | null
}

/** Verifies and resends codes through one adapter. No React, no retries but the one below. */
export interface OtpClient<TTarget = unknown> {
  readonly adapter: OtpAdapter<TTarget>
  readonly canResend: boolean
  verify(target: TTarget, code: string, options?: OtpCallOptions): Promise<VerifyResult>
  resend(target: TTarget, options?: OtpCallOptions): Promise<ResendResult>
}

/** The headers `auth` asks for; a token getter's failure counts as `unauthorized`. */
export async function authHeaders(auth: OtpAuth | undefined, forceRefresh: boolean): Promise<Record<string, string>> {
  if (!auth) return {}
  if ('apiKey' in auth) return { 'X-API-Key': auth.apiKey }
  if ('bearerToken' in auth) return { Authorization: `Bearer ${auth.bearerToken}` }
  let token: string
  try {
    token = await auth.getAccessToken({ forceRefresh })
  } catch (cause) {
    throw isOtpError(cause) ? cause : createOtpError({ kind: 'unauthorized', message: 'getAccessToken failed', cause })
  }
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/**
 * Makes a client over one adapter object. It imports no back end of its own,
 * so a page ships only the adapter it passes.
 *
 * @example
 * const client = createAdapterClient(ondi, { baseUrl: '/api', language: 'ar' })
 * const { customer, session } = await client.verify({ phone: '+9647501234567' }, '١٢٣٤٥٦')
 */
export function createAdapterClient<TTarget = unknown>(adapter: OtpAdapter<TTarget>, config: OtpAdapterClientConfig): OtpClient<TTarget> {
  const now = config.now ?? Date.now

  const context = (signal: AbortSignal | undefined, forceRefresh: boolean): OtpRequestContext => ({
    baseUrl: config.baseUrl,
    language: config.language ?? 'en',
    // Looked up per call, so a fetch patched later (test mocks, MSW) is used.
    fetch: config.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: config.timeoutMs ?? 15_000,
    signal,
    getAuthHeaders: () => authHeaders(config.auth, forceRefresh),
    now,
  })

  // One forced token refresh and one retry after a 401/403, and only when
  // the host gave a token getter: a refreshed token is the one thing that
  // can change the answer. Any other retry could burn an attempt.
  async function withAuthRetry<T>(signal: AbortSignal | undefined, call: (ctx: OtpRequestContext) => Promise<T>): Promise<T> {
    try {
      return await call(context(signal, false))
    } catch (error) {
      const otpError = toOtpError(error)
      if (otpError.kind !== 'unauthorized' || !config.auth || !('getAccessToken' in config.auth) || otpError.status === null) {
        throw otpError
      }
    }
    try {
      return await call(context(signal, true))
    } catch (error) {
      throw toOtpError(error)
    }
  }

  return {
    adapter,
    canResend: typeof adapter.resend === 'function',

    async verify(target, code, options = {}) {
      try {
        adapter.validateTarget(target, 'verify')
      } catch (error) {
        throw toOtpError(error)
      }
      const digits = normalizeOtp(code, code.length + 1)
      if (!isCompleteOtp(digits, digits.length) || digits.length < 4 || digits.length > 10) {
        throw createOtpError({ kind: 'invalid_request', message: 'The code must be digits only' })
      }
      const { signal, previousAttemptsRemaining = null } = options
      return withAuthRetry(signal, (ctx) => adapter.verify({ target, code: digits, previousAttemptsRemaining }, ctx))
    },

    async resend(target, options = {}) {
      const resend = adapter.resend?.bind(adapter)
      if (!resend) {
        throw createOtpError({ kind: 'unsupported', message: `The ${adapter.name} adapter cannot resend codes` })
      }
      try {
        adapter.validateTarget(target, 'resend')
      } catch (error) {
        throw toOtpError(error)
      }
      return withAuthRetry(options.signal, (ctx) => resend({ target }, ctx))
    },
  }
}
