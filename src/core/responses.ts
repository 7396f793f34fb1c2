import { parseRetryAfter, parseWaitSeconds } from './countdown.js'
import { createOtpError, type OtpError } from './errors.js'
import type { JsonResponse } from './http.js'

/**
 * Both built-in back ends take codes of exactly six digits: anything else is
 * refused before it is sent, since the server could only count it as wrong.
 */
export function isSixDigits(code: string): boolean {
  return /^\d{6}$/.test(code)
}

/** The JSON body as a record, or an empty one when it is anything else. */
export function bodyOf(response: JsonResponse): Record<string, unknown> {
  const { json } = response
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {}
}

/** The server's `message` (or `error`) as plain text, when it sent one. */
export function serverMessageOf(response: JsonResponse): string | null {
  const body = bodyOf(response)
  const message = typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : null
  return message === null ? null : message.slice(0, 500)
}

/**
 * The statuses whose meaning does not depend on the route or the body:
 * 5xx, 401/403, 404 and 429. `null` for everything else.
 */
export function errorForStatus(response: JsonResponse, now: number): OtpError | null {
  const { status } = response
  const common = { status, serverMessage: serverMessageOf(response) }
  if (status >= 500) return createOtpError({ kind: 'server', ...common })
  if (status === 401 || status === 403) return createOtpError({ kind: 'unauthorized', ...common })
  if (status === 404) return createOtpError({ kind: 'customer_not_found', ...common })
  if (status === 429) {
    // wait_time first; else Retry-After, readable cross-origin only when the
    // server exposes it; else null, and the caller applies its own cooldown.
    const waitSeconds =
      parseWaitSeconds(bodyOf(response).wait_time) ?? parseRetryAfter(response.headers.get('Retry-After'), now)
    return createOtpError({ kind: 'rate_limited', waitSeconds, ...common })
  }
  return null
}

/** A `bad_response` error for an answer the kit cannot read. */
export function badResponse(response: JsonResponse, why: string): OtpError {
  return createOtpError({
    kind: 'bad_response',
    status: response.status,
    serverMessage: serverMessageOf(response),
    message: why,
  })
}
