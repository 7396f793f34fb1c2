import { QueryClient } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OtpVerification } from '../../src/components/OtpVerification'
import type { OtpAuth } from '../../src/core/types'
import { OtpProvider, type OtpProviderProps } from '../../src/react/OtpProvider'
import { useVerifiedSession } from '../../src/react/useVerifiedSession'
import type { OtpSandbox } from '../../src/testing'
import { BASE_URL, PHONE, newSandbox, useSandboxServer, wrongCode } from '../utils'
import { partSelector, type OtpPart } from '../../src/react/anatomy'

// Two things happening at once, each as the shopper or the host sees it.
// The hook-level halves of the first three live beside their hooks:
// useVerifyOtp.test.tsx ("ignores an answer that arrives after a new code was
// sent", "aborts the request on unmount") and useResendOtp.test.tsx ("sends
// one request for two resends in flight").

useSandboxServer()

type Route = 'verify' | 'resend' | 'order'
type Sent = { route: Route; url: URL; headers: Headers; body: Record<string, unknown> }

/**
 * The provider's fetch, answering from the sandbox through MSW, that can hold
 * a route's next request on its way there (`before`: the server has not seen
 * it) or its answer on the way back (`after`: the server has judged).
 */
function createHeldFetch() {
  const holds = new Map<Route, 'before' | 'after'>()
  const held: Array<{ route: Route; release: () => void }> = []
  const sent: Sent[] = []
  const wait = (route: Route, signal: AbortSignal | null | undefined) =>
    new Promise<void>((resolve, reject) => {
      held.push({ route, release: resolve })
      signal?.addEventListener('abort', () => reject(new DOMException('The request was aborted', 'AbortError')))
    })
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input))
    const route: Route = url.pathname.endsWith('/verify-otp') ? 'verify' : url.pathname.endsWith('/resend-otp') ? 'resend' : 'order'
    sent.push({ route, url, headers: new Headers(init?.headers), body: JSON.parse(String(init?.body ?? '{}')) })
    const when = holds.get(route)
    holds.delete(route)
    if (when === 'before') await wait(route, init?.signal)
    const response = await globalThis.fetch(input, init)
    if (when === 'after') await wait(route, init?.signal)
    return response
  }) as typeof globalThis.fetch
  return {
    fetch,
    sent,
    /** Holds the next request of `route`. */
    hold: (route: Route, when: 'before' | 'after') => holds.set(route, when),
    /** Whether a request of `route` is being held. */
    isHeld: (route: Route) => held.some((h) => h.route === route),
    /** Lets the held request of `route` go on. */
    release: (route: Route) => {
      const at = held.findIndex((h) => h.route === route)
      if (at < 0) throw new Error(`no ${route} request is held`)
      held.splice(at, 1)[0]!.release()
    },
    of: (route: Route) => sent.filter((s) => s.route === route),
  }
}

let sandbox: OtpSandbox
let net: ReturnType<typeof createHeldFetch>
beforeEach(() => {
  sessionStorage.clear()
  sandbox = newSandbox({ resendCooldownMs: 0 })
  net = createHeldFetch()
})
afterEach(() => vi.useRealTimers())

const field = () => screen.getByRole('textbox') as HTMLInputElement
const part = (name: OtpPart) => document.querySelector(partSelector(name))!
const wrong = () => wrongCode(sandbox)

/** The widget in a provider whose props a test may change while it runs. */
function renderWidget(provider: Partial<OtpProviderProps> = {}, widget: Partial<Parameters<typeof OtpVerification>[0]> = {}) {
  const queryClient = new QueryClient()
  const ui = (props: Partial<OtpProviderProps>) => (
    <OtpProvider adapter="ondi" baseUrl={BASE_URL} fetch={net.fetch} queryClient={queryClient} resendCooldownSeconds={0} {...provider} {...props}>
      <OtpVerification phone={PHONE} {...widget} />
    </OtpProvider>
  )
  const view = render(ui({}))
  return { ...view, change: (props: Partial<OtpProviderProps>) => view.rerender(ui(props)) }
}

describe('races', () => {
  it('verify answered after a resend: the stale "wrong code" changes nothing about the new code', async () => {
    const onError = vi.fn()
    const user = userEvent.setup()
    renderWidget({}, { onError })
    const old = wrong()
    net.hold('verify', 'after')
    await user.click(field())
    await user.keyboard(old)
    await waitFor(() => expect(net.isHeld('verify')).toBe(true))
    // The server judged the old code wrong; before that answer arrives, a new code is sent.
    await user.click(screen.getByRole('button', { name: 'Resend code' }))
    await screen.findByText('New code sent')
    const next = sandbox.lastCodeFor(PHONE)!
    await user.click(field())
    await user.keyboard(next.slice(0, 3))
    act(() => net.release('verify'))
    await waitFor(() => expect(part('verification').getAttribute('data-state')).toBe('idle'))
    // The shopper's half-typed new code stays, and no "wrong code" or count is shown for it.
    expect(field().value).toBe(next.slice(0, 3))
    expect(part('banner').textContent).toBe('')
    expect(onError).not.toHaveBeenCalled()
    await user.keyboard(next.slice(3))
    await screen.findByText('Phone number verified')
    expect(net.of('verify').map((s) => s.body.code)).toEqual([old, next])
  })

  it('two resends in flight: one request, one text message, one "New code sent"', async () => {
    const user = userEvent.setup()
    const inbox = sandbox.inbox.length
    net.hold('resend', 'before')
    renderWidget({}, { sendOnMount: true })
    await waitFor(() => expect(net.isHeld('resend')).toBe(true))
    // The shopper taps Resend twice while the send the widget made on mount is on its way.
    const button = screen.getByRole('button', { name: /resend|sending/i })
    await user.click(button)
    await user.click(button)
    act(() => net.release('resend'))
    await screen.findByText('New code sent')
    await waitFor(() => expect(part('resend-button').getAttribute('data-pending')).toBeNull())
    expect(net.of('resend')).toHaveLength(1)
    expect(sandbox.inbox.length).toBe(inbox + 1)
    expect(screen.getAllByText('New code sent')).toHaveLength(1)
  })

  it('unmount during verify: the request is cancelled, nothing is verified, no callback and no warning', async () => {
    const onVerified = vi.fn()
    const onError = vi.fn()
    const consoleError = vi.spyOn(console, 'error')
    const user = userEvent.setup()
    const { unmount } = renderWidget({}, { onVerified, onError })
    net.hold('verify', 'before')
    await user.click(field())
    await user.keyboard(sandbox.lastCodeFor(PHONE)!)
    await waitFor(() => expect(net.isHeld('verify')).toBe(true))
    unmount()
    // Let it go on: aborted with the widget, it never reaches the server.
    act(() => net.release('verify'))
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(sandbox.getCustomer(PHONE)!.isVerified).toBe(false)
    expect(onVerified).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled()
    consoleError.mockRestore()
  })

  it('language switched mid-flow: the answer speaks the new language, the count carries over, the next request asks in it', async () => {
    const user = userEvent.setup()
    const { change } = renderWidget({ language: 'en' })
    net.hold('verify', 'after')
    await user.click(field())
    await user.keyboard(wrong())
    await waitFor(() => expect(net.isHeld('verify')).toBe(true))
    change({ language: 'ar' })
    act(() => net.release('verify'))
    // "Wrong code. 4 attempts left." in Arabic, with Arabic-Indic digits.
    await waitFor(() => expect(part('banner-status').textContent).toContain('٤'))
    expect(part('verification').getAttribute('dir')).toBe('rtl')
    expect(part('banner-status').textContent).not.toMatch(/[A-Za-z]/)
    await user.click(field())
    await user.keyboard(sandbox.lastCodeFor(PHONE) === '111111' ? '222222' : '111111')
    await waitFor(() => expect(part('banner-status').textContent).toContain('٣'))
    expect(net.of('verify').map((s) => s.url.searchParams.get('language'))).toEqual(['en', 'ar'])
  })

  it('provider config changed mid-flow: the answer on its way still counts, the next request uses the new token', async () => {
    sandbox = newSandbox({ resendCooldownMs: 0, auth: { bearerTokens: ['token-1', 'token-2'] } })
    const user = userEvent.setup()
    const auth = (token: string): OtpAuth => ({ bearerToken: token })
    const { change } = renderWidget({ auth: auth('token-1') })
    const typedWrong = wrong()
    net.hold('verify', 'after')
    await user.click(field())
    await user.keyboard(typedWrong)
    await waitFor(() => expect(net.isHeld('verify')).toBe(true))
    change({ auth: auth('token-2'), timeoutMs: 10_000 })
    act(() => net.release('verify'))
    await screen.findByText('Wrong code. 4 attempts left.')
    // The verdict outlives the change: the same wrong code is not sent again.
    await user.click(field())
    await user.keyboard(typedWrong)
    await waitFor(() => expect(field().value).toBe(''))
    expect(net.of('verify')).toHaveLength(1)
    await user.keyboard(sandbox.lastCodeFor(PHONE)!)
    await screen.findByText('Phone number verified')
    expect(net.of('verify').map((s) => s.headers.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2'])
  })

  it('session expiring while an order call is being made: expiry is reported once, the key is withdrawn, the kit sends nothing of its own', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.setSystemTime(new Date('2026-11-23T10:00:00Z'))
    sandbox = newSandbox({ resendCooldownMs: 0, sessionTtlMs: 5 * 60_000 })
    const onExpired = vi.fn()
    const orders: Array<{ status: number; message: string }> = []

    function Checkout() {
      const [done, setDone] = useState(false)
      const { headers, isExpired } = useVerifiedSession({ onExpired })
      const placeOrder = async () => {
        const response = await net.fetch(`${BASE_URL}/express-shipping/orders`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({ items: [{ sku: 'honey', quantity: 1 }] }),
        })
        const body = (await response.json()) as { message?: string }
        orders.push({ status: response.status, message: body.message ?? '' })
      }
      return (
        <>
          <OtpVerification phone={PHONE} onVerified={() => setDone(true)} />
          {done && headers ? <button onClick={() => void placeOrder()}>Place order</button> : null}
          <p data-testid="session">{isExpired ? 'expired' : headers ? 'live' : 'none'}</p>
        </>
      )
    }
    const queryClient = new QueryClient()
    render(
      <OtpProvider adapter="ondi" baseUrl={BASE_URL} fetch={net.fetch} queryClient={queryClient}>
        <Checkout />
      </OtpProvider>,
    )
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await user.click(field())
    await user.keyboard(sandbox.lastCodeFor(PHONE)!)
    await screen.findByText('Phone number verified')
    expect(screen.getByTestId('session').textContent).toBe('live')

    // Four minutes later the order goes out, and takes two minutes to answer.
    await act(() => vi.advanceTimersByTimeAsync(4 * 60_000))
    net.hold('order', 'before')
    await user.click(screen.getByRole('button', { name: 'Place order' }))
    await waitFor(() => expect(net.isHeld('order')).toBe(true))
    await act(() => vi.advanceTimersByTimeAsync(2 * 60_000))
    expect(onExpired).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('session').textContent).toBe('expired')
    expect(screen.queryByRole('button', { name: 'Place order' })).toBeNull()

    act(() => net.release('order'))
    await waitFor(() => expect(orders).toHaveLength(1))
    expect(orders[0]).toEqual({ status: 401, message: 'Session token has expired. Verify again to renew it.' })
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(onExpired).toHaveBeenCalledTimes(1)
    // No renewal and no retry of its own: one verify, no resend, the one order the host made.
    expect(net.sent.map((s) => s.route)).toEqual(['verify', 'order'])
    expect(part('verification').getAttribute('data-state')).toBe('verified')
  })
})
