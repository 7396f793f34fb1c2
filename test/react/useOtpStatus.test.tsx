import { act, renderHook, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { useOtpStatus } from '../../src/react/useOtpStatus'
import { useResendOtp } from '../../src/react/useResendOtp'
import { useVerifyOtp } from '../../src/react/useVerifyOtp'
import type { OtpSandbox } from '../../src/testing'
import { PHONE, makeWrapper, newSandbox, useSandboxServer, wrongCode } from '../utils'

useSandboxServer()

const OTHER_PHONE = '+9647701234567'
let sandbox: OtpSandbox
beforeEach(() => {
  sessionStorage.clear()
  sandbox = newSandbox({ resendCooldownMs: 0 })
})

/** A verify hook and two status readers, as a banner and a summary elsewhere on the page would be. */
function renderPage() {
  return renderHook(
    () => ({
      verify: useVerifyOtp({ phone: PHONE }),
      resend: useResendOtp({ phone: PHONE }),
      banner: useOtpStatus({ phone: PHONE }),
      summary: useOtpStatus({ phone: PHONE }),
      other: useOtpStatus({ phone: OTHER_PHONE }),
    }),
    { wrapper: makeWrapper({ resendCooldownSeconds: 0 }) },
  )
}

describe('useOtpStatus', () => {
  it('starts with the full attempts, nothing said, nothing locked', () => {
    const { result } = renderPage()
    expect(result.current.banner).toEqual({
      attemptsRemaining: 5,
      isLocked: false,
      lockReason: null,
      lastVerdict: null,
      verdictCount: 0,
      isVerified: false,
      codeCycle: 0,
    })
  })

  it('shows what another hook on the same phone did, in every reader, and nothing for another phone', async () => {
    const { result } = renderPage()
    await act(() => result.current.verify.verifyAsync(wrongCode(sandbox, PHONE, 0)).catch(() => {}))
    expect(result.current.banner).toMatchObject({ attemptsRemaining: 4, lastVerdict: { kind: 'invalid_code', attemptsRemaining: 4 }, verdictCount: 1 })
    expect(result.current.summary).toEqual(result.current.banner)
    expect(result.current.other).toMatchObject({ attemptsRemaining: 5, lastVerdict: null, verdictCount: 0 })

    await act(() => result.current.verify.verifyAsync(wrongCode(sandbox, PHONE, 1)).catch(() => {}))
    expect(result.current.banner).toMatchObject({ attemptsRemaining: 3, verdictCount: 2 })
  })

  it('counts each verdict once, so the same sentence twice still reads as news, and a repeated code adds none', async () => {
    const { result } = renderPage()
    const code = wrongCode(sandbox)
    await act(() => result.current.verify.verifyAsync(code).catch(() => {}))
    await act(() => result.current.verify.verifyAsync(code).catch(() => {}))
    expect(result.current.banner).toMatchObject({ attemptsRemaining: 4, verdictCount: 1 })
  })

  it('starts a new cycle on a new code: the attempts are whole again and the old verdict is gone', async () => {
    const { result } = renderPage()
    await act(() => result.current.verify.verifyAsync(wrongCode(sandbox)).catch(() => {}))
    act(() => result.current.resend.resend())
    await waitFor(() => expect(result.current.banner.codeCycle).toBe(1))
    expect(result.current.banner).toMatchObject({ attemptsRemaining: 5, lastVerdict: null, verdictCount: 0, isLocked: false })
  })

  it('reports a dead code as locked, with its reason, until a new code is sent', async () => {
    const { result } = renderPage()
    sandbox.expireCode(PHONE)
    await act(() => result.current.verify.verifyAsync(sandbox.lastCodeFor(PHONE)!).catch(() => {}))
    expect(result.current.banner).toMatchObject({ isLocked: true, lockReason: 'expired', lastVerdict: { kind: 'code_dead', reason: 'expired' } })
    expect(result.current.banner.verdictCount).toBe(1)
    act(() => result.current.resend.resend())
    await waitFor(() => expect(result.current.banner.isLocked).toBe(false))
    expect(result.current.banner.lockReason).toBeNull()
  })

  it('says verified once the code is accepted', async () => {
    const { result } = renderPage()
    await act(() => result.current.verify.verifyAsync(sandbox.lastCodeFor(PHONE)!))
    expect(result.current.banner.isVerified).toBe(true)
    expect(result.current.summary.isVerified).toBe(true)
    expect(result.current.other.isVerified).toBe(false)
  })
})
