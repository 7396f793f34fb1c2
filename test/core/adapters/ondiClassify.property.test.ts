import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyOndiResendError, classifyOndiVerifyError } from '../../../src/core/adapters/ondiClassify'
import { createOtpClient } from '../../../src/core/client'
import { OtpErrorKind, isOtpError, isVerdictKind, toOtpError, type OtpError } from '../../../src/core/errors'
import type { JsonResponse } from '../../../src/core/http'
import { hostileText } from '../../arbitraries'
import { checkProperty, propertyTimeout } from '../../fuzz'

// Whatever a back end, a proxy or a broken connection can answer: any status,
// any body (JSON of any shape, OnDi-like objects with fields of the wrong
// type, HTML, truncated text), any Retry-After.
const NOW = Date.UTC(2026, 10, 23, 10)
const KINDS = new Set<string>(Object.values(OtpErrorKind))
const VERDICTS = ['invalid_code', 'code_dead', 'already_verified', 'customer_not_found']

const status = fc.oneof(
  fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504),
  fc.integer({ min: 200, max: 599 }),
)
const anything = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  hostileText,
  fc.constantFrom(undefined, null, NaN, Infinity, -1, 0, 1, 1.5, '3', ' 2 ', '-4', '1e3', '0x10', true),
)
const message = fc.oneof(
  fc.constantFrom(
    'Invalid verification code',
    'Verification code has expired. Please request a new OTP.',
    'Too many failed attempts. Please request a new OTP.',
    'Customer is already verified',
    'Customer not found',
    'Please wait before requesting another OTP',
    'رمز التحقق غير صحيح',
    'ماوەی ئەم کۆدە بەسەرچووە',
  ),
  hostileText,
  anything,
)
const ondiLike = fc.record(
  { success: anything, message, attempts_remaining: anything, wait_time: anything, data: anything, error: anything },
  { requiredKeys: [] },
)
/** A parsed body, or `undefined` for one that was not JSON. */
const body = fc.oneof(ondiLike, fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined))
const headers = fc.option(fc.oneof(fc.integer({ min: -10, max: 100_000 }).map(String), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toUTCString())), hostileText), { nil: undefined })
const response = fc.record({ status, body, retryAfter: headers }).map(
  ({ status, body, retryAfter }): JsonResponse => ({
    status,
    headers: new Headers(retryAfter === undefined ? {} : { 'Retry-After': retryAfter.replace(/[^\x20-\x7e]/g, '') }),
    json: body,
    isJson: body !== undefined,
  }),
)
const previousAttempts = fc.option(fc.integer({ min: -2, max: 6 }), { nil: null })

/** The facts every OtpError must carry, and the verdict/failure rule of docs/back-ends.md §3. */
function expectWellFormed(error: unknown, status: number | null): asserts error is OtpError {
  expect(isOtpError(error)).toBe(true)
  const e = error as OtpError
  expect(e).toBeInstanceOf(Error)
  expect(e.name).toBe('OtpError')
  expect(KINDS.has(e.kind)).toBe(true)
  expect(e.outcome).toBe(VERDICTS.includes(e.kind) ? 'verdict' : 'failure')
  expect(e.outcome === 'verdict').toBe(isVerdictKind(e.kind))
  expect(e.status).toBe(status)
  expect(e.serverMessage === null || (typeof e.serverMessage === 'string' && e.serverMessage.length <= 500)).toBe(true)
  if (e.kind === 'invalid_code') expect(e.attemptsRemaining === null || (Number.isInteger(e.attemptsRemaining) && e.attemptsRemaining >= 1)).toBe(true)
  if (e.kind === 'code_dead') expect(['expired', 'too_many_attempts', 'unknown']).toContain(e.reason)
  if (e.kind === 'rate_limited') expect(e.waitSeconds === null || (Number.isInteger(e.waitSeconds) && e.waitSeconds >= 0 && e.waitSeconds <= 86_400)).toBe(true)
  if (status !== null && status >= 500) expect(e.kind).toBe('server')
  if (status === 401 || status === 403) expect(e.kind).toBe('unauthorized')
}

describe('error classification properties', () => {
  it('reads any verify answer as one well-formed OtpError, and an unreadable one never as a verdict on the code', async () => {
    await checkProperty(
      'classifyOndiVerifyError: any answer',
      fc.property(response, previousAttempts, (res, previous) => {
        const error = classifyOndiVerifyError(res, previous, NOW)
        expectWellFormed(error, res.status)
        // A verdict on the code needs a body the kit could read; without one, at most "not found" by status.
        if (!res.isJson) expect(['server', 'unauthorized', 'customer_not_found', 'rate_limited', 'bad_response']).toContain(error.kind)
        // Only a JSON object can say which verdict it is.
        if (typeof res.json !== 'object' || res.json === null || Array.isArray(res.json)) {
          expect(['invalid_code', 'code_dead']).not.toContain(error.kind)
        }
      }),
      { seed: 1123, runs: 1000, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))

  it('reads any resend answer as one well-formed OtpError that says nothing about a code', async () => {
    await checkProperty(
      'classifyOndiResendError: any answer',
      fc.property(response, (res) => {
        const error = classifyOndiResendError(res, NOW)
        expectWellFormed(error, res.status)
        expect(['invalid_code', 'code_dead']).not.toContain(error.kind)
      }),
      { seed: 1124, runs: 1000, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))

  it('turns anything thrown into an OtpError, keeping an OtpError as it is', async () => {
    await checkProperty(
      'toOtpError: anything thrown',
      fc.property(fc.oneof(fc.anything(), fc.string().map((m) => new Error(m))), (thrown) => {
        const error = toOtpError(thrown)
        expectWellFormed(error, null)
        expect(error.kind).toBe('bad_response')
        expect(toOtpError(error)).toBe(error)
      }),
      { seed: 1125, runs: 300, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))
})

// The same through the wire: fetch answers any status and any body text (or
// breaks), postJson reads it, the adapter classifies it.
const bodyText = fc.oneof(
  body.map((b) => (b === undefined ? '' : JSON.stringify(b))),
  body.map((b) => JSON.stringify(b ?? {}).slice(0, -1)),
  hostileText,
  fc.constant('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>'),
)
const NO_BODY = [204, 205, 304]
type Answer = { kind: 'response'; status: number; text: string; retryAfter?: string } | { kind: 'throws'; value: unknown } | { kind: 'bodyBreaks'; status: number }
const answer: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('response' as const), status, text: bodyText, retryAfter: headers }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('throws' as const), value: fc.oneof(fc.anything(), fc.constant(new TypeError('Failed to fetch'))) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bodyBreaks' as const), status: status.filter((n) => !NO_BODY.includes(n)) }) },
)

function fetchAnswering(a: Answer): typeof globalThis.fetch {
  return (async () => {
    if (a.kind === 'throws') throw a.value
    if (a.kind === 'bodyBreaks') {
      const broken = new ReadableStream({ start: (controller) => controller.error(new TypeError('terminated')) })
      return new Response(broken, { status: a.status })
    }
    const headers = a.retryAfter === undefined ? undefined : { 'Retry-After': a.retryAfter.replace(/[^\x20-\x7e]/g, '') }
    return new Response(NO_BODY.includes(a.status) ? null : a.text, { status: a.status, headers })
  }) as typeof globalThis.fetch
}

describe('error classification properties over fetch', () => {
  const calls = [
    ['ondi verify', 'ondi', (c: ReturnType<typeof createOtpClient>) => c.verify({ phone: '+9647501234567' }, '123456')],
    ['ondi resend', 'ondi', (c: ReturnType<typeof createOtpClient>) => c.resend({ phone: '+9647501234567' })],
    ['oystr verify', 'oystr', (c: ReturnType<typeof createOtpClient>) => c.verify({ customerId: 'cd98' }, '123456')],
  ] as const

  it.each(calls)('%s: any answer ends in a result from a 2xx or in one well-formed OtpError, never anything else', async (name, adapter, call) => {
    await checkProperty(
      `${name} over fetch: any answer`,
      fc.asyncProperty(answer, async (a) => {
        const client = createOtpClient({ adapter, baseUrl: 'https://api.shop.test', fetch: fetchAnswering(a), now: () => NOW })
        let outcome: { ok: true; value: unknown } | { ok: false; error: unknown }
        try {
          outcome = { ok: true, value: await call(client) }
        } catch (error) {
          outcome = { ok: false, error }
        }
        if (outcome.ok) {
          expect(a.kind === 'response' && a.status >= 200 && a.status < 300).toBe(true)
          return
        }
        // A body that broke on the way is a failure to retry, like no answer at all.
        expectWellFormed(outcome.error, a.kind === 'response' ? a.status : null)
        if (a.kind !== 'response') expect(outcome.error.kind).toBe('network')
      }),
      { seed: 1126, runs: 200, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))
})
