import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef, type Ref } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ResendButton, type ResendButtonProps } from '../../src/components/ResendButton'
import { partSelector } from '../../src/react/anatomy'
import type { OtpSandbox } from '../../src/testing'
import { PHONE, countRequests, makeWrapper, newSandbox, useSandboxServer, type RequestCount } from '../utils'

// The stories show each state (ready, counting down, rate limited, Arabic,
// already verified, unsupported); these check what a screen reader hears
// while it counts, and the host's props: its click, `disabled`, class and ref.

useSandboxServer()

let sandbox: OtpSandbox
let requests: RequestCount
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(new Date('2026-11-23T10:00:00Z'))
  sessionStorage.clear()
  sandbox = newSandbox({ resendCooldownMs: 0 })
  requests = countRequests()
})
afterEach(() => vi.useRealTimers())

const renderButton = (props: Partial<ResendButtonProps> & { ref?: Ref<HTMLButtonElement> } = {}) =>
  render(<ResendButton target={{ phone: PHONE }} {...props} />, { wrapper: makeWrapper({ resendCooldownSeconds: 30 }) })
const button = () => screen.getByRole('button')
const status = () => document.querySelector<HTMLElement>(partSelector('resend-status'))!
const tick = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))
const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime })

describe('ResendButton', () => {
  it('tells a screen reader when the countdown starts and when it ends, never each second', async () => {
    renderButton({ codeSentAt: Date.now() })
    await waitFor(() => expect(status().textContent).toBe('You can request a new code in 30 seconds'))
    expect(button().textContent).toMatch(/^Resend in \u2066?0:30\u2069?$/)
    await tick(10_000)
    expect(button().textContent).toMatch(/0:20/)
    expect(status().textContent).toBe('You can request a new code in 30 seconds')
    await tick(20_000)
    await waitFor(() => expect(status().textContent).toBe('You can request a new code now'))
    expect(button().textContent).toBe('Resend code')
  })

  it('sends on click, says so, counts down and marks the button while it waits', async () => {
    const onSent = vi.fn()
    renderButton({ onSent })
    expect(button().hasAttribute('aria-disabled')).toBe(false)
    await user().click(button())
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1))
    expect(requests.count('resend')).toBe(1)
    expect(screen.getByText('New code sent').getAttribute('data-part')).toBe('resend-sent')
    expect(button().getAttribute('aria-disabled')).toBe('true')
    expect(button().hasAttribute('data-counting')).toBe(true)
    // Still focusable while it waits, and a click sends nothing.
    expect(button().hasAttribute('disabled')).toBe(false)
    await user().click(button())
    expect(requests.count('resend')).toBe(1)
  })

  it('calls the host\'s onClick beside its own', async () => {
    const onClick = vi.fn()
    renderButton({ onClick })
    await user().click(button())
    expect(onClick).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(requests.count('resend')).toBe(1))
  })

  it('sends nothing while the host has it disabled, and stays focusable so a keyboard user can find it', async () => {
    const onClick = vi.fn()
    renderButton({ disabled: true, onClick })
    expect(button().getAttribute('aria-disabled')).toBe('true')
    button().focus()
    expect(document.activeElement).toBe(button())
    await user().click(button())
    await tick(100)
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(requests.count('resend')).toBe(0)
  })

  it('says a failed send in its live region, and offers to send again', async () => {
    const onError = vi.fn()
    sandbox.injectFault({ route: 'resend', type: 'status', status: 500 })
    renderButton({ onError })
    await user().click(button())
    await waitFor(() => expect(status().textContent).toBe('Something went wrong on our side. Try again.'))
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'server' }))
    expect(button().textContent).toBe('Resend code')
    expect(button().hasAttribute('aria-disabled')).toBe(false)
  })

  it('puts the host\'s class and ref on the button; unstyled leaves the kit\'s class off the wrapper', () => {
    const ref = createRef<HTMLButtonElement>()
    const { unmount } = renderButton({ className: 'link-button', ref, id: 'resend' })
    expect(ref.current).toBe(button())
    expect(button().className).toBe('link-button')
    expect(button().id).toBe('resend')
    expect(document.querySelector(partSelector('resend'))!.className).toBe('otp-kit')
    unmount()
    renderButton({ unstyled: true })
    expect(document.querySelector(partSelector('resend'))!.hasAttribute('class')).toBe(false)
    expect(button().getAttribute('data-part')).toBe('resend-button')
  })
})
