import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OtpVerification } from '../../src/components/OtpVerification'
import type { OtpEvent } from '../../src/core/events'
import type { OtpSandbox } from '../../src/testing'
import { expectPrivacySafe } from '../support/otpEvents'
import { PHONE, makeWrapper, newSandbox, renderWithOtp, useSandboxServer, wrongCode } from '../utils'

useSandboxServer()

let sandbox: OtpSandbox
beforeEach(() => {
  sessionStorage.clear()
  sandbox = newSandbox({ resendCooldownMs: 0 })
})
afterEach(() => vi.restoreAllMocks())

const field = () => screen.getByRole('textbox', { name: /verify your phone number/i }) as HTMLInputElement
const wrong = () => wrongCode(sandbox)
const types = (events: OtpEvent[]) => events.map((event) => event.type)
const later = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)))

describe('the funnel events of a verification flow', () => {
  it('tells a checkout what happened, in order, to the flow and to the provider, with one flow id', async () => {
    const flow: OtpEvent[] = []
    const provider: OtpEvent[] = []
    const user = userEvent.setup()
    const sentAt = Date.now() - 5_000
    const { unmount } = renderWithOtp(<OtpVerification phone={PHONE} codeSentAt={sentAt} onEvent={(e) => flow.push(e)} />, {
      resendCooldownSeconds: 0,
      onEvent: (e) => provider.push(e),
    })
    const typedWrong = wrong()
    await user.click(field())
    await user.keyboard(typedWrong)
    await screen.findByText('Wrong code. 4 attempts left.')
    await user.click(screen.getByRole('button', { name: 'Resend code' }))
    await screen.findByText('New code sent')
    await waitFor(() => expect(document.activeElement).toBe(field()))
    await user.paste(sandbox.lastCodeFor(PHONE)!)
    await screen.findByText('Phone number verified')
    unmount()
    await later()

    expect(types(flow)).toEqual(['code_sent', 'code_entered', 'verify_failed', 'resend_requested', 'code_sent', 'code_entered', 'verified'])
    expect(flow).toMatchObject([
      { by: 'host' },
      { source: 'typed' },
      { kind: 'invalid_code' },
      {},
      { by: 'resend' },
      { source: 'pasted' },
      { attempts: 2 },
    ])
    const verified = flow.at(-1) as Extract<OtpEvent, { type: 'verified' }>
    expect(verified.msSinceCodeSent).toBeGreaterThanOrEqual(0)
    expect(verified.msSinceCodeSent).toBeLessThan(Date.now() - sentAt)
    expect(provider).toEqual(flow)
    expect(new Set(flow.map((e) => e.flowId)).size).toBe(1)
    expect(flow.every((e, i) => i === 0 || e.timestamp >= flow[i - 1]!.timestamp)).toBe(true)
    for (const event of flow) expectPrivacySafe(event, [PHONE, ...sandbox.inbox.map((sms) => sms.code), typedWrong])
  })

  it('reports a lock with its reason, a rate limit with its wait, "Wrong number?" and a shopper who leaves', async () => {
    sandbox = newSandbox({ resendCooldownMs: 60_000 })
    const events: OtpEvent[] = []
    const user = userEvent.setup()
    const { unmount } = renderWithOtp(<OtpVerification phone={PHONE} onChangePhone={() => {}} onEvent={(e) => events.push(e)} />)
    sandbox.expireCode(PHONE)
    await user.click(field())
    await user.keyboard(sandbox.lastCodeFor(PHONE)!)
    await screen.findByText('This code has expired. Request a new code.')
    await user.click(screen.getByRole('button', { name: 'Resend code' }))
    await waitFor(() => expect(events.some((e) => e.type === 'rate_limited')).toBe(true))
    await user.click(screen.getByRole('button', { name: 'Wrong number?' }))
    unmount()
    await later()
    expect(types(events)).toEqual(['code_entered', 'locked', 'verify_failed', 'resend_requested', 'rate_limited', 'change_phone', 'abandoned'])
    expect(events).toMatchObject([{}, { reason: 'expired' }, { kind: 'code_dead' }, {}, { waitSeconds: 60 }, {}, {}])
    const abandoned = events.at(-1) as Extract<OtpEvent, { type: 'abandoned' }>
    expect(abandoned.msSpent).toBeGreaterThanOrEqual(0)
  })

  it('goes on verifying when a listener throws', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const onVerified = vi.fn()
    const user = userEvent.setup()
    renderWithOtp(
      <OtpVerification
        phone={PHONE}
        onVerified={onVerified}
        onEvent={() => {
          throw new Error('analytics is down')
        }}
      />,
      {
        onEvent: () => {
          throw new Error('so is the other one')
        },
      },
    )
    await user.click(field())
    await user.keyboard(wrong())
    await screen.findByText('Wrong code. 4 attempts left.')
    await user.keyboard(sandbox.lastCodeFor(PHONE)!)
    await screen.findByText('Phone number verified')
    expect(onVerified).toHaveBeenCalledTimes(1)
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('onEvent'), expect.any(Error))
  })

  it('emits each event once under StrictMode, whose effects run twice', async () => {
    const events: OtpEvent[] = []
    const Wrapper = makeWrapper({ resendCooldownSeconds: 0 })
    const user = userEvent.setup()
    const inbox = sandbox.inbox.length
    const { unmount } = render(
      <StrictMode>
        <Wrapper>
          <OtpVerification phone={PHONE} codeSentAt={Date.now()} sendOnMount onEvent={(e) => events.push(e)} />
        </Wrapper>
      </StrictMode>,
    )
    await screen.findByText('New code sent')
    await later()
    // One text message: the trial unmount's request never left.
    expect(sandbox.inbox.length).toBe(inbox + 1)
    await user.click(field())
    await user.keyboard(wrong())
    await screen.findByText('Wrong code. 4 attempts left.')
    unmount()
    await later()
    expect(types(events)).toEqual(['code_sent', 'resend_requested', 'code_sent', 'code_entered', 'verify_failed', 'abandoned'])
  })

  it('says nothing of a flow that unmounts verified', async () => {
    const events: OtpEvent[] = []
    const user = userEvent.setup()
    const { unmount } = renderWithOtp(<OtpVerification phone={PHONE} onEvent={(e) => events.push(e)} />)
    await user.click(field())
    await user.keyboard(sandbox.lastCodeFor(PHONE)!)
    await screen.findByText('Phone number verified')
    unmount()
    await later()
    expect(types(events)).toEqual(['code_entered', 'verified'])
    expect(events[1]).toMatchObject({ attempts: 1, msSinceCodeSent: null })
  })
})
