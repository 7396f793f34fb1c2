import { json, lowerKeys } from './http.js'
import { message, type MessageKey } from './messages.js'
import type { SandboxRouteName } from './routes/routeTable.js'
import type { SandboxClock, SandboxFault, SandboxFaultType, SandboxLanguage, SandboxResponse } from './types.js'

const QUEUED_TYPES: ReadonlySet<SandboxFaultType> = new Set<SandboxFaultType>([
  'html502',
  'drop',
  'delay',
  'status',
  'body',
  'timeout',
  'reset',
  'rate_limit',
  'server_error',
])
const ROUTES = new Set(['verify', 'resend', 'oystr-verify', 'order', 'any'])
const CORS = new Set(['none', 'no-expose'])

/** Faults waiting for requests, and requests held by `timeout`. */
export interface FaultQueue {
  readonly pending: readonly SandboxFault[]
  push(fault: SandboxFault): void
  /** The first fault aimed at this route, counted as used once. */
  take(route: SandboxRouteName): SandboxFault | undefined
  /** Resolves after `ms` of sandbox time, or at `clear()`; never by itself when `ms` is absent. */
  hold(ms: number | undefined): Promise<void>
  /** Drops pending faults and lets held requests go. */
  clear(): void
}

/** Makes the queue. Faults are used in the order they were injected. */
export function createFaultQueue(clock: SandboxClock): FaultQueue {
  let pending: { fault: SandboxFault; left: number }[] = []
  const held = new Set<() => void>()

  return {
    get pending() {
      return pending.map(({ fault, left }) => ({ ...fault, times: left }))
    },
    push(fault) {
      validateFault(fault)
      pending.push({ fault: { ...fault }, left: fault.times ?? 1 })
    },
    take(route) {
      const slot = pending.find(({ fault }) => aimsAt(fault, route))
      if (!slot) return undefined
      slot.left -= 1
      if (slot.left <= 0) pending = pending.filter((s) => s !== slot)
      return slot.fault
    },
    hold(ms) {
      return new Promise<void>((resolve) => {
        const release = () => {
          held.delete(release)
          resolve()
        }
        held.add(release)
        if (ms !== undefined) void clock.sleep(ms).then(release)
      })
    },
    clear() {
      pending = []
      for (const release of [...held]) release()
    },
  }
}

function aimsAt(fault: SandboxFault, route: SandboxRouteName): boolean {
  // A rate limit only means something on resend.
  if (fault.type === 'rate_limit') return route === 'resend'
  const target = fault.route ?? 'any'
  return target === 'any' || target === route
}

/** Throws a TypeError naming the bad field, so a control request can answer 400 with it. */
export function validateFault(fault: SandboxFault): void {
  if (typeof fault !== 'object' || fault === null) throw new TypeError('a fault is an object with a type')
  const { type, route, ms, status, times, waitSeconds } = fault
  if (type !== 'expire' && !QUEUED_TYPES.has(type)) throw new TypeError(`unknown fault type "${String(type)}"`)
  if (route !== undefined && !ROUTES.has(route)) throw new TypeError(`unknown fault route "${String(route)}"`)
  if (ms !== undefined && !(Number.isFinite(ms) && ms >= 0)) throw new TypeError('fault.ms must be a number >= 0')
  if (status !== undefined && !(Number.isInteger(status) && status >= 200 && status <= 599)) {
    throw new TypeError('fault.status must be an HTTP status from 200 to 599')
  }
  if (times !== undefined && !(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new TypeError('fault.times must be a whole number >= 1, or Infinity')
  }
  if (waitSeconds !== undefined && !(Number.isInteger(waitSeconds) && waitSeconds >= 1)) {
    throw new TypeError('fault.waitSeconds must be a whole number >= 1')
  }
  if (fault.body !== undefined && typeof fault.body !== 'string') throw new TypeError('fault.body must be a string')
  if (fault.cors !== undefined && !CORS.has(fault.cors)) throw new TypeError('fault.cors must be "none" or "no-expose"')
}

const BAD_GATEWAY_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
  '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n'

/** The start of an answer that `reset` cuts off: half of `body`, or of a verified answer. */
export function resetResponse(fault: SandboxFault): SandboxResponse {
  const body = fault.body ?? '{"success":true,"data":{"customer_id":"GAL1704067200001","full_name":"Sandbox Customer"}}'
  return {
    status: fault.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...lowerKeys(fault.headers ?? {}) },
    body: body.slice(0, Math.ceil(body.length / 2)),
  }
}

/** The answer of a fault that replaces the route's own: `html502`, `status`, `body`, `server_error`. */
export function faultResponse(fault: SandboxFault, language: SandboxLanguage): SandboxResponse {
  const headers = lowerKeys(fault.headers ?? {})
  switch (fault.type) {
    case 'html502':
      return { status: 502, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: BAD_GATEWAY_PAGE }
    case 'body':
      return {
        status: fault.status ?? 200,
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        body: fault.body ?? '',
      }
    case 'status':
      if (fault.body !== undefined) {
        return { status: fault.status ?? 500, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: fault.body }
      }
      return json(fault.status ?? 500, { success: false, message: message(statusMessage(fault.status ?? 500), language) }, headers)
    default:
      return json(500, { success: false, message: message('serverError', language) }, headers)
  }
}

function statusMessage(status: number): MessageKey {
  if (status === 401 || status === 403) return 'unauthorized'
  if (status === 404) return 'notFound'
  if (status === 429) return 'rateLimited'
  return 'serverError'
}
