import { act, cleanup, renderHook, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, type ReactNode } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { OtpVerification } from '../../src/components/OtpVerification'
import { bannerParts, verificationParts } from '../../src/react/anatomy'
import { useOtpVerification } from '../../src/react/useOtpVerification'
import type { OtpSandbox } from '../../src/testing'
import { PHONE, countRequests, makeWrapper, newSandbox, renderHookWithOtp, renderWithOtp, useSandboxServer, wrongCode, type RequestCount } from '../utils'

useSandboxServer()

let sandbox: OtpSandbox
let requests: RequestCount
beforeEach(() => {
  sessionStorage.clear()
  requests = countRequests()
})

/** A code field and its messages built from the hook alone, with the drop-in's names. */
function HookHost({ autoSubmit }: { autoSubmit?: boolean }) {
  const flow = useOtpVerification({ phone: PHONE }, { autoSubmit })
  return (
    <section data-part={verificationParts.verification} data-state={flow.state}>
      <form {...flow.getFormProps()}>
        <div {...flow.field.getRootProps()}>
          <input {...flow.field.getInputProps({ 'aria-label': 'Verify your phone number' })} />
          {flow.field.cells.map((cell) => (
            <span key={cell.index} {...flow.field.getCellProps(cell.index)} />
          ))}
        </div>
        <p data-part={bannerParts.banner}>{flow.bannerError ? `${flow.bannerError.kind} ${flow.attemptsRemaining}` : ''}</p>
        <p data-part={verificationParts.error}>{flow.inlineError?.kind ?? (flow.isIncomplete ? 'incomplete' : '')}</p>
        <button type="submit">{flow.canRetry ? 'Try again' : 'Verify'}</button>
        <button type="button" aria-disabled={!flow.canResend || undefined} onClick={flow.resend}>
          Resend code
        </button>
      </form>
    </section>
  )
}

const field = () => screen.getByRole('textbox', { name: /verify your phone number/i }) as HTMLInputElement
const part = (name: string) => document.querySelector(`[data-part="${name}"]`)!

/** What a shopper sees of either widget, in the same terms. */
function look() {
  const input = field()
  return {
    state: part('verification').getAttribute('data-state'),
    code: input.value,
    disabled: input.disabled,
    focused: document.activeElement === input,
    banner: part('banner').textContent !== '',
    inline: part('error').textContent !== '',
    retry: screen.queryByRole('button', { name: 'Try again' }) !== null,
    verifies: requests.count('verify'),
  }
}

async function settle() {
  await waitFor(() => {
    expect(requests.inFlight).toBe(0)
    expect(part('verification').getAttribute('data-state')).not.toBe('verifying')
  })
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
}

/** The same shopper, step by step: what each widget shows after each step. */
async function script(ui: ReactNode) {
  sandbox = newSandbox({ resendCooldownMs: 0 })
  requests = countRequests()
  renderWithOtp(ui, { resendCooldownSeconds: 0 })
  const user = userEvent.setup()
  const wrong = () => wrongCode(sandbox)
  const seen: Array<[string, ReturnType<typeof look>]> = []
  const step = async (name: string, act: () => Promise<void>) => {
    await act()
    await settle()
    seen.push([name, look()])
  }
  await step('a wrong code', async () => {
    await user.click(field())
    await user.keyboard(wrong())
  })
  await step('two digits and Enter', () => user.keyboard('12{Enter}'))
  await step('a server failure', async () => {
    await user.keyboard('{Backspace}{Backspace}')
    sandbox.injectFault({ route: 'verify', type: 'html502' })
    await user.keyboard('123450')
  })
  await step('Enter retries the code the server then judges wrong', () => user.keyboard('{Enter}'))
  await step('a new code', () => user.click(screen.getByRole('button', { name: 'Resend code' })))
  await step('the code expires before it is typed', async () => {
    sandbox.expireCode(PHONE)
    await user.keyboard(sandbox.lastCodeFor(PHONE)!)
  })
  await step('another new code', () => user.click(screen.getByRole('button', { name: 'Resend code' })))
  await step('the right code', () => user.keyboard(sandbox.lastCodeFor(PHONE)!))
  cleanup()
  return seen
}

describe('useOtpVerification', () => {
  it('goes through the same states as OtpVerification, step by step, over the same sandbox script', async () => {
    const dropIn = await script(<OtpVerification phone={PHONE} />)
    const hook = await script(<HookHost />)
    expect(hook).toEqual(dropIn)
    // The script does reach every state worth comparing.
    expect(dropIn.map(([, seen]) => seen.state)).toEqual(['idle', 'error', 'error', 'idle', 'idle', 'locked', 'idle', 'verified'])
    expect(dropIn.find(([name]) => name === 'a new code')![1]).toMatchObject({ code: '', focused: true })
  }, 20_000)

  it('returns errors, not sentences, and says where each one goes', async () => {
    newSandbox()
    const { result } = renderHookWithOtp(() => useOtpVerification({ phone: PHONE }, { autoSubmit: false }))
    act(() => result.current.submit('12'))
    expect(result.current).toMatchObject({ state: 'error', isIncomplete: true, inlineError: null, bannerError: null })
    sandbox = newSandbox()
    await act(async () => result.current.submit(wrongCode(sandbox)))
    await waitFor(() => expect(result.current.bannerError).toMatchObject({ kind: 'invalid_code' }))
    expect(result.current).toMatchObject({ state: 'idle', inlineError: null, isIncomplete: false, attemptsRemaining: 4 })
    sandbox.injectFault({ route: 'verify', type: 'drop' })
    await act(async () => result.current.submit('123450'))
    await waitFor(() => expect(result.current.inlineError).toMatchObject({ kind: 'network' }))
    expect(result.current).toMatchObject({ state: 'error', canRetry: true })
  })

  it('keeps what the shopper types after a new code: the field clears once per new code, not on every render', async () => {
    newSandbox({ resendCooldownMs: 0 })
    renderWithOtp(<OtpVerification phone={PHONE} />, { resendCooldownSeconds: 0 })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Resend code' }))
    await screen.findByText('New code sent')
    await waitFor(() => expect(document.activeElement).toBe(field()))
    // Every keystroke renders the widget again; each digit stays.
    for (const digit of '1234') {
      await user.keyboard(digit)
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    }
    expect(field().value).toBe('1234')
  })

  it('sends a first code on mount once, under StrictMode too', async () => {
    sandbox = newSandbox({ resendCooldownMs: 0 })
    const inbox = sandbox.inbox.length
    const Wrapper = makeWrapper({ resendCooldownSeconds: 0 })
    const { result } = renderHook(() => useOtpVerification({ phone: PHONE }, { sendOnMount: true }), {
      wrapper: ({ children }) => (
        <StrictMode>
          <Wrapper>{children}</Wrapper>
        </StrictMode>
      ),
    })
    await waitFor(() => expect(result.current.isSent).toBe(true))
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(sandbox.inbox.length).toBe(inbox + 1)
  })
})
