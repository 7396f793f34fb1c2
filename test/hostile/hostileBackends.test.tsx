// Every row of the hostile back-end table, at the shopper's level: the kit's
// own widget over MSW, in English, Arabic and Sorani Kurdish.
import { MutationCache, QueryClient } from '@tanstack/react-query'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OtpVerification } from '../../src/components/OtpVerification'
import type { OtpError } from '../../src/core/errors'
import { createTranslator } from '../../src/core/i18n/translator'
import type { OtpAuth } from '../../src/core/types'
import type { OtpSandbox } from '../../src/testing'
import { PHONE, countRequests, newSandbox, renderWithOtp, useSandboxServer, wrongCode, type RequestCount } from '../utils'
import { COOLDOWN_SECONDS, TIMEOUT_MS, resendCases, sentenceOf, verifyCases, type AuthMode, type HostileCase } from './cases'
import { partSelector } from '../../src/react/anatomy'

useSandboxServer()

const LANGUAGES = ['en', 'ar', 'ku'] as const

let sandbox: OtpSandbox
let requests: RequestCount
beforeEach(() => {
  sessionStorage.clear()
  delete document.body.dataset.pwned
  requests = countRequests()
})
afterEach(() => {
  // Wakes any answer a `delay` fault still holds, so nothing outlives the test.
  sandbox.clock.advance(60 * 60_000)
  vi.useRealTimers()
})

function authFor(mode: AuthMode | undefined, calls: boolean[]): OtpAuth | undefined {
  if (mode === 'bearer') return { bearerToken: 'sandbox-token' }
  if (mode === 'token-getter') {
    return {
      getAccessToken: async ({ forceRefresh }) => {
        calls.push(forceRefresh)
        return 'sandbox-token'
      },
    }
  }
  return undefined
}

const input = (container: HTMLElement) => container.querySelector<HTMLInputElement>(partSelector('input'))!

/** What must hold after every hostile answer: nothing built from the server's text. */
function expectNoMarkup(container: HTMLElement, error: OtpError, row: HostileCase) {
  expect(container.querySelector('img, script, iframe, svg, object, embed')).toBeNull()
  expect(document.body.dataset.pwned).toBeUndefined()
  if (row.serverMessage !== undefined) {
    // Carried for the host, as plain text; never shown: the kit speaks its own sentences.
    expect(error.serverMessage).toBe(row.serverMessage)
    expect(document.body.textContent).not.toContain(row.serverMessage)
  }
}

describe.each(LANGUAGES)('hostile back ends, verify, in %s', (language) => {
  const t = createTranslator(language)

  it.each(verifyCases)('$name', async (row) => {
    sandbox = newSandbox({ resendCooldownMs: 0 })
    for (const fault of row.faults(language)) sandbox.injectFault(fault)
    const onError = vi.fn<(error: OtpError) => void>()
    const onVerified = vi.fn()
    const tokenCalls: boolean[] = []
    const user = userEvent.setup({ delay: null })
    const { container } = renderWithOtp(<OtpVerification phone={PHONE} onError={onError} onVerified={onVerified} />, {
      language,
      auth: authFor(row.auth, tokenCalls),
      timeoutMs: row.timeoutMs ?? TIMEOUT_MS,
      resendCooldownSeconds: 0,
    })
    const code = sandbox.lastCodeFor(PHONE)!
    // A verdict row judges the typed code wrong, so the shopper then types
    // another: the kit never sends a code the server judged in this cycle.
    const typed = row.field === 'cleared' ? wrongCode(sandbox) : code

    // Typed key by key in English; pasted, as from the SMS, in the others.
    const enter = (value: string) => (language === 'en' ? user.keyboard(value) : user.paste(value))
    await user.click(input(container))
    await enter(typed)
    await screen.findByText(sentenceOf(row, t))
    expect(onError).toHaveBeenCalledTimes(1)
    const error = onError.mock.calls[0]![0]
    expect(error).toMatchObject({ name: 'OtpError', ...row.error, outcome: row.outcome, status: row.status })
    expect(requests.count('verify')).toBe(row.requests ?? 1)
    if (row.tokenCalls) expect(tokenCalls).toEqual(row.tokenCalls)
    expectNoMarkup(container, error, row)
    sandbox.clearFaults()

    if (row.field === 'kept') {
      expect(input(container).value).toBe(code)
      const retry = screen.getByRole('button', { name: t.retry })
      // Enter in one language, the button in the others: both send the code again.
      if (language === 'en') await user.keyboard('{Enter}')
      else await user.click(retry)
    } else if (row.field === 'cleared') {
      await waitFor(() => expect(input(container).value).toBe(''))
      expect(document.activeElement).toBe(input(container))
      await enter(code)
    } else {
      expect(input(container).disabled).toBe(true)
      expect(input(container).value).toBe(typed)
      await user.click(screen.getByRole('button', { name: t.resend }))
      await waitFor(() => expect(input(container).disabled).toBe(false))
      expect(input(container).value).toBe('')
      await waitFor(() => expect(document.activeElement).toBe(input(container)))
      await enter(sandbox.lastCodeFor(PHONE)!)
    }
    await screen.findByText(t.verified)
    expect(onVerified).toHaveBeenCalledTimes(1)
    expect(requests.count('verify')).toBe((row.requests ?? 1) + 1)
  })
})

describe.each(LANGUAGES)('hostile back ends, resend, in %s', (language) => {
  const t = createTranslator(language)

  it.each(resendCases)('$name', async (row) => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    sandbox = newSandbox({ resendCooldownMs: 0 })
    for (const fault of row.faults(language)) sandbox.injectFault(fault)
    // A host's own error log: the one place a resend's typed error reaches the page.
    const onError = vi.fn<(error: unknown) => void>()
    const queryClient = new QueryClient({ mutationCache: new MutationCache({ onError }) })
    const user = userEvent.setup({ delay: null, advanceTimers: vi.advanceTimersByTime })
    const { container } = renderWithOtp(<OtpVerification phone={PHONE} />, {
      language,
      queryClient,
      resendCooldownSeconds: COOLDOWN_SECONDS,
    })
    const resendButton = () => container.querySelector<HTMLButtonElement>(partSelector('resend-button'))!

    await user.click(input(container))
    await user.keyboard('123')
    await user.click(screen.getByRole('button', { name: t.resend }))
    const message = row.message(t)
    if (message === null) await waitFor(() => expect(onError).toHaveBeenCalled())
    else await screen.findByText(message)
    expect(container.querySelector(partSelector('resend-error'))?.textContent ?? null).toBe(message)
    expect(onError).toHaveBeenCalledTimes(1)
    const error = onError.mock.calls[0]![0] as OtpError
    expect(error).toMatchObject({ name: 'OtpError', ...row.error, outcome: row.outcome, status: row.status })
    expectNoMarkup(container, error, row)
    // A failed resend leaves what the shopper typed.
    expect(input(container).value).toBe('123')

    if (row.countdown > 0) {
      expect(resendButton().textContent).toBe(t.resendIn({ seconds: row.countdown }))
      expect(resendButton().getAttribute('aria-disabled')).toBe('true')
      await act(() => vi.advanceTimersByTimeAsync(1000))
      expect(resendButton().textContent).toBe(t.resendIn({ seconds: row.countdown - 1 }))
      // The sentence counts down with the button rather than keep the first wait.
      expect(container.querySelector(partSelector('resend-error'))!.textContent).toBe(t.rateLimited({ seconds: row.countdown - 1 }))
      // The rest of the wait in one jump (an hour second by second is slow to
      // render); the next tick reads the clock and frees the button.
      vi.setSystemTime(Date.now() + row.countdown * 1000)
      await act(() => vi.advanceTimersByTimeAsync(1000))
    }
    expect(resendButton().textContent).toBe(t.resend)
    expect(resendButton().hasAttribute('aria-disabled')).toBe(false)
    if (row.error.kind === 'rate_limited') expect(container.querySelector(partSelector('resend-error'))).toBeNull()
    sandbox.clearFaults()
    await user.click(resendButton())
    await screen.findByText(t.codeResent)
    expect(requests.count('resend')).toBe(2)
    // The new code starts a new cycle: the field is empty for it.
    await waitFor(() => expect(input(container).value).toBe(''))
  })
})
