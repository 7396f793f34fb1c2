import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createOtpController } from '../../src/core/controller'
import { createOtpError, isOtpError, type CreateOtpErrorInput } from '../../src/core/errors'
import type { OtpAdapter, ResendResult, VerifyResult } from '../../src/core/types'
import { checkProperty, propertyTimeout } from '../fuzz'

// The rules of docs/back-ends.md §3 at the controller, with no rendering:
// verifies and resends overlap in any order and every answer comes back in
// any order, as on a slow network. The back end is a fake whose answers the
// property chooses.

type Target = { id: string }
type Call =
  | { route: 'verify'; code: string; cycle: number; settle: Settle<VerifyResult> }
  | { route: 'resend'; settle: Settle<ResendResult> }
type Settle<T> = { resolve: (value: T) => void; reject: (error: unknown) => void }

const MAX_ATTEMPTS = 5
const CODES = ['111111', '222222', '333333', '123456']

/** What the back end answers a verify. */
type VerifyAnswer = { kind: 'verified' } | CreateOtpErrorInput
const verifyAnswer: fc.Arbitrary<VerifyAnswer> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'verified' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('invalid_code' as const), attemptsRemaining: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('code_dead' as const), reason: fc.constantFrom('expired' as const, 'too_many_attempts' as const, 'unknown' as const) }) },
  fc.constantFrom<CreateOtpErrorInput>(
    { kind: 'network' },
    { kind: 'timeout' },
    { kind: 'server', status: 502 },
    { kind: 'bad_response', status: 200 },
    { kind: 'unauthorized', status: 401 },
    { kind: 'customer_not_found', status: 404 },
    { kind: 'already_verified', status: 400 },
  ),
  // An adapter of the host's that throws something else.
  fc.constant({ kind: 'throws' } as unknown as CreateOtpErrorInput),
)
const resendAnswer = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'sent' as const }) },
  fc.record({ kind: fc.constant('rate_limited' as const), waitSeconds: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }) }),
  fc.constantFrom<CreateOtpErrorInput>({ kind: 'network' }, { kind: 'server', status: 500 }, { kind: 'already_verified', status: 400 }),
)

type Action =
  | { type: 'verify'; code: string }
  | { type: 'resend' }
  | { type: 'answerVerify'; pick: number; answer: VerifyAnswer }
  | { type: 'answerResend'; pick: number; answer: { kind: 'sent' } | CreateOtpErrorInput }
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('verify' as const), code: fc.oneof(fc.constantFrom(...CODES), fc.constantFrom('١١١١١١', '111 111', '12-34-56', '12345', '')) }) },
  { weight: 2, arbitrary: fc.constant({ type: 'resend' as const }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('answerVerify' as const), pick: fc.nat(3), answer: verifyAnswer }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('answerResend' as const), pick: fc.nat(3), answer: resendAnswer }) },
)

// Enough turns of the microtask queue for an answer to pass through the client and the controller.
async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

async function run(actions: Action[]) {
  const pending: Call[] = []
  const violations: string[] = []
  // What the kit has been told, in the order it was told: code cycles start
  // when a successful resend's answer arrives.
  let cycle = 0
  let judged = new Set<string>()
  let dead = false
  let verified = false
  let attempts: number | null = MAX_ATTEMPTS

  const adapter: OtpAdapter<Target> = {
    name: 'fake',
    maxAttempts: MAX_ATTEMPTS,
    validateTarget() {},
    targetKey: (target) => target.id,
    verify({ code }, ctx) {
      if (!/^\d{4,10}$/.test(code)) violations.push(`sent a code that is not 4-10 ASCII digits: ${JSON.stringify(code)}`)
      if (verified) violations.push(`sent ${code} after the code was accepted`)
      if (dead) violations.push(`sent ${code} after the code died`)
      if (judged.has(code)) violations.push(`sent ${code} again after a verdict on it`)
      if (pending.some((c) => c.route === 'verify')) violations.push('two verifies in flight for one target')
      if (pending.some((c) => c.route === 'resend')) violations.push(`sent ${code} while a new code was being requested`)
      return new Promise((resolve, reject) => {
        const call: Call = { route: 'verify', code, cycle, settle: { resolve, reject } }
        pending.push(call)
        // As fetch does: a cancelled request ends at once.
        ctx.signal?.addEventListener('abort', () => {
          if (pending.includes(call)) pending.splice(pending.indexOf(call), 1)
          reject(createOtpError({ kind: 'aborted' }))
        })
      })
    },
    resend() {
      if (pending.some((c) => c.route === 'resend')) violations.push('two resends in flight for one target')
      return new Promise((resolve, reject) => pending.push({ route: 'resend', settle: { resolve, reject } }))
    },
  }
  const controller = createOtpController({ getConfig: () => ({ adapter, baseUrl: '' }) })
  const target = { id: 'shopper' }
  const key = controller.keyOf(target)
  const thrown: unknown[] = []
  const keep = (promise: Promise<unknown>) => void promise.catch((error) => thrown.push(error))

  const take = (route: Call['route'], pick: number) => {
    const calls = pending.filter((c) => c.route === route)
    const call = calls[pick % Math.max(1, calls.length)]
    if (call) pending.splice(pending.indexOf(call), 1)
    return call
  }

  for (const step of actions) {
    if (step.type === 'verify') keep(controller.verify(target, step.code))
    else if (step.type === 'resend') keep(controller.resend(target))
    else if (step.type === 'answerVerify') {
      const call = take('verify', step.pick)
      if (call?.route !== 'verify') continue
      const { answer } = step
      const current = call.cycle === cycle
      if (answer.kind === 'verified') {
        if (current) verified = true
        call.settle.resolve({ customer: { customerId: 'c1' }, raw: {} })
      } else if ((answer.kind as string) === 'throws') {
        call.settle.reject(new Error('not an OtpError'))
      } else {
        const error = createOtpError(answer)
        if (current && error.outcome === 'verdict') judged.add(call.code)
        if (current && error.kind === 'code_dead') dead = true
        if (current && error.kind === 'invalid_code') attempts = error.attemptsRemaining ?? (attempts === null ? null : Math.max(0, attempts - 1))
        if (current && error.kind === 'code_dead' && error.reason === 'too_many_attempts') attempts = 0
        call.settle.reject(error)
      }
    } else {
      const call = take('resend', step.pick)
      if (call?.route !== 'resend') continue
      if (step.answer.kind === 'sent') {
        cycle += 1
        judged = new Set()
        dead = false
        attempts = MAX_ATTEMPTS
        call.settle.resolve({ sentAt: 0, raw: {} })
      } else {
        call.settle.reject(createOtpError(step.answer))
      }
    }
    await flush()

    const state = controller.store.get(key)
    expect(violations).toEqual([])
    // A new code leaves no verify of an old one on its way.
    expect(pending.filter((c) => c.route === 'verify' && c.cycle !== cycle)).toEqual([])
    expect(state.cycle).toBe(cycle)
    expect(state.verified !== null).toBe(verified)
    expect(state.dead !== null).toBe(dead)
    expect(state.verified !== null && state.dead !== null).toBe(false)
    expect(state.attemptsRemaining).toBe(attempts)
    // Whatever went wrong reached the caller as an OtpError.
    expect(thrown.every(isOtpError)).toBe(true)
  }
}

describe('controller properties', () => {
  it('never sends a judged code again in its cycle, nor any code after a dead or accepted one, however answers interleave', async () => {
    await checkProperty(
      'controller: verdicts are final for a code cycle',
      fc.asyncProperty(fc.array(action, { maxLength: 30 }), run),
      { seed: 2311, runs: 300, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(10_000))
})
