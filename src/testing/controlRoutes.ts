import { json, parseUrl, readJsonObject } from './http.js'
import type { OtpSandbox } from './OtpSandbox.js'
import type { SandboxCustomerInput, SandboxFault, SandboxRequest, SandboxResponse } from './types.js'

/** The prefix of the control routes. No real API uses it, so they cannot clash. */
export const CONTROL_PREFIX = '/__sandbox'

const ROUTES = [
  'GET  /__sandbox/inbox[?to=phone-or-customer-id]',
  'GET  /__sandbox/customers',
  'POST /__sandbox/customers  {phone, customerId?, fullName?, email?, verified?, hasUserAccount?, trackingCode?, sendCode?} or a list',
  'POST /__sandbox/send       {to: phone or customer id, language?}',
  'POST /__sandbox/fault      {route?, type, ms?, status?, body?, headers?, times?, to?, waitSeconds?, cors?}',
  'POST /__sandbox/fault/clear',
  'GET  /__sandbox/clock',
  'POST /__sandbox/clock/advance  {ms}',
  'POST /__sandbox/clock/set      {now: epoch ms or ISO string}',
  'POST /__sandbox/reset',
]

type CustomerSeed = SandboxCustomerInput & { sendCode?: boolean }

/**
 * Answers a request under {@link CONTROL_PREFIX}: reads the inbox, seeds
 * customers, injects faults, moves the clock, resets. Part of the sandbox
 * server, not of any real API. Errors answer 400 with `{ success: false, message }`.
 */
export function handleControl(sandbox: OtpSandbox, request: SandboxRequest): SandboxResponse {
  const url = parseUrl(request.url)
  const path = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '')
  const route = `${request.method.toUpperCase()} ${path}`
  const body = readJsonObject(request.body) ?? {}
  try {
    switch (route) {
      case 'GET ':
        return json(200, { routes: ROUTES })
      case 'GET /inbox': {
        const to = url.searchParams.get('to')
        const list = to === null ? sandbox.inbox : sandbox.inbox.filter((sms) => sms.to === to || sms.customerId === to)
        return json(200, list)
      }
      case 'GET /customers':
        return json(200, sandbox.customers)
      case 'POST /customers': {
        const parsed: unknown = JSON.parse(request.body || 'null')
        const seeds = (Array.isArray(parsed) ? parsed : [parsed]) as CustomerSeed[]
        if (seeds.some((s) => typeof s !== 'object' || s === null)) throw new TypeError('send a customer object or a list of them')
        const created = seeds.map(({ sendCode, ...input }) =>
          (sendCode ?? !input.verified) ? sandbox.createCustomer(input) : sandbox.addCustomer(input),
        )
        return json(201, Array.isArray(parsed) ? created : created[0])
      }
      case 'POST /send': {
        // What the host's own server does when it creates a customer or starts
        // a checkout: a new code, no cooldown, verified customers included.
        const to = typeof body.to === 'string' ? body.to : ''
        const customer = sandbox.getCustomer(to)
        if (!customer) return json(404, { success: false, message: `no sandbox customer has the phone or id "${to}"` })
        const language = body.language ?? 'en'
        if (language !== 'en' && language !== 'ar' && language !== 'ku') throw new TypeError('send "language": "en", "ar" or "ku"')
        return json(200, sandbox.sendCode(customer.phone, { language }))
      }
      case 'POST /fault':
        sandbox.injectFault(body as unknown as SandboxFault)
        return json(200, { pending: sandbox.pendingFaults })
      case 'POST /fault/clear':
        sandbox.clearFaults()
        return json(200, { pending: [] })
      case 'GET /clock':
        return clockState(sandbox)
      case 'POST /clock/advance':
        if (typeof body.ms !== 'number') throw new TypeError('send {"ms": <milliseconds>}')
        sandbox.clock.advance(body.ms)
        return clockState(sandbox)
      case 'POST /clock/set': {
        const when = typeof body.now === 'string' ? Date.parse(body.now) : body.now
        if (typeof when !== 'number' || !Number.isFinite(when)) throw new TypeError('send {"now": <epoch ms or ISO string>}')
        sandbox.clock.set(when)
        return clockState(sandbox)
      }
      case 'POST /reset':
        sandbox.reset()
        return json(200, { customers: sandbox.customers })
      default:
        return json(404, { success: false, message: `no control route ${route.trim()}; GET ${CONTROL_PREFIX}/ lists them` })
    }
  } catch (error) {
    return json(400, { success: false, message: error instanceof Error ? error.message : String(error) })
  }
}

function clockState(sandbox: OtpSandbox): SandboxResponse {
  const now = sandbox.clock.now()
  return json(200, { now, iso: new Date(now).toISOString() })
}
