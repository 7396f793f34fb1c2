import { QueryClient } from '@tanstack/react-query'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { OtpVerification } from '../../src/components/OtpVerification'
import type { OtpSandbox } from '../../src/testing'
import { PHONE, countRequests, newSandbox, renderWithOtp, useSandboxServer, wrongCode, type RequestCount } from '../utils'
import { partSelector } from '../../src/react/anatomy'

useSandboxServer()

let sandbox: OtpSandbox
let requests: RequestCount
beforeEach(() => {
  sandbox = newSandbox()
  sessionStorage.clear()
  requests = countRequests()
})
const verifies = () => requests.count('verify')

const field = () => screen.getByRole('textbox', { name: /verify your phone number/i }) as HTMLInputElement
const cells = (container: HTMLElement) => [...container.querySelectorAll(partSelector('cell'))].map((c) => c.textContent).join('')
const wrong = () => wrongCode(sandbox)

describe('OtpVerification', () => {
  it('says where the code went, with the phone masked and kept left-to-right', () => {
    renderWithOtp(<OtpVerification phone={PHONE} />)
    expect(screen.getByText(/Enter the code we sent to/).textContent).toContain('\u2066+964\u00a0•••\u00a0•••\u00a04567\u2069')
    expect(document.body.textContent).not.toContain('7501234567')
  })

  it('submits once on the last digit and shows the verified state', async () => {
    const onVerified = vi.fn()
    const user = userEvent.setup()
    const { container } = renderWithOtp(<OtpVerification phone={PHONE} onVerified={onVerified} />)
    await user.click(field())
    await user.keyboard(sandbox.lastCodeFor(PHONE)!)
    await screen.findByText('Phone number verified')
    expect(onVerified).toHaveBeenCalledTimes(1)
    expect(verifies()).toBe(1)
    expect(container.querySelector(partSelector('verification'))!.getAttribute('data-state')).toBe('verified')
    expect(field().disabled).toBe(true)
  })

  it('clears the cells and keeps focus after a wrong code, and shows attempts left', async () => {
    const user = userEvent.setup()
    const { container } = renderWithOtp(<OtpVerification phone={PHONE} />)
    await user.click(field())
    await user.keyboard(wrong())
    await screen.findByText('Wrong code. 4 attempts left.')
    await waitFor(() => expect(cells(container)).toBe(''))
    expect(document.activeElement).toBe(field())
  })

  it('keeps the typed code after a server failure and retries it with Enter', async () => {
    sandbox.injectFault({ route: 'verify', type: 'html502' })
    const user = userEvent.setup()
    const { container } = renderWithOtp(<OtpVerification phone={PHONE} />)
    const code = sandbox.lastCodeFor(PHONE)!
    await user.click(field())
    await user.keyboard(code)
    await screen.findByText('Something went wrong on our side. Try again.')
    expect(cells(container)).toBe(code)
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
    await user.keyboard('{Enter}')
    await screen.findByText('Phone number verified')
    expect(verifies()).toBe(2)
  })

  it('locks the field after the fifth wrong code until a new code is sent', async () => {
    sandbox = newSandbox({ resendCooldownMs: 0 })
    const user = userEvent.setup()
    renderWithOtp(<OtpVerification phone={PHONE} />, { resendCooldownSeconds: 0 })
    const wrongs = [0, 1, 2, 3, 4].map((index) => wrongCode(sandbox, PHONE, index))
    for (const [index, code] of wrongs.entries()) {
      await user.click(field())
      await user.keyboard(code)
      await waitFor(() => expect(verifies()).toBe(index + 1))
      await waitFor(() => expect(field().value).toBe(''), { timeout: 2000 }).catch(() => {})
    }
    const locked = await screen.findByText('Too many attempts. Request a new code.')
    expect(locked.closest('[role="alert"]')).not.toBeNull()
    expect(field().disabled).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Resend code' }))
    await waitFor(() => expect(field().disabled).toBe(false))
    await waitFor(() => expect(document.activeElement).toBe(field()))
    await user.keyboard(sandbox.lastCodeFor(PHONE)!)
    await screen.findByText('Phone number verified')
  })

  it('asks for every digit when submitted early, without a request', async () => {
    const user = userEvent.setup()
    renderWithOtp(<OtpVerification phone={PHONE} autoSubmit={false} />)
    await user.click(field())
    await user.keyboard('123{Enter}')
    await screen.findByText('Enter all 6 digits.')
    expect(verifies()).toBe(0)
  })

  it('speaks Arabic right-to-left with the code row left-to-right', async () => {
    const { container } = renderWithOtp(<OtpVerification phone={PHONE} />, { language: 'ar' })
    const root = container.querySelector(partSelector('verification'))!
    expect(root.getAttribute('dir')).toBe('rtl')
    expect(root.getAttribute('lang')).toBe('ar')
    expect(container.querySelector(partSelector('root'))!.getAttribute('dir')).toBe('ltr')
    expect(screen.getByRole('button', { name: 'تحقّق' })).toBeTruthy()
  })

  it('shows the "Wrong number?" action only when the host can change the phone', async () => {
    const onChangePhone = vi.fn()
    const user = userEvent.setup()
    const { rerender } = renderWithOtp(<OtpVerification phone={PHONE} />)
    expect(screen.queryByRole('button', { name: 'Wrong number?' })).toBeNull()
    rerender(<OtpVerification phone={PHONE} onChangePhone={onChangePhone} />)
    await user.click(screen.getByRole('button', { name: 'Wrong number?' }))
    expect(onChangePhone).toHaveBeenCalledTimes(1)
  })

  it('hides resend with oystr', () => {
    renderWithOtp(<OtpVerification customerId="cd989813-9852-40f6-bca7-ea0233d48cb9" />, { adapter: 'oystr' })
    expect(screen.queryByRole('button', { name: /resend/i })).toBeNull()
  })

  it('renders server text as inert text, never as markup', async () => {
    sandbox.injectFault({ route: 'verify', type: 'body', status: 400, body: JSON.stringify({ success: false, message: '<img src=x onerror=alert(1)>' }) })
    const user = userEvent.setup()
    const { container } = renderWithOtp(<OtpVerification phone={PHONE} />)
    await user.click(field())
    await user.keyboard(wrong())
    await screen.findByText('This code can no longer be used. Request a new code.')
    expect(container.querySelector('img')).toBeNull()
  })

  it('sends one request for paste then Enter', async () => {
    sandbox.injectFault({ route: 'verify', type: 'delay', ms: 100 })
    const user = userEvent.setup()
    renderWithOtp(<OtpVerification phone={PHONE} />)
    await user.click(field())
    await user.paste(`Your OnDi code is ${sandbox.lastCodeFor(PHONE)}. Do not share it.`)
    await user.keyboard('{Enter}')
    await screen.findByText('Phone number verified')
    expect(verifies()).toBe(1)
  })

  it('sends one request for a wrong pasted code submitted again with Enter', async () => {
    const user = userEvent.setup()
    renderWithOtp(<OtpVerification phone={PHONE} autoSubmit={false} />)
    await user.click(field())
    await user.paste(wrong())
    await user.keyboard('{Enter}')
    await screen.findByText('Wrong code. 4 attempts left.')
    await user.paste(wrong())
    await user.keyboard('{Enter}')
    await waitFor(() => expect(field().value).toBe(''))
    expect(verifies()).toBe(1)
  })

  it('sends one request for an autofilled code followed by typing', async () => {
    sandbox.injectFault({ route: 'verify', type: 'delay', ms: 100 })
    const user = userEvent.setup()
    renderWithOtp(<OtpVerification phone={PHONE} />)
    const input = field()
    await user.click(input)
    // Autofill sets the whole value at once, with no key events.
    fireEvent.change(input, { target: { value: sandbox.lastCodeFor(PHONE) } })
    await user.keyboard('7')
    await screen.findByText('Phone number verified')
    expect(verifies()).toBe(1)
    await waitFor(() => expect(requests.bodies('verify').map((body) => body.code)).toEqual([sandbox.lastCodeFor(PHONE)]))
  })

  it('works with the keyboard alone: Tab to the field, type, Tab to the button, Enter', async () => {
    sandbox.injectFault({ route: 'verify', type: 'html502' })
    const user = userEvent.setup()
    renderWithOtp(<OtpVerification phone={PHONE} onChangePhone={() => {}} />)
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Wrong number?' }))
    await user.tab()
    expect(document.activeElement).toBe(field())
    await user.keyboard(sandbox.lastCodeFor(PHONE)!)
    await screen.findByText('Something went wrong on our side. Try again.')
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try again' }))
    await user.keyboard('{Enter}')
    await screen.findByText('Phone number verified')
  })
})

describe('OtpVerification unmounted', () => {
  it('leaves no verify or resend mutation behind in the host QueryClient', async () => {
    const sandbox = newSandbox({ resendCooldownMs: 0 })
    const queryClient = new QueryClient()
    const user = userEvent.setup()
    const { unmount } = renderWithOtp(<OtpVerification phone={PHONE} />, { queryClient })
    await user.click(screen.getByRole('button', { name: 'Resend code' }))
    await screen.findByText('New code sent')
    await user.click(screen.getByRole('textbox', { name: /verify your phone number/i }))
    await user.keyboard(wrongCode(sandbox))
    await screen.findByText(/Wrong code/)
    expect(queryClient.getMutationCache().getAll()).toHaveLength(2)

    unmount()
    // Each one otherwise keeps a timer and its answer alive for five minutes.
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toHaveLength(0))
  })
})
