import { createOtpError } from '../errors.js'
import { joinUrl, postJson, type JsonResponse } from '../http.js'
import { jwtExpiry } from '../jwt.js'
import { normalizePhone } from '../phone.js'
import { badResponse, bodyOf, isSixDigits } from '../responses.js'
import type { OndiTarget, OtpAdapter, OtpCustomer, OtpSession, OtpRequestContext, VerifyResult } from '../types.js'
import { classifyOndiResendError, classifyOndiVerifyError } from './ondiClassify.js'

/** The documented session lifetime, used when the token's `exp` cannot be read. */
const SESSION_TTL_MS = 5 * 60 * 1000

function invalid(message: string) {
  return createOtpError({ kind: 'invalid_request', message })
}

function phoneOf(target: OndiTarget): string {
  const phone = normalizePhone(target?.phone ?? '')
  if (!phone) throw invalid('`phone` must be in international format: + and 8 to 15 digits')
  return phone
}

function isSuccess(response: JsonResponse): boolean {
  return response.status >= 200 && response.status < 300 && response.isJson && bodyOf(response).success !== false
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
}

/** Parses either documented success shape into a customer and, when given, a session. */
export function parseOndiVerified(data: Record<string, unknown>, now: number): Omit<VerifyResult, 'raw'> {
  const customer: OtpCustomer = {}
  const fields: [keyof OtpCustomer, string][] = [
    ['customerId', 'customer_id'],
    ['userId', 'user_id'],
    ['fullName', 'full_name'],
    ['email', 'email'],
    ['phone', 'phone'],
    ['verifiedAt', 'verified_at'],
    ['addressId', 'address_id'],
  ]
  for (const [key, wire] of fields) {
    const value = str(data[wire])
    if (value !== undefined) (customer as Record<string, unknown>)[key] = value
  }
  if (typeof data.is_verified === 'boolean') customer.isVerified = data.is_verified
  if (data.delivery_address !== undefined) customer.deliveryAddress = data.delivery_address

  const token = typeof data.access_token === 'string' && data.access_token !== '' ? data.access_token : null
  if (!token) return { customer }
  const session: OtpSession = {
    accessToken: token,
    expiresAt: jwtExpiry(token, now) ?? now + SESSION_TTL_MS,
    headers: { 'X-EXPRESS-KEY': token },
  }
  return { customer, session }
}

/**
 * The OnDi Express Shipping back end: verify and resend by phone, resend by
 * customer id, at most 5 attempts per code, `message` in the request's language.
 */
export const ondiAdapter: OtpAdapter<OndiTarget> = {
  name: 'ondi',
  maxAttempts: 5,

  validateTarget(target, purpose) {
    if (purpose === 'resend' && target?.customerId) return
    phoneOf(target)
  },

  targetKey(target) {
    return normalizePhone(target?.phone ?? '') ?? `customer:${target?.customerId ?? ''}`
  },

  async verify({ target, code, previousAttemptsRemaining = null }, ctx: OtpRequestContext) {
    const phone = phoneOf(target)
    if (!isSixDigits(code)) throw invalid('OnDi codes have 6 digits')
    const url = joinUrl(ctx.baseUrl, '/express-shipping/customer/verify-otp', { language: ctx.language })
    const response = await postJson(url, { phone, code }, ctx)
    if (!isSuccess(response)) throw classifyOndiVerifyError(response, previousAttemptsRemaining, ctx.now())
    const data = bodyOf(response).data
    if (typeof data !== 'object' || data === null) throw badResponse(response, 'The verify answer has no `data`')
    return { ...parseOndiVerified(data as Record<string, unknown>, ctx.now()), raw: response.json }
  },

  async resend({ target }, ctx) {
    // The customer id, when given, lets the server find the phone itself.
    const body = target?.customerId ? { customer_id: target.customerId } : { phone: phoneOf(target) }
    const url = joinUrl(ctx.baseUrl, '/express-shipping/customer/resend-otp', { language: ctx.language })
    const response = await postJson(url, body, ctx)
    if (!isSuccess(response)) throw classifyOndiResendError(response, ctx.now())
    return { sentAt: ctx.now(), raw: response.json }
  },
}
