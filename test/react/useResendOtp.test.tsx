import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useResendOtp } from '../../src/react/useResendOtp'
import { useVerifyOtp } from '../../src/react/useVerifyOtp'
import type { OtpSandbox } from '../../src/testing'
import { PHONE, countRequests, makeWrapper, newSandbox, renderHookWithOtp, useSandboxServer, wrongCode, type RequestCount } from '../utils'

useSandboxServer()

let sandbox: OtpSandbox
let requests: RequestCount
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(new Date('2026-11-23T10:00:00Z'))
  sessionStorage.clear()
  sandbox = newSandbox({ resendCooldownMs: 60_000 })
  requests = countRequests()
})
afterEach(() => {
  vi.useRealTimers()
})

const tick = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))

describe('useResendOtp', () => {
  it('starts the countdown from the server wait_time of a 429', async () => {
    const onError = vi.fn()
    const { result } = renderHookWithOtp(() => useResendOtp({ phone: PHONE }, { onError }))
    expect(result.current.canResend).toBe(true)
    act(() => result.current.resend())
    await waitFor(() => expect(result.current.error?.kind).toBe('rate_limited'))
    expect(result.current.secondsLeft).toBe(60)
    expect(result.current.canResend).toBe(false)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'rate_limited', waitSeconds: 60 }))
    await tick(15_000)
    expect(result.current.secondsLeft).toBe(45)
    act(() => result.current.resend())
    expect(requests.count('resend')).toBe(1)
  })

  it('sends after the wait, starts a new code cycle and the client cooldown', async () => {
    const wrapper = makeWrapper({ resendCooldownSeconds: 30 })
    const { result } = renderHook(() => ({ verify: useVerifyOtp({ phone: PHONE }), resend: useResendOtp({ phone: PHONE }) }), { wrapper })
    const oldCode = sandbox.lastCodeFor(PHONE)!
    const wrong = wrongCode(sandbox)
    await act(() => result.current.verify.verifyAsync(wrong).catch(() => {}))
    await waitFor(() => expect(result.current.verify.attemptsRemaining).toBe(4))
    sandbox.clock.advance(60_000)
    await act(() => result.current.resend.resend())
    await waitFor(() => expect(result.current.resend.isSent).toBe(true))
    expect(Date.now() - result.current.resend.sentAt!).toBeLessThan(1000)
    expect(result.current.resend.secondsLeft).toBe(30)
    expect(result.current.verify.attemptsRemaining).toBe(5)
    // The wrong code may be tried again in the new cycle: its verdict was for the old code.
    expect(sandbox.lastCodeFor(PHONE)).not.toBe(oldCode)
    await tick(30_000)
    expect(result.current.resend.secondsLeft).toBe(0)
    expect(result.current.resend.canResend).toBe(true)
  })

  it('counts down from codeSentAt so the first tap does not meet a 429', async () => {
    const { result } = renderHookWithOtp(() => useResendOtp({ phone: PHONE }, { codeSentAt: Date.now() - 10_000 }), { resendCooldownSeconds: 30 })
    await waitFor(() => expect(result.current.secondsLeft).toBe(20))
    act(() => result.current.resend())
    expect(requests.count('resend')).toBe(0)
  })

  it('re-renders once per second at most while counting down', async () => {
    let renders = 0
    const { result } = renderHookWithOtp(() => {
      renders++
      return useResendOtp({ phone: PHONE }, { codeSentAt: Date.now() })
    })
    await waitFor(() => expect(result.current.secondsLeft).toBe(30))
    renders = 0
    // In quarter seconds, each in its own act(): React 18 flushes an act()'s
    // updates once at its end, so one 10 s act() would show a single render.
    for (let step = 0; step < 40; step++) await tick(250)
    expect(result.current.secondsLeft).toBe(20)
    expect(renders).toBeLessThanOrEqual(10)
    expect(renders).toBeGreaterThanOrEqual(10)
  })

  it('keeps the deadline across a remount, under a key that does not spell the phone', async () => {
    const first = renderHookWithOtp(() => useResendOtp({ phone: PHONE }, { codeSentAt: Date.now() }))
    await waitFor(() => expect(first.result.current.secondsLeft).toBe(30))
    await tick(12_000)
    first.unmount()
    const keys = Object.keys(sessionStorage)
    expect(keys).toHaveLength(1)
    expect(keys[0]).not.toContain('750')
    expect(JSON.stringify(sessionStorage)).not.toContain('7501234567')
    const second = renderHookWithOtp(() => useResendOtp({ phone: PHONE }))
    await waitFor(() => expect(second.result.current.secondsLeft).toBe(18))
  })

  it('drops an expired stored deadline', async () => {
    const first = renderHookWithOtp(() => useResendOtp({ phone: PHONE }, { codeSentAt: Date.now() }))
    await waitFor(() => expect(first.result.current.secondsLeft).toBe(30))
    first.unmount()
    vi.setSystemTime(Date.now() + 31_000)
    const second = renderHookWithOtp(() => useResendOtp({ phone: PHONE }))
    await tick(0)
    expect(second.result.current.secondsLeft).toBe(0)
    expect(Object.keys(sessionStorage)).toHaveLength(0)
  })

  it('sends one request for two resends in flight', async () => {
    sandbox.clock.advance(60_000)
    const { result } = renderHook(() => [useResendOtp({ phone: PHONE }), useResendOtp({ phone: PHONE })] as const, { wrapper: makeWrapper() })
    act(() => {
      result.current[0].resend()
      result.current[1].resend()
    })
    await waitFor(() => expect(result.current[0].sentAt).not.toBeNull())
    expect(requests.count('resend')).toBe(1)
  })

  it('shows already verified and customer not found as states', async () => {
    const verified = renderHookWithOtp(() => useResendOtp({ phone: '+9647701234567' }))
    act(() => verified.result.current.resend())
    await waitFor(() => expect(verified.result.current.error?.kind).toBe('already_verified'))
    const unknown = renderHookWithOtp(() => useResendOtp({ phone: '+9647909999999' }))
    act(() => unknown.result.current.resend())
    await waitFor(() => expect(unknown.result.current.error?.kind).toBe('customer_not_found'))
  })

  it('cannot resend with oystr', () => {
    const { result } = renderHookWithOtp(() => useResendOtp({ customerId: 'c1' }), { adapter: 'oystr' })
    expect(result.current).toMatchObject({ canResend: false, isSupported: false, error: { kind: 'unsupported' } })
    act(() => result.current.resend())
    expect(requests.count('resend')).toBe(0)
  })

  it('clears its timer on unmount', async () => {
    const { result, unmount } = renderHookWithOtp(() => useResendOtp({ phone: PHONE }, { codeSentAt: Date.now() }))
    await waitFor(() => expect(result.current.secondsLeft).toBe(30))
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  })
})
