import { isoSeconds, json, readJsonObject, stringField } from '../http.js'
import { message, type MessageKey } from '../messages.js'
import type { SandboxResponse } from '../types.js'
import type { RouteContext } from './RouteContext.js'

/**
 * Oystr `POST /v1/customer/verify` `{ otp, customer_id?, tracking_code? }`.
 *
 * Oystr documents no response bodies. Every body here is this sandbox's own
 * guess: errors carry `{ message }`, and a success answers
 * `{ status: 'verified', customer_id, tracking_code, verified_at, message }`.
 * Statuses follow what the kit expects: 422 for a malformed request, 400 for
 * a wrong code (strict mode only), 404 for an unknown customer.
 */
export function oystrVerify(ctx: RouteContext): SandboxResponse {
  const fail = (status: number, key: MessageKey) => json(status, { message: message(key, ctx.language) })

  const body = readJsonObject(ctx.request.body)
  if (!body) return fail(400, 'badJson')
  const otp = body.otp
  if (typeof otp !== 'string' || !/^\d{6}$/.test(otp)) return fail(422, 'oystrBadOtp')
  const customerId = stringField(body, 'customer_id')
  const trackingCode = stringField(body, 'tracking_code')
  if (customerId === undefined && trackingCode === undefined) return fail(422, 'oystrTargetRequired')

  // The document: if both are supplied, the customer id takes precedence.
  const entry =
    customerId !== undefined
      ? ctx.store.entries.find((e) => e.customer.customerId === customerId)
      : ctx.store.findByTrackingCode(trackingCode ?? '')
  if (!entry) return fail(404, 'customerNotFound')

  const now = ctx.clock.now()
  if (ctx.oystrMode === 'strict') {
    // Like OnDi's check, but Oystr gives no attempt count, so none is kept.
    const { cycle } = entry
    if (cycle && now >= cycle.expiresAt) return fail(400, 'expired')
    if (!cycle || cycle.code !== otp) return fail(400, 'invalidCode')
  }
  // In the documented sandbox any 6 digits verify, and verifying again is harmless.
  entry.cycle = null
  entry.customer.isVerified = true
  entry.customer.verifiedAt ??= isoSeconds(now)
  return json(200, {
    status: 'verified',
    customer_id: entry.customer.customerId,
    tracking_code: entry.customer.trackingCode,
    verified_at: entry.customer.verifiedAt,
    message: message('oystrVerified', ctx.language),
  })
}
