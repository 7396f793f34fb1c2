import { QueryClient } from '@tanstack/react-query'
import { render, renderHook, type RenderHookOptions } from '@testing-library/react'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import { OtpProvider, type OtpProviderProps } from '../src/react/OtpProvider'
import { createOtpSandbox, createSandboxHandlers, type OtpSandbox, type OtpSandboxOptions } from '../src/testing'
import { routeOf, type SandboxRouteName } from '../src/testing/routes/routeTable'

export const BASE_URL = 'https://api.shop.test'
export const PHONE = '+9647501234567'

let current: OtpSandbox = createOtpSandbox()
const server = setupServer(...createSandboxHandlers({ handle: (req) => current.handle(req) } as OtpSandbox, { baseUrl: BASE_URL }))

/** Starts MSW for this file, answering from a fresh sandbox per test. */
export function useSandboxServer() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    // Ends every countRequests() of the test.
    server.events.removeAllListeners()
  })
  afterAll(() => server.close())
}

/** A fresh sandbox; the MSW handlers answer from it until the next call. */
export function newSandbox(options: OtpSandboxOptions = {}): OtpSandbox {
  current = createOtpSandbox({ now: () => Date.now(), generateCode: ({ count }) => String(111111 * ((count % 9) + 1)).slice(0, 6), ...options })
  return current
}

export { server as mswServer }

/** What {@link countRequests} has seen. */
export interface RequestCount {
  /** How many requests went to `route` (`verify`, `resend`, `oystr-verify`, `order`), or to any route. */
  count(route?: SandboxRouteName): number
  /** The JSON bodies sent to `route`, in order, as far as they have been read. */
  bodies(route: SandboxRouteName): Array<Record<string, unknown>>
  /** Requests on their way: started and not yet answered. */
  readonly inFlight: number
}

/**
 * Counts the requests the kit sends through the sandbox's MSW server, by
 * sandbox route, from this call until the end of the test.
 */
export function countRequests(): RequestCount {
  const seen: Array<{ route: SandboxRouteName | undefined; body?: Record<string, unknown> }> = []
  let inFlight = 0
  server.events.on('request:start', ({ request }) => {
    const entry: (typeof seen)[number] = { route: routeOf(new URL(request.url).pathname) }
    seen.push(entry)
    inFlight++
    void request
      .clone()
      .text()
      .then((text) => {
        entry.body = text ? (JSON.parse(text) as Record<string, unknown>) : {}
      })
  })
  server.events.on('request:end', () => {
    inFlight--
  })
  const of = (route?: SandboxRouteName) => seen.filter((entry) => route === undefined || entry.route === route)
  return {
    count: (route) => of(route).length,
    bodies: (route) => of(route).flatMap((entry) => (entry.body ? [entry.body] : [])),
    get inFlight() {
      return inFlight
    },
  }
}

/**
 * The `index`-th of a list of codes the sandbox has never sent to `to` (a
 * phone or a customer id): wrong for the current code, and for every earlier
 * one. The first nine differ from the current code in its last digit only,
 * as a shopper's slip would; each index gives its own code, the same one
 * until the next code is sent.
 */
export function wrongCode(sandbox: OtpSandbox, to: string = PHONE, index = 0): string {
  const current = sandbox.lastCodeFor(to) ?? '000000'
  const sent = new Set(sandbox.inbox.filter((sms) => sms.to === to || sms.customerId === to).map((sms) => sms.code))
  const slips = Array.from({ length: 9 }, (_, shift) => current.slice(0, -1) + String((Number(current.at(-1)) + shift + 1) % 10))
  const found: string[] = []
  for (const code of slips) if (!sent.has(code)) found.push(code)
  for (let n = 0; found.length <= index; n++) {
    const code = String(n).padStart(6, '0')
    if (!sent.has(code) && !found.includes(code)) found.push(code)
  }
  return found[index]!
}

type ProviderOptions = Partial<Omit<OtpProviderProps, 'children'>>

/** A provider over a fresh QueryClient, talking to the sandbox. */
export function makeWrapper(options: ProviderOptions = {}) {
  const queryClient = options.queryClient ?? new QueryClient()
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <OtpProvider adapter="ondi" baseUrl={BASE_URL} queryClient={queryClient} {...options}>
        {children}
      </OtpProvider>
    )
  }
}

export function renderWithOtp(ui: ReactNode, options: ProviderOptions = {}) {
  return render(ui, { wrapper: makeWrapper(options) })
}

export function renderHookWithOtp<R, P>(hook: (props: P) => R, options: ProviderOptions & Pick<RenderHookOptions<P>, 'initialProps'> = {}) {
  const { initialProps, ...provider } = options
  return renderHook(hook, { wrapper: makeWrapper(provider), initialProps })
}

/** What a test's fake `navigator.credentials.get` receives for a WebOTP request. */
export type WebOtpGet = (options: { signal: AbortSignal; otp: { transport: string[] } }) => Promise<unknown>

/** A browser with WebOTP whose `navigator.credentials.get` is `get` (a spy, returned). */
export function mockWebOtp(get: WebOtpGet) {
  const spy = vi.fn(get)
  Object.defineProperty(window, 'OTPCredential', { value: class {}, configurable: true })
  Object.defineProperty(navigator, 'credentials', { value: { get: spy }, configurable: true })
  return spy
}
