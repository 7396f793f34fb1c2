import { QueryClient } from '@tanstack/react-query'
import { act, fireEvent, render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OtpVerification } from '../../src/components/OtpVerification'
import type { VerifiedDetails } from '../../src/react/useVerifyOtp'
import { OtpProvider } from '../../src/react/OtpProvider'
import type { OtpEvent } from '../../src/core/events'
import type { Language } from '../../src/core/types'
import type { OtpSandbox, SandboxFault } from '../../src/testing'
import { message } from '../../src/testing/messages'
import { hostileText } from '../arbitraries'
import { FUZZ, checkProperty, propertyTimeout } from '../fuzz'
import { expectPrivacySafe } from '../support/otpEvents'
import { BASE_URL, PHONE, newSandbox, useSandboxServer, wrongCode } from '../utils'
import { partSelector, type OtpPart } from '../../src/react/anatomy'

// Random sequences of what a shopper does (type, paste, autofill, Backspace,
// arrows, submit, resend, blur, a language switch) against the sandbox, whose
// next answers are chosen at random too: a 500, an HTML 502, a dropped
// connection, a 401, a 429, an expired code, or an answer held back until a
// later step. After every step: one state shown at a time, no verify of a
// code judged in this code cycle, `onVerified` at most once, and a field that
// holds at most 6 ASCII digits.

useSandboxServer()

const LANGUAGES: Language[] = ['en', 'ar', 'ku']
// How many wrong codes a shopper picks from in one code cycle: few, so they repeat.
const WRONG_CHOICES = 3
const DEAD_MESSAGES = new Set(LANGUAGES.flatMap((l) => [message('expired', l), message('tooManyAttempts', l)]))
type Route = 'verify' | 'resend'
const KEYS = {
  backspace: '{Backspace}',
  delete: '{Delete}',
  left: '{ArrowLeft}',
  right: '{ArrowRight}',
  home: '{Home}',
  end: '{End}',
  selectAll: '{Control>}a{/Control}',
  undo: '{Control>}z{/Control}',
}

type Action =
  | { type: 'type'; text: string }
  | { type: 'typeCode'; right: boolean; wrong: number }
  | { type: 'paste'; text: string }
  | { type: 'pasteCode'; right: boolean; wrong: number; around: [string, string] }
  | { type: 'autofill'; text: string }
  | { type: 'autofillCode'; right: boolean; wrong: number }
  | { type: 'key'; key: keyof typeof KEYS }
  | { type: 'submit'; via: 'enter' | 'click' }
  | { type: 'resend'; clicks: 1 | 2 }
  | { type: 'blur' }
  | { type: 'language'; language: Language }
  | { type: 'fault'; fault: 'server_error' | 'html502' | 'drop' | 'unauthorized' | 'rate_limit' | 'expire'; route: Route }
  | { type: 'slow'; route: Route }
  | { type: 'release'; pick: number }

// The right code one time in four: wrong codes, dead codes and locks need room too.
const code = { right: fc.nat(3).map((n) => n === 0), wrong: fc.nat(WRONG_CHOICES - 1) }
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('type' as const), text: hostileText }) },
  { weight: 6, arbitrary: fc.record({ type: fc.constant('typeCode' as const), ...code }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('paste' as const), text: hostileText }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('pasteCode' as const), ...code, around: fc.tuple(hostileText, hostileText) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('autofill' as const), text: hostileText }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('autofillCode' as const), ...code }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('key' as const),
      key: fc.constantFrom(...(Object.keys(KEYS) as Array<keyof typeof KEYS>)),
    }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('submit' as const), via: fc.constantFrom('enter' as const, 'click' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('resend' as const), clicks: fc.constantFrom(1 as const, 2 as const) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'blur' as const }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('language' as const), language: fc.constantFrom(...LANGUAGES) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('fault' as const),
      fault: fc.constantFrom('server_error' as const, 'html502' as const, 'drop' as const, 'unauthorized' as const, 'rate_limit' as const, 'expire' as const),
      route: fc.constantFrom('verify' as const, 'resend' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('slow' as const), route: fc.constantFrom('verify' as const, 'resend' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('release' as const), pick: fc.nat(3) }) },
)

/**
 * The fetch the provider uses: the sandbox answers through MSW; this holds
 * back the answers a `slow` step asks for, and checks every verify request
 * against what the kit has been told so far, in the order it was told.
 */
function createWire() {
  const wire = {
    /** Requests on the way that are not held back. */
    active: 0,
    /** Answers held back, with the code cycle their request was sent in. */
    held: [] as Array<{ route: Route; cycle: number; release: () => void }>,
    slow: new Set<Route>(),
    violations: [] as string[],
    stats: { verifies: 0, verdicts: 0, resends: 0 },
    // The kit's view: code cycles start when a successful resend's answer arrives.
    cycle: 0,
    judged: new Set<string>(),
    dead: false,
    verified: false,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input)
      const route: Route | null = url.includes('/verify-otp') ? 'verify' : url.includes('/resend-otp') ? 'resend' : null
      const sentIn = wire.cycle
      const code = route === 'verify' ? String(JSON.parse(String(init?.body)).code) : ''
      if (route === 'verify') {
        wire.stats.verifies++
        if (!/^\d{6}$/.test(code)) wire.violations.push(`sent an incomplete code: ${JSON.stringify(code)}`)
        if (wire.verified) wire.violations.push(`sent ${code} after the code was accepted`)
        if (wire.dead) wire.violations.push(`sent ${code} after the code died`)
        if (wire.judged.has(code)) wire.violations.push(`sent ${code} again after a verdict on it`)
      }
      if (route === 'resend') wire.stats.resends++
      wire.active++
      let counted = true
      try {
        const response = await globalThis.fetch(input, init)
        if (route && wire.slow.delete(route)) {
          wire.active--
          counted = false
          await new Promise<void>((resolve, reject) => {
            const entry = { route, cycle: sentIn, release: resolve }
            wire.held.push(entry)
            init?.signal?.addEventListener('abort', () => {
              wire.held.splice(wire.held.indexOf(entry), 1)
              reject(new DOMException('The request was aborted', 'AbortError'))
            })
          })
          wire.active++
          counted = true
        }
        const body = await response.clone().text()
        if (route === 'verify' && sentIn === wire.cycle) noteVerdict(code, response.status, body)
        if (route === 'resend' && response.status === 200) {
          wire.cycle++
          wire.judged = new Set()
          wire.dead = false
        }
        return response
      } finally {
        if (counted) wire.active--
      }
    }) as typeof globalThis.fetch,
  }
  // The sandbox's verify answers: 200 accepts; every 400 and 404 is a verdict;
  // attempts_remaining 0, "expired" and "too many attempts" kill the code.
  function noteVerdict(code: string, status: number, text: string) {
    if (status === 200) wire.verified = true
    if (status !== 400 && status !== 404) return
    wire.stats.verdicts++
    wire.judged.add(code)
    const body = JSON.parse(text) as { attempts_remaining?: number; message?: string }
    if (body.attempts_remaining === 0 || (body.attempts_remaining === undefined && DEAD_MESSAGES.has(body.message ?? ''))) wire.dead = true
  }
  return wire
}

const FAULTS: Record<Exclude<Extract<Action, { type: 'fault' }>['fault'], 'expire'>, Omit<SandboxFault, 'route'>> = {
  server_error: { type: 'server_error' },
  html502: { type: 'html502' },
  drop: { type: 'drop' },
  unauthorized: { type: 'status', status: 401 },
  rate_limit: { type: 'rate_limit', waitSeconds: 1 },
}

const totals = { sequences: 0, steps: 0, verifies: 0, verdicts: 0, resends: 0, verified: 0, locked: 0, events: 0 }

async function runSequence(actions: Action[]) {
  sessionStorage.clear()
  const sandbox: OtpSandbox = newSandbox({ resendCooldownMs: 0 })
  const wire = createWire()
  const queryClient = new QueryClient()
  const verifiedCalls: VerifiedDetails[] = []
  const onVerified = (details: VerifiedDetails) => verifiedCalls.push(details)
  const events: OtpEvent[] = []
  const providerEvents: OtpEvent[] = []
  const onEvent = (event: OtpEvent) => events.push(event)
  const ui = (language: Language) => (
    <OtpProvider
      adapter="ondi"
      baseUrl={BASE_URL}
      language={language}
      fetch={wire.fetch}
      queryClient={queryClient}
      resendCooldownSeconds={0}
      onEvent={(event) => providerEvents.push(event)}
    >
      <OtpVerification phone={PHONE} codeSentAt={Date.now()} onVerified={onVerified} onEvent={onEvent} />
    </OtpProvider>
  )
  const user = userEvent.setup({ delay: null })
  const { container, rerender, unmount } = render(ui('en'))
  const part = (name: OtpPart) => container.querySelector(partSelector(name))
  const input = () => part('input') as HTMLInputElement
  // Every code the run types, pastes or autofills: none may appear in an event.
  const entered = new Set<string>()
  const codeFor = ({ right, wrong }: { right: boolean; wrong: number }) => {
    const code = right ? sandbox.lastCodeFor(PHONE)! : wrongCode(sandbox, PHONE, wrong)
    entered.add(code)
    return code
  }
  // A tap on the field: focus, with the caret where the browser puts it.
  const focusField = async () => {
    if (document.activeElement !== input() && !input().disabled) act(() => input().focus())
  }
  const escape = (text: string) => text.replace(/[{[]/g, '$&$&')

  // Waits until no request is on its way (held ones aside) and the DOM stays the same.
  const settle = async () => {
    let last = ''
    let stable = 0
    for (let i = 0; i < 500 && stable < 3; i++) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
      const html = container.innerHTML
      stable = wire.active === 0 && html === last ? stable + 1 : 0
      last = html
    }
    if (stable < 3) throw new Error('the widget never settled')
  }

  const check = () => {
    expect(wire.violations).toEqual([])
    const state = part('verification')!.getAttribute('data-state')
    const success = part('success')!.textContent
    const alert = part('banner-alert')!.textContent
    const status = part('banner-status')!.textContent
    const error = part('error')!.textContent
    const submit = part('submit')
    const shown = { verified: success !== '', locked: alert !== '', verifying: submit?.hasAttribute('data-pending') ?? false }
    // One state at a time, and the one data-state names.
    expect(Object.values(shown).filter(Boolean).length, JSON.stringify({ state, shown })).toBeLessThanOrEqual(1)
    const expected = shown.verified ? 'verified' : shown.verifying ? 'verifying' : shown.locked ? 'locked' : error ? 'error' : 'idle'
    expect(state).toBe(expected)
    // Checking only while an answer about the current code is on its way.
    if (state === 'verifying') expect(wire.held.some((h) => h.route === 'verify' && h.cycle === wire.cycle)).toBe(true)
    if (state === 'verified') {
      expect({ alert, status, error }).toEqual({ alert: '', status: '', error: '' })
      expect(input().disabled).toBe(true)
      expect(submit).toBeNull()
      expect(part('resend-button')).toBeNull()
      expect(verifiedCalls).toHaveLength(1)
    }
    expect(verifiedCalls.length).toBeLessThanOrEqual(1)
    expect(input().value).toMatch(/^[0-9]{0,6}$/)
    const cells = [...container.querySelectorAll(partSelector('cell'))].map((c) => c.textContent).join('')
    expect(cells).toBe(input().value)
  }

  try {
    await settle()
    check()
    for (const step of actions) {
      switch (step.type) {
        case 'type':
          await focusField()
          // user-event refuses an empty string: typing nothing is no step.
          if (step.text) await user.keyboard(escape(step.text))
          break
        case 'typeCode':
          await focusField()
          await user.keyboard(codeFor(step))
          break
        case 'paste':
          await focusField()
          await user.paste(step.text)
          break
        case 'pasteCode':
          await focusField()
          await user.paste(`${step.around[0]} ${codeFor(step)} ${step.around[1]}`)
          break
        case 'autofill':
        case 'autofillCode':
          // Autofill writes the whole value at once, with no key events, into an enabled field.
          if (!input().disabled) fireEvent.change(input(), { target: { value: step.type === 'autofill' ? step.text : codeFor(step) } })
          break
        case 'key':
          await focusField()
          await user.keyboard(KEYS[step.key])
          break
        case 'submit':
          if (step.via === 'enter' && !input().disabled) {
            await focusField()
            await user.keyboard('{Enter}')
          } else if (part('submit')) {
            await user.click(part('submit')!)
          }
          break
        case 'resend':
          for (let i = 0; i < step.clicks; i++) if (part('resend-button')) await user.click(part('resend-button')!)
          break
        case 'blur':
          await user.tab()
          break
        case 'language':
          rerender(ui(step.language))
          break
        case 'fault':
          if (step.fault === 'expire') sandbox.expireCode(PHONE)
          else sandbox.injectFault({ ...FAULTS[step.fault], route: step.route })
          break
        case 'slow':
          wire.slow.add(step.route)
          break
        case 'release':
          wire.held.splice(step.pick % Math.max(1, wire.held.length), 1)[0]?.release()
          break
      }
      await settle()
      check()
      totals.steps++
    }
    // Every answer arrives in the end.
    while (wire.held.length > 0) {
      wire.held.shift()!.release()
      await settle()
      check()
    }
    totals.sequences++
    totals.verifies += wire.stats.verifies
    totals.verdicts += wire.stats.verdicts
    totals.resends += wire.stats.resends
    if (wire.verified) totals.verified++
    if (part('verification')!.getAttribute('data-state') === 'locked') totals.locked++
  } finally {
    unmount()
    wire.held.splice(0).forEach((h) => h.release())
    sandbox.clearFaults()
    queryClient.clear()
  }
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
  // Every event of the run is privacy safe: no code, phone, id, token or server text.
  const customer = sandbox.getCustomer(PHONE)!
  const secrets = [
    PHONE,
    PHONE.slice(1),
    PHONE.slice(-7),
    customer.customerId,
    ...sandbox.inbox.map((sms) => sms.code),
    ...entered,
    ...verifiedCalls.flatMap(({ session }) => (session ? [session.accessToken] : [])),
    ...LANGUAGES.flatMap((l) => [message('expired', l), message('tooManyAttempts', l)]),
  ]
  for (const event of events) expectPrivacySafe(event, secrets)
  // The flow's listener and the provider's hear the same events, and one flow id.
  expect(providerEvents).toEqual(events)
  expect(new Set(events.map((e) => e.flowId)).size).toBe(1)
  expect(events[0]).toMatchObject({ type: 'code_sent', by: 'host' })
  expect(events.filter((e) => e.type === 'verified')).toHaveLength(wire.verified ? 1 : 0)
  expect(events.filter((e) => e.type === 'abandoned')).toHaveLength(wire.verified ? 0 : 1)
  totals.events += events.length
}

describe('OtpVerification under random shoppers and random answers', () => {
  it('shows one state at a time, never sends a judged code again, calls onVerified at most once, holds only digits', async () => {
    await checkProperty(
      'OtpVerification: random action sequences',
      fc.asyncProperty(fc.array(action, FUZZ ? { minLength: 1, maxLength: 24, size: 'medium' } : { minLength: 3, maxLength: 12 }), runSequence),
      { seed: 20261124, runs: 10, fuzzRuns: 1000 },
    )
    if (FUZZ) console.info(`fuzz: OtpVerification sequences: ${JSON.stringify(totals)}`)
    // The sequences reach the states worth checking: a code judged, and one accepted.
    expect(totals.verdicts).toBeGreaterThan(0)
    expect(totals.events).toBeGreaterThan(totals.sequences)
    expect(totals.verified).toBeGreaterThan(0)
  }, propertyTimeout(60_000))
})

// Sequences the property found, shrunk, kept as they are.
describe('OtpVerification: cases found by fuzzing', () => {
  it('clears "wrong code" once the next code is accepted', async () => {
    await runSequence([
      { type: 'typeCode', right: false, wrong: 0 },
      { type: 'pasteCode', right: true, wrong: 0, around: ['', ''] },
    ])
  })

  it('stops checking the old code when a new one is sent, so the new one can be typed', async () => {
    await runSequence([
      { type: 'slow', route: 'verify' },
      { type: 'typeCode', right: false, wrong: 0 },
      { type: 'resend', clicks: 1 },
      { type: 'typeCode', right: true, wrong: 0 },
    ])
  })
})
