import { isAuthorized } from './auth.js'
import { createSandboxClock } from './createSandboxClock.js'
import { createCustomerStore, randomCode } from './customerStore.js'
import { DEMO_CUSTOMERS } from './demoCustomers.js'
import { createFaultQueue, faultResponse, resetResponse, validateFault } from './faultQueue.js'
import { json, parseUrl } from './http.js'
import { languageOf, message } from './messages.js'
import type { OtpSandbox, OtpSandboxOptions } from './OtpSandbox.js'
import { createOrder } from './routes/createOrder.js'
import { oystrVerify } from './routes/oystrVerify.js'
import { forcedRateLimit, resendOtp } from './routes/resendOtp.js'
import type { RouteContext } from './routes/RouteContext.js'
import { routeOf, type SandboxRouteName } from './routes/routeTable.js'
import { verifyOtp } from './routes/verifyOtp.js'
import { createSessionTokens } from './sessionTokens.js'
import type {
  SandboxCustomer,
  SandboxCustomerInput,
  SandboxFault,
  SandboxLanguage,
  SandboxRequest,
  SandboxResult,
} from './types.js'

/**
 * A fake of the two OTP back ends, faithful to `docs/back-ends.md`: per customer a
 * code, 5 attempts, an expiry, a resend cooldown, verified and unknown
 * customers, session tokens, en/ar/ku messages, and faults on demand. It
 * speaks HTTP only (method, URL, headers, body), so the kit's adapters are
 * tested against it exactly as against the real servers.
 *
 * @example
 * const sandbox = createOtpSandbox({ now: () => Date.UTC(2024, 0, 1, 12), generateCode: () => '123456' })
 * const res = await sandbox.handle({
 *   method: 'POST',
 *   url: '/express-shipping/customer/verify-otp?language=en',
 *   body: JSON.stringify({ phone: '+9647501234567', code: sandbox.lastCodeFor('+9647501234567') }),
 * })
 */
export function createOtpSandbox(options: OtpSandboxOptions = {}): OtpSandbox {
  const clock = createSandboxClock(options.now)
  const codeTtlMs = options.codeTtlMs ?? 5 * 60_000
  const store = createCustomerStore({
    clock,
    generateCode: options.generateCode ?? randomCode,
    onSend: options.onSend,
    maxAttempts: options.maxAttempts ?? 5,
    codeTtlMs,
    resendCooldownMs: options.resendCooldownMs ?? 60_000,
  })
  const tokens = createSessionTokens(clock, options.sessionTtlMs ?? 5 * 60_000)
  const faults = createFaultQueue(clock)
  const seed = options.customers ?? DEMO_CUSTOMERS
  let orderNumber = 0

  const snapshot = (customer: SandboxCustomer): SandboxCustomer => structuredClone(customer)
  const mustFind = (key: string) => {
    const entry = store.find(key)
    if (!entry) throw new Error(`no sandbox customer has the phone or id "${key}"`)
    return entry
  }
  const seedCustomers = () => {
    for (const input of seed) {
      const entry = store.add(input)
      // The host's flow sends the first code when it creates a customer.
      if (!entry.customer.isVerified) store.send(entry, 'en')
    }
  }

  async function handle(request: SandboxRequest): Promise<SandboxResult> {
    const url = parseUrl(request.url)
    const language = languageOf(url)
    const route = routeOf(url.pathname)
    if (!route) return json(404, { success: false, message: message('notFound', language) })
    if (request.method.toUpperCase() !== 'POST') {
      return json(405, { success: false, message: message('methodNotAllowed', language) }, { allow: 'POST' })
    }

    const fault = faults.take(route)
    const result = await answer(request, route, language, fault)
    // A fault's CORS headers ride on whatever the transport sends.
    if (!fault?.cors) return result
    if (!('drop' in result)) return { ...result, cors: fault.cors }
    return result.partial ? { ...result, partial: { ...result.partial, cors: fault.cors } } : result
  }

  async function answer(
    request: SandboxRequest,
    route: SandboxRouteName,
    language: SandboxLanguage,
    fault: SandboxFault | undefined,
  ): Promise<SandboxResult> {
    if (fault?.type === 'drop') return { drop: true }
    if (fault?.type === 'reset') return { drop: true, partial: resetResponse(fault) }
    if (fault?.type === 'timeout') {
      await faults.hold(fault.ms)
      return { drop: true }
    }
    // A delay takes its time first, then answers from the state as it is then.
    if (fault?.type === 'delay') await clock.sleep(fault.ms ?? 1000)

    const ctx: RouteContext = {
      request,
      language,
      clock,
      store,
      tokens,
      maxAttempts: options.maxAttempts ?? 5,
      lastWrongCode: options.lastWrongCode ?? 'attempts_remaining_0',
      oystrMode: options.oystrMode ?? 'sandbox',
      nextOrderNumber: () => ++orderNumber,
    }
    if (fault?.type === 'rate_limit') {
      return forcedRateLimit(ctx, fault.waitSeconds ?? Math.ceil((options.resendCooldownMs ?? 60_000) / 1000))
    }
    if (fault && fault.type !== 'delay') return faultResponse(fault, language)

    // Orders carry a session token instead of the API credentials.
    if (route !== 'order' && !isAuthorized(request, options.auth)) {
      const body = { message: message('unauthorized', language) }
      return json(401, route === 'oystr-verify' ? body : { success: false, ...body })
    }
    switch (route) {
      case 'verify':
        return verifyOtp(ctx)
      case 'resend':
        return resendOtp(ctx)
      case 'oystr-verify':
        return oystrVerify(ctx)
      case 'order':
        return createOrder(ctx)
    }
  }

  const sandbox: OtpSandbox = {
    clock,
    get inbox() {
      return store.inbox
    },
    get customers() {
      return store.entries.map((e) => snapshot(e.customer))
    },
    get pendingFaults() {
      return faults.pending
    },
    lastCodeFor(key) {
      return [...store.inbox].reverse().find((sms) => sms.to === key || sms.customerId === key)?.code
    },
    getCustomer(key) {
      const entry = store.find(key) ?? store.findByTrackingCode(key)
      return entry ? snapshot(entry.customer) : undefined
    },
    addCustomer(input: SandboxCustomerInput) {
      return snapshot(store.add(input).customer)
    },
    createCustomer(input, sendOptions) {
      const entry = store.add(input)
      store.send(entry, sendOptions?.language ?? 'en')
      return snapshot(entry.customer)
    },
    sendCode(key, sendOptions) {
      return store.send(mustFind(key), sendOptions?.language ?? 'en')
    },
    expireCode(key) {
      if (key !== undefined) mustFind(key)
      store.expire(key)
    },
    injectFault(fault) {
      validateFault(fault)
      if (fault.type === 'expire') sandbox.expireCode(fault.to)
      else faults.push(fault)
    },
    clearFaults() {
      faults.clear()
    },
    handle,
    reset() {
      faults.clear()
      tokens.clear()
      store.clear()
      orderNumber = 0
      seedCustomers()
    },
  }

  seedCustomers()
  return sandbox
}
