import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useVerifiedSession } from '../../src/react/useVerifiedSession'
import { useVerifyOtp } from '../../src/react/useVerifyOtp'
import type { OtpSandbox } from '../../src/testing'
import { PHONE, makeWrapper, newSandbox, useSandboxServer } from '../utils'

useSandboxServer()
let sandbox: OtpSandbox
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(new Date('2026-11-23T10:00:00Z'))
  sandbox = newSandbox({ sessionTtlMs: 5 * 60_000 })
})
afterEach(() => vi.useRealTimers())

describe('useVerifiedSession', () => {
  it('exposes the session of the last verify and reports its expiry once', async () => {
    const onExpired = vi.fn()
    const { result } = renderHook(() => ({ verify: useVerifyOtp({ phone: PHONE }), session: useVerifiedSession({ onExpired }) }), {
      wrapper: makeWrapper(),
    })
    expect(result.current.session).toMatchObject({ session: null, headers: null, isExpired: false })
    await act(() => result.current.verify.verifyAsync(sandbox.lastCodeFor(PHONE)!))
    await waitFor(() => expect(result.current.session.accessToken).not.toBeNull())
    const token = result.current.session.accessToken!
    expect(result.current.session.headers).toEqual({ 'X-EXPRESS-KEY': token })
    expect(result.current.session.expiresAt! - Date.now()).toBeGreaterThan(4 * 60_000)
    await act(() => vi.advanceTimersByTimeAsync(5 * 60_000 + 1000))
    expect(result.current.session).toMatchObject({ isExpired: true, headers: null })
    expect(onExpired).toHaveBeenCalledTimes(1)
    expect(onExpired.mock.calls[0]![0].accessToken).toBe(token)
  })

  it('forgets the session on clear', async () => {
    const { result } = renderHook(() => ({ verify: useVerifyOtp({ phone: PHONE }), session: useVerifiedSession() }), { wrapper: makeWrapper() })
    await act(() => result.current.verify.verifyAsync(sandbox.lastCodeFor(PHONE)!))
    await waitFor(() => expect(result.current.session.session).not.toBeNull())
    act(() => result.current.session.clear())
    expect(result.current.session.session).toBeNull()
  })

  it('keeps the token out of every storage', async () => {
    localStorage.clear()
    const { result } = renderHook(() => ({ verify: useVerifyOtp({ phone: PHONE }), session: useVerifiedSession() }), { wrapper: makeWrapper() })
    await act(() => result.current.verify.verifyAsync(sandbox.lastCodeFor(PHONE)!))
    await waitFor(() => expect(result.current.session.accessToken).not.toBeNull())
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie
    expect(stored).not.toContain(result.current.session.accessToken!)
  })
})
