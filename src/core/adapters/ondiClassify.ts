import { parseWaitSeconds } from '../countdown.js'
import { createOtpError, type OtpError } from '../errors.js'
import type { JsonResponse } from '../http.js'
import { badResponse, bodyOf, errorForStatus, serverMessageOf } from '../responses.js'

// OnDi answers a wrong, an expired and an exhausted code all with 400 and
// `success: false`, told apart only by the body. Its `message` is written in
// the request's language, so English wording is one clue among others, never
// the only rule: a message the kit has never seen must still land in the
// right state.
const EXPIRED = /expired/i
const TOO_MANY = /too many|attempts/i
const ALREADY_VERIFIED = /already verified/i
const NOT_FOUND = /not found/i

/**
 * Classifies an OnDi verify answer that is not a success. Pure: the
 * response, and the attempts the server said were left before this try.
 */
export function classifyOndiVerifyError(response: JsonResponse, previousAttemptsRemaining: number | null, now: number): OtpError {
  const byStatus = errorForStatus(response, now)
  if (byStatus) return byStatus
  if (!response.isJson) return badResponse(response, 'The verify answer is not JSON')
  const body = bodyOf(response)
  const common = { status: response.status, serverMessage: serverMessageOf(response) }
  const message = common.serverMessage ?? ''

  // `attempts_remaining` present means a wrong code. Zero left is the same
  // lock as "Too many failed attempts": the back end may answer either way.
  if ('attempts_remaining' in body) {
    const left = parseAttempts(body.attempts_remaining)
    if (left !== null && left <= 0) return createOtpError({ kind: 'code_dead', reason: 'too_many_attempts', ...common })
    return createOtpError({ kind: 'invalid_code', attemptsRemaining: left, ...common })
  }
  if (ALREADY_VERIFIED.test(message)) return createOtpError({ kind: 'already_verified', ...common })
  if (NOT_FOUND.test(message)) return createOtpError({ kind: 'customer_not_found', ...common })
  // Checked before TOO_MANY: the expiry text also says "request a new OTP".
  if (EXPIRED.test(message)) return createOtpError({ kind: 'code_dead', reason: 'expired', ...common })
  if (TOO_MANY.test(message)) return createOtpError({ kind: 'code_dead', reason: 'too_many_attempts', ...common })
  // A 400 with no attempt count and only a message is one of the two "dead
  // code" answers, worded in a language we cannot read. If the last wrong
  // code left one attempt, this was the fifth wrong code.
  if (response.status === 400 && typeof body.message === 'string') {
    const reason = previousAttemptsRemaining === 1 ? 'too_many_attempts' : 'unknown'
    return createOtpError({ kind: 'code_dead', reason, ...common })
  }
  return badResponse(response, 'The verify answer has no shape the kit knows')
}

/**
 * Classifies an OnDi resend answer that is not a success.
 */
export function classifyOndiResendError(response: JsonResponse, now: number): OtpError {
  const byStatus = errorForStatus(response, now)
  if (byStatus) return byStatus
  if (!response.isJson) return badResponse(response, 'The resend answer is not JSON')
  const common = { status: response.status, serverMessage: serverMessageOf(response) }
  const message = common.serverMessage ?? ''
  if (NOT_FOUND.test(message)) return createOtpError({ kind: 'customer_not_found', ...common })
  // "Customer is already verified" is the one 400 the resend route documents,
  // so a 400 worded in Arabic or Kurdish is taken to be it.
  if (ALREADY_VERIFIED.test(message) || (response.status === 400 && message !== '')) {
    return createOtpError({ kind: 'already_verified', ...common })
  }
  // A wait without the 429 status (some proxies rewrite statuses).
  const wait = parseWaitSeconds(bodyOf(response).wait_time)
  if (wait !== null) return createOtpError({ kind: 'rate_limited', waitSeconds: wait, ...common })
  return badResponse(response, 'The resend answer has no shape the kit knows')
}

/** `attempts_remaining` as a whole number; `null` when it is not one. */
function parseAttempts(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : null
}
