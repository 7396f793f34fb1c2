import { isInternationalPhone, isoSeconds, json, readJsonObject, stringField } from '../http.js'
import { message, type MessageKey } from '../messages.js'
import type { SandboxResponse } from '../types.js'
import type { RouteContext } from './RouteContext.js'

/**
 * OnDi `POST /express-shipping/customer/verify-otp` `{ phone, code }`.
 * Answers the documented bodies: two success shapes, and three 400s told
 * apart by body (`attempts_remaining` present means a wrong code).
 */
export function verifyOtp(ctx: RouteContext): SandboxResponse {
  const { language, store, clock } = ctx
  const fail = (status: number, key: MessageKey, extra: Record<string, unknown> = {}) =>
    json(status, { success: false, message: message(key, language), ...extra })

  const body = readJsonObject(ctx.request.body)
  if (!body) return fail(400, 'badJson')
  const phone = stringField(body, 'phone')
  if (phone === undefined || !isInternationalPhone(phone)) return fail(400, 'badPhone')
  // Not documented. A validation message rather than a wrong-code answer:
  // a malformed code is the caller's mistake and should not burn an attempt.
  const code = body.code
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return fail(400, 'badCode')

  const entry = store.entries.find((e) => e.customer.phone === phone)
  if (!entry) return fail(404, 'customerNotFound')
  const { customer, cycle } = entry
  const now = clock.now()

  // No live code: either it was used (a verified customer has nothing left to
  // verify until the host sends another) or none was ever sent.
  if (!cycle) return customer.isVerified ? fail(400, 'alreadyVerified') : fail(400, 'expired')
  if (cycle.locked) return fail(400, 'tooManyAttempts')
  if (now >= cycle.expiresAt) return fail(400, 'expired')

  if (code !== cycle.code) {
    cycle.attemptsLeft -= 1
    if (cycle.attemptsLeft > 0) return fail(400, 'invalidCode', { attempts_remaining: cycle.attemptsLeft })
    cycle.locked = true
    return ctx.lastWrongCode === 'too_many_attempts'
      ? fail(400, 'tooManyAttempts')
      : fail(400, 'invalidCode', { attempts_remaining: 0 })
  }

  entry.cycle = null
  customer.isVerified = true
  customer.verifiedAt ??= isoSeconds(now)
  const text = message('verified', language)

  if (!customer.hasUserAccount) {
    return json(200, {
      success: true,
      data: {
        customer_id: customer.customerId,
        full_name: customer.fullName,
        email: customer.email,
        phone: customer.phone,
        is_verified: true,
        verified_at: customer.verifiedAt,
      },
      message: text,
    })
  }
  const session = ctx.tokens.issue({ customerId: customer.customerId, userId: customer.userId, phone: customer.phone })
  return json(200, {
    success: true,
    data: {
      user_id: customer.userId,
      customer_id: customer.customerId,
      full_name: customer.fullName,
      email: customer.email,
      phone: customer.phone,
      address_id: customer.addressId,
      delivery_address: customer.deliveryAddress,
      access_token: session.token,
    },
    message: text,
  })
}
