import { act, renderHook } from '@testing-library/react'
import type { RefObject } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useWebOtp } from '../../src/react/useWebOtp'
import { mockWebOtp } from '../utils'


/** A get() that stays open until an SMS arrives, and rejects like a browser when aborted. */
function openRequest() {
  const arrivals: Array<(credential: unknown) => void> = []
  const spy = mockWebOtp(
    ({ signal }) =>
      new Promise((resolve, reject) => {
        arrivals.push(resolve)
        signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')))
      }),
  )
  return {
    spy,
    signal: () => spy.mock.calls.at(-1)![0].signal,
    /** The SMS arrives for the latest request. */
    arrive: (credential: unknown) => act(async () => arrivals.at(-1)!(credential)),
  }
}

function renderWebOtp(enabled = true) {
  const deliver: RefObject<((code: string) => void) | null> = { current: vi.fn() }
  const hook = renderHook(({ on }) => useWebOtp(on, deliver), { initialProps: { on: enabled } })
  return { ...hook, deliver }
}

afterEach(() => {
  delete (window as { OTPCredential?: unknown }).OTPCredential
  delete (navigator as { credentials?: unknown }).credentials
})

describe('useWebOtp', () => {
  it('asks the browser for an SMS code and hands the code over when it arrives', async () => {
    const sms = openRequest()
    const { deliver } = renderWebOtp()
    expect(sms.spy).toHaveBeenCalledTimes(1)
    expect(sms.spy.mock.calls[0]![0].otp).toEqual({ transport: ['sms'] })
    await sms.arrive({ type: 'otp', code: '483920' })
    expect(deliver.current).toHaveBeenCalledExactlyOnceWith('483920')
  })

  it('hands the code to whatever function the ref holds when the SMS arrives', async () => {
    const sms = openRequest()
    const { deliver } = renderWebOtp()
    const latest = vi.fn()
    const first = deliver.current
    deliver.current = latest
    await sms.arrive({ code: '111222' })
    expect(first).not.toHaveBeenCalled()
    expect(latest).toHaveBeenCalledExactlyOnceWith('111222')
  })

  it('gives the open request’s controller to its holder, whose abort drops a late code', async () => {
    const sms = openRequest()
    const { result, deliver } = renderWebOtp()
    expect(result.current.current?.signal).toBe(sms.signal())
    // The field aborts when the shopper types; a code still in flight must not overwrite them.
    act(() => result.current.current!.abort())
    expect(sms.signal().aborted).toBe(true)
    await sms.arrive({ code: '999999' })
    expect(deliver.current).not.toHaveBeenCalled()
  })

  it('drops a code the browser hands over after the abort anyway', async () => {
    let arrive!: (credential: unknown) => void
    mockWebOtp(() => new Promise((resolve) => (arrive = resolve)))
    const { result, deliver } = renderWebOtp()
    act(() => result.current.current!.abort())
    await act(async () => arrive({ code: '999999' }))
    expect(deliver.current).not.toHaveBeenCalled()
  })

  it('aborts the request when turned off and opens a new one when turned on again', () => {
    const sms = openRequest()
    const { rerender } = renderWebOtp()
    const first = sms.signal()
    rerender({ on: false })
    expect(first.aborted).toBe(true)
    expect(sms.spy).toHaveBeenCalledTimes(1)
    rerender({ on: true })
    expect(sms.spy).toHaveBeenCalledTimes(2)
    expect(sms.signal()).not.toBe(first)
    expect(sms.signal().aborted).toBe(false)
  })

  it('aborts the request on unmount', async () => {
    const sms = openRequest()
    const { unmount, deliver } = renderWebOtp()
    unmount()
    expect(sms.signal().aborted).toBe(true)
    await sms.arrive({ code: '123456' })
    expect(deliver.current).not.toHaveBeenCalled()
  })

  it('asks nothing while disabled', () => {
    const spy = mockWebOtp(() => new Promise(() => {}))
    const { result } = renderWebOtp(false)
    expect(spy).not.toHaveBeenCalled()
    expect(result.current.current).toBeNull()
  })

  it('does nothing in a browser without WebOTP', () => {
    const get = vi.fn(() => new Promise(() => {}))
    Object.defineProperty(navigator, 'credentials', { value: { get }, configurable: true })
    const { result } = renderWebOtp()
    expect(get).not.toHaveBeenCalled()
    expect(result.current.current).toBeNull()
  })

  it('ignores a refusal, an empty credential and a credential without a code, with nothing unhandled', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      for (const answer of [Promise.reject(new DOMException('Denied', 'NotAllowedError')), Promise.resolve(null), Promise.resolve({ type: 'otp' }), Promise.resolve({ code: '' })]) {
        mockWebOtp(() => answer)
        const { deliver, unmount } = renderWebOtp()
        await act(async () => {})
        expect(deliver.current).not.toHaveBeenCalled()
        unmount()
      }
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })
})
