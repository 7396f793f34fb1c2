// The rows of the hostile back-end table marked `chromium`, in each real
// engine (Chromium, Firefox, WebKit) against the real sandbox server on another
// origin: real CORS, real sockets, real timeouts. The rest of the table runs
// in jsdom (test/hostile).
import { MutationCache, QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { OtpVerification } from '../../src/components/OtpVerification'
import type { OtpError } from '../../src/core/errors'
import { createTranslator } from '../../src/core/i18n/translator'
import type { Language, OtpAuth } from '../../src/core/types'
import { OtpProvider } from '../../src/react/OtpProvider'
import type { SandboxFault, SandboxSms } from '../../src/testing'
import { engine } from '../support/drive'
import { COOLDOWN_SECONDS, TIMEOUT_MS, hostileCases, sentenceOf, type HostileCase } from './cases'
import { partSelector } from '../../src/react/anatomy'

const ORIGIN = inject('sandboxOrigin')
const PHONE = '+9647501234567'
/**
 * What a row looks like to the kit in this engine. WebKit (libsoup) takes a
 * chunked body whose connection drops before the last chunk as complete: the
 * kit gets a 200 with half a JSON body, the same bytes as a server that sent
 * half a body, and calls it a bad answer. The shopper's lot is the same:
 * nothing verified, the code kept, a retry verifies. (With a Content-Length,
 * WebKit fails the read like the others.)
 */
function asSeenIn(row: HostileCase): HostileCase {
  if (engine !== 'webkit' || !row.faults('en').some((fault) => fault.type === 'reset' && !fault.headers)) return row
  return { ...row, error: { kind: 'bad_response' }, status: 200, message: (t) => t.badResponse }
}

const rows = hostileCases.filter((row) => row.chromium)

async function control(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${ORIGIN}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`sandbox control ${path} answered ${res.status}`)
  return res.json()
}

const lastCode = async () => ((await control(`inbox?to=${encodeURIComponent(PHONE)}`)) as SandboxSms[]).at(-1)!.code

// Chromium sends a request again by itself, once, when a reused connection
// closes before any byte of an answer: a fault on every request keeps each
// row about the kit. Faults are cleared before the shopper retries. (JSON
// has no Infinity: a thousand answers is as good.)
const everyTime = (fault: SandboxFault): SandboxFault => ({ ...fault, times: 1000 })

beforeEach(async () => {
  sessionStorage.clear()
  delete document.body.dataset.pwned
  await control('reset', {})
})
afterEach(async () => {
  vi.useRealTimers()
  await control('fault/clear', {})
  // Wakes an answer a `delay` fault still holds, so it does not outlive its row.
  await control('clock/advance', { ms: 60 * 60_000 })
})

function setup(row: HostileCase) {
  const onError = vi.fn<(error: unknown) => void>()
  const onVerified = vi.fn()
  const tokenCalls: boolean[] = []
  const requests = { verify: 0, resend: 0 }
  const auth: OtpAuth | undefined =
    row.on === 'verify' && row.auth === 'token-getter'
      ? { getAccessToken: async ({ forceRefresh }) => (tokenCalls.push(forceRefresh), 'sandbox-token') }
      : row.on === 'verify' && row.auth === 'bearer'
        ? { bearerToken: 'sandbox-token' }
        : undefined
  const countingFetch: typeof fetch = (input, init) => {
    const url = String(input)
    if (url.includes('/verify-otp')) requests.verify++
    if (url.includes('/resend-otp')) requests.resend++
    return fetch(input, init)
  }
  const queryClient = new QueryClient({ mutationCache: new MutationCache({ onError }) })
  return { onError, onVerified, tokenCalls, requests, auth, countingFetch, queryClient }
}

async function mount(language: Language, row: HostileCase, parts: ReturnType<typeof setup>) {
  const screen = await render(
    <OtpProvider
      adapter="ondi"
      baseUrl={ORIGIN}
      language={language}
      auth={parts.auth}
      fetch={parts.countingFetch}
      queryClient={parts.queryClient}
      timeoutMs={row.timeoutMs ?? TIMEOUT_MS}
      resendCooldownSeconds={COOLDOWN_SECONDS}
    >
      <OtpVerification phone={PHONE} onVerified={parts.onVerified} />
    </OtpProvider>,
  )
  for (const fault of row.faults(language)) await control('fault', everyTime(fault))
  const root = screen.container
  return {
    input: () => root.querySelector<HTMLInputElement>(partSelector('input'))!,
    resendButton: () => root.querySelector<HTMLButtonElement>(partSelector('resend-button'))!,
    submit: () => root.querySelector<HTMLButtonElement>(partSelector('submit'))!,
    /** Resolves once an element's whole text is `text`. */
    shows: (text: string) =>
      vi.waitFor(() => expect([...root.querySelectorAll('*')].some((el) => el.textContent === text)).toBe(true), { timeout: 3000 }),
    root,
  }
}

function expectInert(root: HTMLElement, error: OtpError, row: HostileCase) {
  expect(root.querySelector('img, script, iframe, svg, object, embed')).toBeNull()
  expect(document.body.dataset.pwned).toBeUndefined()
  if (row.serverMessage !== undefined) {
    expect(error.serverMessage).toBe(row.serverMessage)
    expect(document.body.textContent).not.toContain(row.serverMessage)
  }
}

// Every browser row in English; in Arabic, the ones where the browser itself
// decides (CORS, Retry-After exposure, broken sockets).
const byLanguage = [
  ['en', rows.map(asSeenIn)],
  ['ar', rows.filter((row) => row.on === 'resend' || row.error.kind === 'network').map(asSeenIn)],
] as const

describe.each(byLanguage)(`hostile back ends in ${engine}, cross-origin, in %s`, (language, languageRows) => {
  const t = createTranslator(language)

  it.each(languageRows)('$name', async (row) => {
    const parts = setup(row)
    const ui = await mount(language, row, parts)
    const code = await lastCode()

    if (row.on === 'resend') {
      // The clock stands still until the test moves it: on a busy machine a real
      // second could pass before the first look and change the sentence.
      vi.useFakeTimers({ shouldAdvanceTime: false, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
      await userEvent.click(ui.resendButton())
      await ui.shows(sentenceOf(row, t))
      const error = parts.onError.mock.calls[0]![0] as OtpError
      expect(error).toMatchObject({ name: 'OtpError', ...row.error, outcome: row.outcome, status: row.status })
      expectInert(ui.root, error, row)
      expect(ui.resendButton().textContent).toBe(row.countdown > 0 ? t.resendIn({ seconds: row.countdown }) : t.resend)
      // The rest of the wait in one jump; the next tick frees the button.
      await control('fault/clear', {})
      vi.setSystemTime(Date.now() + row.countdown * 1000)
      await vi.advanceTimersByTimeAsync(1000)
      await vi.waitFor(() => expect(ui.resendButton().textContent).toBe(t.resend))
      vi.useRealTimers()
      await userEvent.click(ui.resendButton())
      await ui.shows(t.codeResent)
      expect(parts.requests.resend).toBe(2)
      return
    }

    const typed = row.field === 'cleared' ? (code === '000000' ? '000001' : '000000') : code
    await userEvent.click(ui.input())
    await userEvent.keyboard(typed)
    await ui.shows(sentenceOf(row, t))
    expect(parts.onError).toHaveBeenCalledTimes(1)
    const error = parts.onError.mock.calls[0]![0] as OtpError
    expect(error).toMatchObject({ name: 'OtpError', ...row.error, outcome: row.outcome, status: row.status })
    expect(parts.requests.verify).toBe(row.requests ?? 1)
    if (row.tokenCalls) expect(parts.tokenCalls).toEqual(row.tokenCalls)
    expectInert(ui.root, error, row)
    await control('fault/clear', {})

    if (row.field === 'kept') {
      expect(ui.input().value).toBe(code)
      expect(ui.submit().textContent).toBe(t.retry)
      await userEvent.click(ui.input())
      await userEvent.keyboard('{Enter}')
    } else {
      await vi.waitFor(() => expect(ui.input().value).toBe(''))
      expect(document.activeElement).toBe(ui.input())
      await userEvent.keyboard(code)
    }
    await ui.shows(t.verified)
    expect(parts.onVerified).toHaveBeenCalledTimes(1)
    expect(parts.requests.verify).toBe((row.requests ?? 1) + 1)
  })
})
