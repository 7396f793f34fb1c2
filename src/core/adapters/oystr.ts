import { createOtpError } from '../errors.js'
import { joinUrl, postJson } from '../http.js'
import { badResponse, errorForStatus, isSixDigits, serverMessageOf } from '../responses.js'
import type { OtpAdapter, OystrTarget } from '../types.js'

/** The id Oystr uses: `customer_id` wins when both are given, as the API does. */
function idOf(target: OystrTarget): { customer_id: string } | { tracking_code: string } {
  if (typeof target?.customerId === 'string' && target.customerId.trim() !== '') {
    return { customer_id: target.customerId.trim() }
  }
  if (typeof target?.trackingCode === 'string' && target.trackingCode.trim() !== '') {
    return { tracking_code: target.trackingCode.trim() }
  }
  throw createOtpError({ kind: 'invalid_request', message: 'Oystr needs a `customerId` or a `trackingCode`' })
}

/**
 * Oystr's Verify Customer. It documents no response bodies and no resend:
 * any 2xx is verified, with the body passed through untyped.
 */
export const oystrAdapter: OtpAdapter<OystrTarget> & { resend?: undefined } = {
  name: 'oystr',
  maxAttempts: null,

  validateTarget(target) {
    idOf(target)
  },

  targetKey(target) {
    const id = idOf(target)
    return 'customer_id' in id ? `customer:${id.customer_id}` : `tracking:${id.tracking_code}`
  },

  async verify({ target, code }, ctx) {
    const id = idOf(target)
    if (!isSixDigits(code)) throw createOtpError({ kind: 'invalid_request', message: 'Oystr codes have 6 digits' })
    const response = await postJson(joinUrl(ctx.baseUrl, '/v1/customer/verify'), { otp: code, ...id }, ctx)
    const { status } = response
    if (status >= 200 && status < 300) {
      return {
        customer: 'customer_id' in id ? { customerId: id.customer_id } : {},
        raw: response.json,
      }
    }
    const byStatus = errorForStatus(response, ctx.now())
    if (byStatus) throw byStatus
    if (status === 400 || status === 422) {
      // Oystr gives no attempt count: the field clears and the user may try another code.
      throw createOtpError({
        kind: 'invalid_code',
        attemptsRemaining: null,
        status,
        serverMessage: serverMessageOf(response),
      })
    }
    throw badResponse(response, `Unexpected status ${status}`)
  },
}
