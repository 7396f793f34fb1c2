import type { CustomerEntry } from '../customerStore.js'
import { isInternationalPhone, json, readJsonObject, stringField } from '../http.js'
import { message, type MessageKey } from '../messages.js'
import type { SandboxResponse } from '../types.js'
import type { RouteContext } from './RouteContext.js'

type Lookup = { entry: CustomerEntry } | { error: SandboxResponse }

/**
 * OnDi `POST /express-shipping/customer/resend-otp` `{ phone }` or
 * `{ customer_id }`. A success starts a new code with a full set of attempts.
 */
export function resendOtp(ctx: RouteContext): SandboxResponse {
  const found = lookup(ctx)
  if ('error' in found) return found.error
  const { entry } = found
  const now = ctx.clock.now()

  if (entry.customer.isVerified) return fail(ctx, 400, 'alreadyVerified')
  if (now < entry.cooldownUntil) return rateLimited(ctx, entry.cooldownUntil - now)

  ctx.store.send(entry, ctx.language)
  return json(200, { success: true, message: message('sent', ctx.language) })
}

/**
 * The `rate_limit` fault: a 429 with `wait_time`, whatever the state. When the
 * body names a customer, later resends keep counting down from it too.
 */
export function forcedRateLimit(ctx: RouteContext, waitSeconds: number): SandboxResponse {
  const found = lookup(ctx)
  const until = ctx.clock.now() + waitSeconds * 1000
  if ('entry' in found) found.entry.cooldownUntil = Math.max(found.entry.cooldownUntil, until)
  return rateLimited(ctx, waitSeconds * 1000)
}

function rateLimited(ctx: RouteContext, remainingMs: number): SandboxResponse {
  // Rounded up: a client that waits `wait_time` seconds must then succeed.
  const waitTime = Math.max(1, Math.ceil(remainingMs / 1000))
  return fail(ctx, 429, 'rateLimited', { wait_time: waitTime })
}

function lookup(ctx: RouteContext): Lookup {
  const body = readJsonObject(ctx.request.body)
  if (!body) return { error: fail(ctx, 400, 'badJson') }
  // The documents say the API resolves the phone from customer_id when one
  // is given, so a non-empty customer_id wins over a phone.
  const customerId = stringField(body, 'customer_id')
  const phone = stringField(body, 'phone')
  let entry: CustomerEntry | undefined
  if (customerId !== undefined) {
    entry = ctx.store.entries.find((e) => e.customer.customerId === customerId)
  } else if (phone !== undefined) {
    if (!isInternationalPhone(phone)) return { error: fail(ctx, 400, 'badPhone') }
    entry = ctx.store.entries.find((e) => e.customer.phone === phone)
  } else {
    return { error: fail(ctx, 400, 'targetRequired') }
  }
  return entry ? { entry } : { error: fail(ctx, 404, 'customerNotFound') }
}

function fail(ctx: RouteContext, status: number, key: MessageKey, extra: Record<string, unknown> = {}): SandboxResponse {
  return json(status, { success: false, message: message(key, ctx.language), ...extra })
}
