/** The API routes the sandbox answers, by the names faults aim at. */
export const SANDBOX_ROUTES = Object.freeze({
  /** OnDi: verify a code. */
  verify: '/express-shipping/customer/verify-otp',
  /** OnDi: send a new code. */
  resend: '/express-shipping/customer/resend-otp',
  /** Oystr: verify a customer. */
  'oystr-verify': '/v1/customer/verify',
  /** The sandbox's own order route (not part of any document): checks `X-EXPRESS-KEY`. */
  order: '/express-shipping/orders',
} as const)

/** The name of an API route. */
export type SandboxRouteName = keyof typeof SANDBOX_ROUTES

const entries = Object.entries(SANDBOX_ROUTES) as [SandboxRouteName, string][]

/**
 * Finds the route a path ends with, so the sandbox works under any base path
 * (`/api`, `/proxy/ondi`, none). Transports that must refuse other prefixes
 * check the base themselves.
 */
export function routeOf(pathname: string): SandboxRouteName | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  return entries.find(([, routePath]) => path === routePath || path.endsWith(routePath))?.[0]
}
