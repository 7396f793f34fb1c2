import { createSandboxClock } from '../../../src/testing/createSandboxClock.js'
import { createCustomerStore, type CustomerStoreConfig } from '../../../src/testing/customerStore.js'
import type { RouteContext } from '../../../src/testing/routes/RouteContext.js'
import { createSessionTokens } from '../../../src/testing/sessionTokens.js'
import type { SandboxResponse } from '../../../src/testing/types.js'
import { T0, type Json } from '../transports.js'

/** A customer store on a clock frozen at T0, whose codes are 000001, 000002 and so on. */
export function frozenStore(config: Partial<CustomerStoreConfig> = {}) {
  const clock = createSandboxClock(() => T0)
  const store = createCustomerStore({
    clock,
    generateCode: ({ count }) => String(count).padStart(6, '0'),
    onSend: undefined,
    maxAttempts: 5,
    codeTtlMs: 300_000,
    resendCooldownMs: 60_000,
    ...config,
  })
  return { clock, store }
}

/** The state one route handler sees, with sequential codes and a frozen clock, and no customers yet. */
export function routeContext(overrides: Partial<Omit<RouteContext, 'request'>> = {}) {
  const { clock, store } = frozenStore({ maxAttempts: 3 })
  let orders = 0
  const base: Omit<RouteContext, 'request'> = {
    language: 'en',
    clock,
    store,
    tokens: createSessionTokens(clock, 300_000),
    maxAttempts: 3,
    lastWrongCode: 'attempts_remaining_0',
    oystrMode: 'sandbox',
    nextOrderNumber: () => ++orders,
    ...overrides,
  }
  /** The context of one POST with this body (an object is sent as JSON, a string as it is). */
  const post = (body: unknown): RouteContext => ({
    ...base,
    request: { method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) },
  })
  return { ...base, clock, store, post }
}

/** Status and parsed body of a route's answer. */
export function read(response: SandboxResponse): { status: number; body: Json } {
  return { status: response.status, body: JSON.parse(response.body) as Json }
}
