import { QueryClient, QueryClientProvider, onlineManager, useIsMutating } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import type { ReactNode } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { OtpProvider } from '../../src/react/OtpProvider'
import { otpKeys } from '../../src/react/otpKeys'
import { useResendOtp } from '../../src/react/useResendOtp'
import { useVerifyOtp } from '../../src/react/useVerifyOtp'
import type { OtpSandbox } from '../../src/testing'
import { BASE_URL, PHONE, countRequests, makeWrapper, mswServer, newSandbox, renderHookWithOtp, useSandboxServer, wrongCode, type RequestCount } from '../utils'

useSandboxServer()

let sandbox: OtpSandbox
let requests: RequestCount
beforeEach(() => {
  sandbox = newSandbox()
  requests = countRequests()
})

const verifyCalls = () => requests.count('verify')
const wrong = () => wrongCode(sandbox)

describe('useVerifyOtp', () => {
  it('verifies the right code and calls onVerified once with the customer and session', async () => {
    const onVerified = vi.fn()
    const { result } = renderHookWithOtp(() => useVerifyOtp({ phone: PHONE }, { onVerified }))
    expect(result.current.attemptsRemaining).toBe(5)
    act(() => result.current.verify(sandbox.lastCodeFor(PHONE)!))
    await waitFor(() => expect(result.current.isVerified).toBe(true))
    expect(onVerified).toHaveBeenCalledTimes(1)
    const [{ customer, session }] = onVerified.mock.calls[0]!
    expect(customer).toMatchObject({ customerId: 'GAL1704067200001', fullName: 'Shilan Ahmed' })
    expect(session.headers['X-EXPRESS-KEY']).toBe(session.accessToken)
    expect(session.expiresAt).toBeGreaterThan(Date.now())
    // Verifying again sends nothing and does not notify twice.
    act(() => result.current.verify(sandbox.lastCodeFor(PHONE)!))
    await waitFor(() => expect(result.current.isPending).toBe(false))
    expect(onVerified).toHaveBeenCalledTimes(1)
    expect(verifyCalls()).toBe(1)
  })

  it('counts attempts down on wrong codes and never sends a judged code again', async () => {
    const onError = vi.fn()
    const { result } = renderHookWithOtp(() => useVerifyOtp({ phone: PHONE }, { onError }))
    act(() => result.current.verify(wrong()))
    await waitFor(() => expect(result.current.error?.kind).toBe('invalid_code'))
    expect(result.current.attemptsRemaining).toBe(4)
    act(() => result.current.verify(wrong()))
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(2))
    expect(verifyCalls()).toBe(1)
    expect(result.current.attemptsRemaining).toBe(4)
  })

  it.each(['attempts_remaining_0', 'too_many_attempts'] as const)('locks after the fifth wrong code (%s)', async (lastWrongCode) => {
    sandbox = newSandbox({ lastWrongCode })
    const right = sandbox.lastCodeFor(PHONE)!
    const wrongs = [0, 1, 2, 3, 4].map((index) => wrongCode(sandbox, PHONE, index))
    const { result } = renderHookWithOtp(() => useVerifyOtp({ phone: PHONE }))
    for (const code of wrongs) {
      await act(() => result.current.verifyAsync(code).catch(() => {}))
    }
    expect(result.current.isLocked).toBe(true)
    expect(result.current.lockReason).toBe('too_many_attempts')
    expect(result.current.attemptsRemaining).toBe(0)
    // The right code now sends nothing: the code is dead until a new one is sent.
    await act(() => result.current.verifyAsync(right).catch(() => {}))
    await waitFor(() => expect(result.current.error).toMatchObject({ kind: 'code_dead' }))
    expect(verifyCalls()).toBe(5)
  })

  it('reads a too-many-attempts answer worded in Arabic from the attempt count', async () => {
    sandbox = newSandbox({ lastWrongCode: 'too_many_attempts' })
    const wrongs = [0, 1, 2, 3, 4].map((index) => wrongCode(sandbox, PHONE, index))
    const { result } = renderHookWithOtp(() => useVerifyOtp({ phone: PHONE }), { language: 'ar' })
    for (const code of wrongs) await act(() => result.current.verifyAsync(code).catch(() => {}))
    expect(result.current.lockReason).toBe('too_many_attempts')
  })

  it('reports an expired code as locked by expiry', async () => {
    const { result } = renderHookWithOtp(() => useVerifyOtp({ phone: PHONE }))
    sandbox.expireCode(PHONE)
    await act(() => result.current.verifyAsync(sandbox.lastCodeFor(PHONE)!).catch(() => {}))
    await waitFor(() => expect(result.current).toMatchObject({ isLocked: true, lockReason: 'expired', error: { kind: 'code_dead', reason: 'expired' } }))
  })

  it('lets the same code be sent again after a failure', async () => {
    sandbox.injectFault({ route: 'verify', type: 'html502' })
    const { result } = renderHookWithOtp(() => useVerifyOtp({ phone: PHONE }))
    const code = sandbox.lastCodeFor(PHONE)!
    await act(() => result.current.verifyAsync(code).catch(() => {}))
    await waitFor(() => expect(result.current.error).toMatchObject({ kind: 'server', status: 502 }))
    expect(result.current.attemptsRemaining).toBe(5)
    await act(() => result.current.verifyAsync(code))
    expect(result.current.isVerified).toBe(true)
    expect(verifyCalls()).toBe(2)
  })

  it('reports a dropped connection as a network failure', async () => {
    sandbox.injectFault({ route: 'verify', type: 'drop' })
    const { result } = renderHookWithOtp(() => useVerifyOtp({ phone: PHONE }))
    await act(() => result.current.verifyAsync(sandbox.lastCodeFor(PHONE)!).catch(() => {}))
    await waitFor(() => expect(result.current.error).toMatchObject({ kind: 'network', outcome: 'failure' }))
  })

  it('sends one request for a double verify of the same code', async () => {
    const { result } = renderHookWithOtp(() => useVerifyOtp({ phone: PHONE }))
    const code = sandbox.lastCodeFor(PHONE)!
    act(() => {
      result.current.verify(code)
      result.current.verify(code)
    })
    await waitFor(() => expect(result.current.isVerified).toBe(true))
    expect(verifyCalls()).toBe(1)
  })

  it('ignores an answer that arrives after a new code was sent', async () => {
    sandbox = newSandbox({ resendCooldownMs: 0 })
    sandbox.injectFault({ route: 'verify', type: 'delay', ms: 200 })
    const onError = vi.fn()
    const { result } = renderHookWithOtp(
      () => ({ verify: useVerifyOtp({ phone: PHONE }, { onError }), resend: useResendOtp({ phone: PHONE }) }),
    )
    let pending!: Promise<unknown>
    act(() => {
      pending = result.current.verify.verifyAsync(wrong()).catch((e) => e)
    })
    act(() => result.current.resend.resend())
    await waitFor(() => expect(result.current.resend.sentAt).not.toBeNull())
    expect(await pending).toMatchObject({ kind: 'aborted' })
    expect(result.current.verify.error).toBeNull()
    expect(result.current.verify.attemptsRemaining).toBe(5)
    expect(onError).not.toHaveBeenCalled()
  })

  it('aborts the request on unmount', async () => {
    sandbox.injectFault({ route: 'verify', type: 'delay', ms: 5000 })
    let signal: AbortSignal | undefined
    const fetchSpy = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      signal = init?.signal ?? undefined
      return globalThis.fetch(input, init)
    })
    const { result, unmount } = renderHookWithOtp(() => useVerifyOtp({ phone: PHONE }), { fetch: fetchSpy })
    act(() => result.current.verify(sandbox.lastCodeFor(PHONE)!))
    await waitFor(() => expect(fetchSpy).toHaveBeenCalled())
    unmount()
    expect(signal?.aborted).toBe(true)
  })

  it('refuses an invalid phone before any request', async () => {
    const { result } = renderHookWithOtp(() => useVerifyOtp({ phone: '0750 123 4567' }))
    await act(() => result.current.verifyAsync('123456').catch(() => {}))
    await waitFor(() => expect(result.current.error).toMatchObject({ kind: 'invalid_request' }))
    expect(verifyCalls()).toBe(0)
  })

  it('keeps its rules under a host QueryClient that retries and waits for the network', async () => {
    const host = new QueryClient({ defaultOptions: { mutations: { retry: 3, networkMode: 'online' } } })
    onlineManager.setOnline(false)
    try {
      mswServer.use(http.post(`${BASE_URL}/express-shipping/customer/verify-otp`, () => HttpResponse.error()))
      const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={host}>
          <OtpProvider adapter="ondi" baseUrl={BASE_URL}>
            {children}
          </OtpProvider>
        </QueryClientProvider>
      )
      const { result } = renderHook(() => useVerifyOtp({ phone: PHONE }), { wrapper })
      await act(() => result.current.verifyAsync('123456').catch(() => {}))
      await waitFor(() => expect(result.current.error).toMatchObject({ kind: 'network' }))
      expect(verifyCalls()).toBe(1)
      expect(host.getMutationCache().getAll()).toHaveLength(1)
    } finally {
      onlineManager.setOnline(true)
    }
  })

  it('throws a sentence that names the fix outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useVerifyOtp({ phone: PHONE }))).toThrow(/inside <OtpProvider>/)
  })

  it('works with oystr: any 6 digits verify in the sandbox', async () => {
    const { result } = renderHookWithOtp(() => useVerifyOtp({ customerId: 'cd989813-9852-40f6-bca7-ea0233d48cb9' }), { adapter: 'oystr' })
    expect(result.current.attemptsRemaining).toBeNull()
    await act(() => result.current.verifyAsync('424242'))
    expect(result.current.data?.customer).toEqual({ customerId: 'cd989813-9852-40f6-bca7-ea0233d48cb9' })
  })

  it('shares one state between hooks for the same target', async () => {
    const wrapper = makeWrapper()
    const { result } = renderHook(() => ({ a: useVerifyOtp({ phone: PHONE }), b: useVerifyOtp({ phone: '+964 750 123 4567' }) }), { wrapper })
    await act(() => result.current.a.verifyAsync(wrong()).catch(() => {}))
    expect(result.current.b.attemptsRemaining).toBe(4)
  })

  describe('one state per target', () => {
    it('shows the same isPending and error in two components on one phone, and reset clears it for both', async () => {
      sandbox.injectFault({ route: 'verify', type: 'delay', ms: 100 })
      const wrapper = makeWrapper()
      const { result } = renderHook(() => ({ a: useVerifyOtp({ phone: PHONE }), b: useVerifyOtp({ phone: '+964 750 123 4567' }) }), { wrapper })
      act(() => result.current.a.verify(wrong()))
      expect(result.current.b.isPending).toBe(true)
      await waitFor(() => expect(result.current.b.error?.kind).toBe('invalid_code'))
      expect(result.current.a.error).toBe(result.current.b.error)
      expect(result.current.a.isPending).toBe(false)
      act(() => result.current.b.reset())
      expect(result.current.a.error).toBeNull()
      expect(result.current.b.error).toBeNull()
      expect(result.current.a.attemptsRemaining).toBe(4)
    })

    it("calls each hook's onVerified once per verification, whichever sent the code", async () => {
      const first = vi.fn()
      const second = vi.fn()
      const wrapper = makeWrapper()
      const { result } = renderHook(
        () => ({ a: useVerifyOtp({ phone: PHONE }, { onVerified: first }), b: useVerifyOtp({ phone: PHONE }, { onVerified: second }) }),
        { wrapper },
      )
      const code = sandbox.lastCodeFor(PHONE)!
      await act(() => Promise.all([result.current.a.verifyAsync(code), result.current.b.verifyAsync(code)]))
      await act(() => result.current.a.verifyAsync(code))
      expect(first).toHaveBeenCalledTimes(1)
      expect(second).toHaveBeenCalledTimes(1)
      expect(second.mock.calls[0]![0].customer).toMatchObject({ customerId: 'GAL1704067200001' })
      expect(verifyCalls()).toBe(1)
    })

    it("goes on for the other component when one that shares the request unmounts", async () => {
      sandbox.injectFault({ route: 'verify', type: 'delay', ms: 100 })
      const queryClient = new QueryClient()
      const code = sandbox.lastCodeFor(PHONE)!
      const wrapper = makeWrapper({ queryClient })
      const stays = renderHook(() => useVerifyOtp({ phone: PHONE }), { wrapper })
      const leaves = renderHook(() => useVerifyOtp({ phone: PHONE }), { wrapper: makeWrapper({ queryClient }) })
      void leaves.result.current.verifyAsync(code).catch(() => {})
      act(() => stays.result.current.verify(code))
      leaves.unmount()
      await waitFor(() => expect(stays.result.current.isVerified).toBe(true))
      expect(verifyCalls()).toBe(1)
    })

    it("files each request in the host's QueryClient under otpKeys, where useIsMutating sees it, but reads no state from it", async () => {
      sandbox.injectFault({ route: 'verify', type: 'delay', ms: 100 })
      const queryClient = new QueryClient()
      const { result } = renderHookWithOtp(
        () => ({ verification: useVerifyOtp({ phone: PHONE }), mutating: useIsMutating({ mutationKey: otpKeys.all }, queryClient) }),
        { queryClient },
      )
      act(() => result.current.verification.verify(sandbox.lastCodeFor(PHONE)!))
      await waitFor(() => expect(result.current.mutating).toBe(1))
      const [mutation] = queryClient.getMutationCache().getAll()
      expect(mutation!.options.mutationKey).toEqual(otpKeys.verify(`ondi:${PHONE}`))
      // Emptying the host's cache takes nothing from the kit's state.
      act(() => queryClient.getMutationCache().clear())
      expect(result.current.verification.isPending).toBe(true)
      await waitFor(() => expect(result.current.verification.isVerified).toBe(true))
      expect(result.current.verification.isPending).toBe(false)
      expect(result.current.mutating).toBe(0)
    })
  })
})
