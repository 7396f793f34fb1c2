import { act, render, waitFor } from '@testing-library/react'
import { createRef, type Ref } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { AttemptsBanner } from '../../src/components/AttemptsBanner'
import { partSelector } from '../../src/react/anatomy'
import { useResendOtp } from '../../src/react/useResendOtp'
import { useVerifyOtp, type UseVerifyOtpResult } from '../../src/react/useVerifyOtp'
import type { OtpSandbox } from '../../src/testing'
import { PHONE, makeWrapper, newSandbox, useSandboxServer, wrongCode } from '../utils'

// The stories show each state (empty, attempts left, last attempt, locked,
// expired, Arabic); these check what the stories cannot: which live region
// speaks, that each verdict is a new announcement, and the host's props.

useSandboxServer()

let sandbox: OtpSandbox
let verify: UseVerifyOtpResult
let resend: () => void
beforeEach(() => {
  sessionStorage.clear()
  sandbox = newSandbox({ resendCooldownMs: 0 })
})

/** The banner beside the hooks that change what it says, as a host's own field would use them. */
// The ref travels as `bannerRef`: React 18 keeps `ref` from a function component's props.
type PageProps = Partial<Parameters<typeof AttemptsBanner>[0]> & { bannerRef?: Ref<HTMLDivElement> }
function Page({ bannerRef, ...props }: PageProps) {
  verify = useVerifyOtp({ phone: PHONE })
  resend = useResendOtp({ phone: PHONE }).resend
  return <AttemptsBanner target={{ phone: PHONE }} {...props} ref={bannerRef} />
}

const renderBanner = (props: PageProps = {}) =>
  render(<Page {...props} />, { wrapper: makeWrapper({ resendCooldownSeconds: 0 }) })
const banner = () => document.querySelector<HTMLElement>(partSelector('banner'))!
const polite = () => document.querySelector<HTMLElement>(partSelector('banner-status'))!
const assertive = () => document.querySelector<HTMLElement>(partSelector('banner-alert'))!
const typeWrong = (index = 0) => act(() => verify.verifyAsync(wrongCode(sandbox, PHONE, index)).catch(() => {}))

describe('AttemptsBanner', () => {
  it('has both live regions in the page before anything is said, so the first verdict is heard', () => {
    renderBanner()
    expect(polite().getAttribute('aria-live')).toBe('polite')
    expect(assertive().getAttribute('role')).toBe('alert')
    expect(banner().hasAttribute('data-empty')).toBe(true)
    expect(banner().hasAttribute('data-tone')).toBe(false)
    expect(banner().textContent).toBe('')
  })

  it('says a wrong code politely, and the last attempt as a warning, in the polite region only', async () => {
    renderBanner()
    await typeWrong(0)
    expect(polite().textContent).toBe('Wrong code. 4 attempts left.')
    expect(assertive().textContent).toBe('')
    expect(banner().getAttribute('data-tone')).toBe('info')
    for (const index of [1, 2, 3]) await typeWrong(index)
    expect(polite().textContent).toBe('Wrong code. This is your last attempt.')
    expect(banner().getAttribute('data-tone')).toBe('warning')
  })

  it('says a lock as an alert, and only there', async () => {
    renderBanner()
    for (const index of [0, 1, 2, 3, 4]) await typeWrong(index)
    expect(assertive().textContent).toBe('Too many attempts. Request a new code.')
    expect(polite().textContent).toBe('')
    expect(banner().hasAttribute('data-locked')).toBe(true)
    expect(banner().getAttribute('data-tone')).toBe('error')
  })

  it('makes each verdict a new announcement: a new node, even for the next wrong code', async () => {
    renderBanner()
    await typeWrong(0)
    const first = polite().firstElementChild
    await typeWrong(1)
    expect(polite().textContent).toBe('Wrong code. 3 attempts left.')
    expect(polite().firstElementChild).not.toBe(first)
  })

  it('falls silent when a new code is sent', async () => {
    renderBanner()
    await typeWrong(0)
    act(() => resend())
    await waitFor(() => expect(banner().hasAttribute('data-empty')).toBe(true))
    expect(banner().textContent).toBe('')
    expect(banner().hasAttribute('data-tone')).toBe(false)
  })

  it('takes the host\'s class, ref and attributes; unstyled leaves out the kit\'s class and keeps the data attributes', async () => {
    const ref = createRef<HTMLDivElement>()
    const { rerender } = renderBanner({ className: 'checkout-banner', id: 'otp-banner', bannerRef: ref })
    expect(ref.current).toBe(banner())
    expect(banner().id).toBe('otp-banner')
    expect(banner().className).toBe('otp-kit checkout-banner')
    rerender(<Page unstyled className="checkout-banner" />)
    expect(banner().className).toBe('checkout-banner')
    await typeWrong(0)
    expect(banner().getAttribute('data-tone')).toBe('info')
  })
})
