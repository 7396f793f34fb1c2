import { header, json, readJsonObject } from '../http.js'
import { message } from '../messages.js'
import type { SandboxResponse } from '../types.js'
import type { RouteContext } from './RouteContext.js'

/**
 * `POST /express-shipping/orders`: the sandbox's own route, not in any
 * document. It exists so a demo can show the session at work: it accepts an
 * `X-EXPRESS-KEY` that this sandbox issued on verify and that has not expired,
 * and answers 201 `{ success: true, data: { order_id, customer_id } }`; any
 * other key answers 401.
 */
export function createOrder(ctx: RouteContext): SandboxResponse {
  const check = ctx.tokens.check(header(ctx.request, 'x-express-key'))
  if (check.state === 'unknown') return json(401, { success: false, message: message('unauthorized', ctx.language) })
  if (check.state === 'expired') return json(401, { success: false, message: message('sessionExpired', ctx.language) })
  // The order itself is not looked at; an empty body is fine, a broken one is not.
  const raw = ctx.request.body ?? ''
  if (raw.trim() !== '' && !readJsonObject(raw)) {
    return json(400, { success: false, message: message('badJson', ctx.language) })
  }
  const orderId = `ORD${String(ctx.nextOrderNumber()).padStart(6, '0')}`
  return json(201, { success: true, data: { order_id: orderId, customer_id: check.customerId } })
}
