// @vitest-environment node
/**
 * The kit's adapters, through `createOtpClient`, against the sandbox over the
 * wire: every row of docs/back-ends.md §1-3 (and the failure kinds of
 * section 4) in en, ar and ku, over MSW (`msw/node`, the global fetch as it
 * is) and over the real HTTP server on 127.0.0.1. One table of cases runs on
 * both transports; every case asserts the OtpError's kind and its details.
 */
import { setupServer } from 'msw/node'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createOtpClient, type OtpClientConfig } from '../../../src/core/client'
import { isOtpError, type OtpError } from '../../../src/core/errors'
import type { Language, OndiTarget, OystrTarget } from '../../../src/core/types'
import {
  createOtpSandbox,
  createSandboxHandlers,
  startSandboxServer,
  type OtpSandbox,
  type OtpSandboxOptions,
} from '../../../src/testing'

// ---------------------------------------------------------------- transports

interface Opened {
  baseUrl: string
  close(): Promise<void>
}

interface Transport {
  name: string
  open(sandbox: OtpSandbox): Promise<Opened>
}

const msw: Transport = {
  name: 'msw',
  async open(sandbox) {
    const baseUrl = 'https://ondi.contract.test/api'
    const server = setupServer(...createSandboxHandlers(sandbox, { baseUrl }))
    server.listen({ onUnhandledRequest: 'error' })
    return {
      baseUrl,
      async close() {
        server.close()
      },
    }
  },
}

const httpServer: Transport = {
  name: 'http server (127.0.0.1)',
  async open(sandbox) {
    const server = await startSandboxServer({ port: 0, sandbox, basePath: '/api' })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/)
    return { baseUrl: server.url, close: () => server.close() }
  },
}

// ------------------------------------------------------------------ fixtures

const JOHN = '+919876543210' // no user account: the first success shape
const SHILAN = '+9647501234567' // user account: a session
const KARWAN = '+9647701234567' // verified already
const LAYLA_ID = 'cd989813-9852-40f6-bca7-ea0233d48cb9'
const LAYLA_TRACKING = 'customer_id_on_my_website'
const UNKNOWN_PHONE = '+9647000000001'
const WRONG = '999999'

/** Codes 000001, 000002, ... : never WRONG. */
const sequentialCodes = ({ count }: { count: number }) => String(count).padStart(6, '0')

function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

interface Ctx {
  language: Language
  sandbox: OtpSandbox
  /** Every request the sandbox answered (both transports go through `handle`). */
  requests: { method: string; url: string; headers: Record<string, string | undefined>; body: string }[]
  ondi(config?: Partial<OtpClientConfig>): ReturnType<typeof createOtpClient<OndiTarget>>
  oystr(config?: Partial<OtpClientConfig>): ReturnType<typeof createOtpClient<OystrTarget>>
  /** Starts the transport over a sandbox made with these options (once per case). */
  start(options?: OtpSandboxOptions): Promise<void>
}

/** The OtpError a promise rejects with; fails when it resolves or throws anything else. */
async function caught(promise: Promise<unknown>): Promise<OtpError> {
  let result: unknown
  try {
    result = await promise
  } catch (error) {
    expect(isOtpError(error), `not an OtpError: ${String(error)}`).toBe(true)
    return error as OtpError
  }
  throw new Error(`expected an OtpError, got a result: ${JSON.stringify(result)}`)
}

/** Rejects with exactly this kind and these details. */
async function expectOtpError(promise: Promise<unknown>, expected: Partial<OtpError> & Pick<OtpError, 'kind'>) {
  const error = await caught(promise)
  expect({ ...error, kind: error.kind, outcome: error.outcome, status: error.status }).toMatchObject(expected)
  return error
}

/** Four wrong codes, as the hook sends them: each with the count the last answer gave. */
async function fourWrongCodes(ctx: Ctx, phone: string): Promise<number | null> {
  const client = ctx.ondi()
  let previous: number | null = null
  for (const left of [4, 3, 2, 1]) {
    const error = await expectOtpError(client.verify({ phone }, WRONG, { previousAttemptsRemaining: previous }), {
      kind: 'invalid_code',
      attemptsRemaining: left,
      outcome: 'verdict',
      status: 400,
    })
    expect(error.serverMessage).toEqual(expect.any(String))
    previous = error.kind === 'invalid_code' ? error.attemptsRemaining : null
  }
  return previous
}

// --------------------------------------------------------------------- cases

interface Case {
  name: string
  run(ctx: Ctx): Promise<void>
}

const cases: Case[] = [
  {
    name: 'ondi verify: success without a session (first documented shape)',
    async run(ctx) {
      await ctx.start()
      const code = ctx.sandbox.lastCodeFor(JOHN)!
      const result = await ctx.ondi().verify({ phone: JOHN }, code)
      expect(result.customer).toEqual({
        customerId: 'GAL1704067200000',
        fullName: 'John Doe',
        email: 'john.doe@example.com',
        phone: JOHN,
        isVerified: true,
        verifiedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      })
      expect(result.session).toBeUndefined()
      expect(result.raw).toMatchObject({ success: true, data: { customer_id: 'GAL1704067200000' } })
      expect(ctx.requests).toHaveLength(1)
      expect(ctx.requests[0]!.url).toContain('/express-shipping/customer/verify-otp?language=' + ctx.language)
      expect(JSON.parse(ctx.requests[0]!.body)).toEqual({ phone: JOHN, code })
      expect(ctx.sandbox.getCustomer(JOHN)!.isVerified).toBe(true)
    },
  },
  {
    name: 'ondi verify: success with a session (X-EXPRESS-KEY, expiresAt from the JWT lifetime)',
    async run(ctx) {
      await ctx.start()
      const before = ctx.sandbox.clock.now()
      const result = await ctx.ondi().verify({ phone: SHILAN }, ctx.sandbox.lastCodeFor(SHILAN)!)
      expect(result.customer).toMatchObject({
        customerId: 'GAL1704067200001',
        userId: '3f6c2a8e-5b1d-4c7a-9e2f-0a1b2c3d4e5f',
        addressId: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        fullName: 'Shilan Ahmed',
        phone: SHILAN,
        deliveryAddress: { city: 'Erbil', country: 'IQ' },
      })
      const session = result.session!
      expect(session).toBeDefined()
      expect(session.accessToken.split('.')).toHaveLength(3)
      expect(session.headers).toEqual({ 'X-EXPRESS-KEY': session.accessToken })
      const { exp, iat } = jwtPayload(session.accessToken) as { exp: number; iat: number }
      expect(exp - iat).toBe(300)
      // The sandbox's 5-minute lifetime, counted from receipt on the client's clock.
      expect(session.expiresAt).toBeGreaterThanOrEqual(before + 300_000)
      expect(session.expiresAt).toBeLessThanOrEqual(ctx.sandbox.clock.now() + 300_000)
    },
  },
  {
    name: 'ondi verify: wrong codes → invalid_code with attemptsRemaining 4..1, the right code then verifies',
    async run(ctx) {
      await ctx.start()
      const last = await fourWrongCodes(ctx, JOHN)
      expect(last).toBe(1)
      const result = await ctx.ondi().verify({ phone: JOHN }, ctx.sandbox.lastCodeFor(JOHN)!, { previousAttemptsRemaining: last })
      expect(result.customer.isVerified).toBe(true)
    },
  },
  {
    name: 'ondi verify: the fifth wrong code, sandbox answers attempts_remaining: 0 → code_dead too_many_attempts',
    async run(ctx) {
      await ctx.start({ lastWrongCode: 'attempts_remaining_0' })
      const last = await fourWrongCodes(ctx, JOHN)
      await expectOtpError(ctx.ondi().verify({ phone: JOHN }, WRONG, { previousAttemptsRemaining: last }), {
        kind: 'code_dead',
        reason: 'too_many_attempts',
        outcome: 'verdict',
        status: 400,
      })
      // The code is dead: even the right one is refused now.
      await expectOtpError(ctx.ondi().verify({ phone: JOHN }, ctx.sandbox.lastCodeFor(JOHN)!), { kind: 'code_dead' })
    },
  },
  {
    name: 'ondi verify: the fifth wrong code, sandbox answers "Too many failed attempts" → code_dead too_many_attempts',
    async run(ctx) {
      await ctx.start({ lastWrongCode: 'too_many_attempts' })
      const last = await fourWrongCodes(ctx, JOHN)
      // en: the English text says so; ar/ku: the text cannot be read, but the
      // last known count was 1 and this code was wrong.
      const error = await expectOtpError(ctx.ondi().verify({ phone: JOHN }, WRONG, { previousAttemptsRemaining: last }), {
        kind: 'code_dead',
        reason: 'too_many_attempts',
        outcome: 'verdict',
        status: 400,
      })
      expect(error.serverMessage).toEqual(expect.any(String))
      expect('attemptsRemaining' in error).toBe(false)
    },
  },
  {
    name: 'ondi verify: "too many attempts" without the previous count → reason from the text, else unknown',
    async run(ctx) {
      await ctx.start({ lastWrongCode: 'too_many_attempts' })
      await fourWrongCodes(ctx, JOHN)
      // Without the attempt count only the English text can tell: the sandbox's
      // Arabic/Sorani wording contains no English, so the reason is unknown there.
      await expectOtpError(ctx.ondi().verify({ phone: JOHN }, WRONG), {
        kind: 'code_dead',
        reason: ctx.language === 'en' ? 'too_many_attempts' : 'unknown',
        status: 400,
      })
    },
  },
  {
    name: 'ondi verify: expired code → code_dead (expired in en, unknown in ar/ku)',
    async run(ctx) {
      await ctx.start()
      ctx.sandbox.expireCode(JOHN)
      // en: "Verification code has expired…" matches /expired/ → expired.
      // ar/ku: the message is in Arabic script, no attempts_remaining, and no
      // previous count (a fresh code) → the classifier can only say the code is
      // dead, reason 'unknown' (docs/back-ends.md §1). Both mean "ask for a new code".
      await expectOtpError(ctx.ondi().verify({ phone: JOHN }, ctx.sandbox.lastCodeFor(JOHN)!), {
        kind: 'code_dead',
        reason: ctx.language === 'en' ? 'expired' : 'unknown',
        outcome: 'verdict',
        status: 400,
      })
    },
  },
  {
    name: 'ondi resend: ok by phone and by customer id; the new code verifies',
    async run(ctx) {
      await ctx.start()
      const firstCode = ctx.sandbox.lastCodeFor(JOHN)
      ctx.sandbox.clock.advance(60_000) // past the sandbox's resend cooldown
      const result = await ctx.ondi({ now: () => 1234 }).resend({ phone: JOHN })
      expect(result.sentAt).toBe(1234)
      expect(result.raw).toMatchObject({ success: true })
      expect(JSON.parse(ctx.requests.at(-1)!.body)).toEqual({ phone: JOHN })
      expect(ctx.requests.at(-1)!.url).toContain('/express-shipping/customer/resend-otp?language=' + ctx.language)
      const secondCode = ctx.sandbox.lastCodeFor(JOHN)
      expect(secondCode).not.toBe(firstCode)
      expect(ctx.sandbox.inbox.at(-1)).toMatchObject({ to: JOHN, language: ctx.language })

      ctx.sandbox.clock.advance(60_000)
      await ctx.ondi().resend({ phone: JOHN, customerId: 'GAL1704067200000' })
      expect(JSON.parse(ctx.requests.at(-1)!.body)).toEqual({ customer_id: 'GAL1704067200000' })
      const third = ctx.sandbox.lastCodeFor(JOHN)!
      expect(third).not.toBe(secondCode)
      await expect(ctx.ondi().verify({ phone: JOHN }, third)).resolves.toMatchObject({ customer: { isVerified: true } })
    },
  },
  {
    name: 'ondi resend: 429 → rate_limited with waitSeconds from wait_time',
    async run(ctx) {
      await ctx.start()
      // The first code was just sent: the 60 s cooldown runs.
      await expectOtpError(ctx.ondi().resend({ phone: JOHN }), {
        kind: 'rate_limited',
        waitSeconds: 60,
        outcome: 'failure',
        status: 429,
      })
      ctx.sandbox.clock.advance(45_500)
      await expectOtpError(ctx.ondi().resend({ phone: JOHN }), { kind: 'rate_limited', waitSeconds: 15, status: 429 })
      ctx.sandbox.injectFault({ type: 'rate_limit', waitSeconds: 45 })
      ctx.sandbox.clock.advance(60_000)
      await expectOtpError(ctx.ondi().resend({ phone: JOHN }), { kind: 'rate_limited', waitSeconds: 45, status: 429 })
    },
  },
  {
    name: 'ondi resend: customer verified already → already_verified',
    async run(ctx) {
      await ctx.start()
      await expectOtpError(ctx.ondi().resend({ phone: KARWAN }), {
        kind: 'already_verified',
        outcome: 'verdict',
        status: 400,
      })
      await expectOtpError(ctx.ondi().resend({ phone: '', customerId: 'GAL1704067200002' }), { kind: 'already_verified', status: 400 })
    },
  },
  {
    name: 'ondi: unknown phone / customer id → customer_not_found',
    async run(ctx) {
      await ctx.start()
      await expectOtpError(ctx.ondi().verify({ phone: UNKNOWN_PHONE }, '123456'), {
        kind: 'customer_not_found',
        outcome: 'verdict',
        status: 404,
      })
      await expectOtpError(ctx.ondi().resend({ phone: UNKNOWN_PHONE }), { kind: 'customer_not_found', status: 404 })
      await expectOtpError(ctx.ondi().resend({ phone: '', customerId: 'GAL0' }), { kind: 'customer_not_found', status: 404 })
    },
  },
  {
    name: 'auth: an API key the sandbox refuses → unauthorized, no retry; the right key passes',
    async run(ctx) {
      await ctx.start({ auth: { apiKeys: ['k1'] } })
      const code = ctx.sandbox.lastCodeFor(JOHN)!
      await expectOtpError(ctx.ondi({ auth: { apiKey: 'wrong' } }).verify({ phone: JOHN }, code), {
        kind: 'unauthorized',
        outcome: 'failure',
        status: 401,
      })
      expect(ctx.requests).toHaveLength(1)
      expect(ctx.requests[0]!.headers['x-api-key']).toBe('wrong')
      await expectOtpError(ctx.ondi().resend({ phone: JOHN }), { kind: 'unauthorized', status: 401 })
      // A refused call burns no attempt: the same code verifies with the right key.
      const result = await ctx.ondi({ auth: { apiKey: 'k1' } }).verify({ phone: JOHN }, code)
      expect(result.customer.isVerified).toBe(true)
    },
  },
  {
    name: 'auth: getAccessToken — first token refused, refreshed token accepted: one refresh, one retry',
    async run(ctx) {
      await ctx.start({ auth: { bearerTokens: ['fresh'] } })
      const getAccessToken = vi.fn(({ forceRefresh }: { forceRefresh: boolean }) => (forceRefresh ? 'fresh' : 'stale'))
      const result = await ctx.ondi({ auth: { getAccessToken } }).verify({ phone: SHILAN }, ctx.sandbox.lastCodeFor(SHILAN)!)
      expect(result.session).toBeDefined()
      expect(getAccessToken.mock.calls).toEqual([[{ forceRefresh: false }], [{ forceRefresh: true }]])
      expect(ctx.requests.map((r) => r.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh'])
    },
  },
  {
    name: 'auth: getAccessToken — the refreshed token refused too → unauthorized after exactly one retry',
    async run(ctx) {
      await ctx.start({ auth: { bearerTokens: ['fresh'] } })
      const getAccessToken = vi.fn(() => 'stale')
      await expectOtpError(ctx.ondi({ auth: { getAccessToken } }).verify({ phone: JOHN }, ctx.sandbox.lastCodeFor(JOHN)!), {
        kind: 'unauthorized',
        status: 401,
      })
      expect(getAccessToken).toHaveBeenCalledTimes(2)
      expect(ctx.requests).toHaveLength(2)
    },
  },
  {
    name: 'oystr verify: any 6 digits verify, by customer_id and by tracking_code',
    async run(ctx) {
      await ctx.start()
      const byId = await ctx.oystr().verify({ customerId: LAYLA_ID }, '983707')
      expect(byId.customer).toEqual({ customerId: LAYLA_ID })
      expect(byId.session).toBeUndefined()
      expect(byId.raw).toMatchObject({ customer_id: LAYLA_ID })
      expect(JSON.parse(ctx.requests.at(-1)!.body)).toEqual({ otp: '983707', customer_id: LAYLA_ID })
      expect(ctx.requests.at(-1)!.url).toMatch(/\/api\/v1\/customer\/verify$/)

      const byTracking = await ctx.oystr().verify({ trackingCode: LAYLA_TRACKING }, '123456')
      expect(byTracking.customer).toEqual({})
      expect(byTracking.raw).toMatchObject({ customer_id: LAYLA_ID, tracking_code: LAYLA_TRACKING })
      expect(JSON.parse(ctx.requests.at(-1)!.body)).toEqual({ otp: '123456', tracking_code: LAYLA_TRACKING })
    },
  },
  {
    name: 'oystr verify: unknown id → customer_not_found; 422 → invalid_code with no count',
    async run(ctx) {
      await ctx.start()
      await expectOtpError(ctx.oystr().verify({ customerId: 'no-such-customer' }, '123456'), {
        kind: 'customer_not_found',
        outcome: 'verdict',
        status: 404,
      })
      await expectOtpError(ctx.oystr().verify({ trackingCode: 'no-such-tracking' }, '123456'), { kind: 'customer_not_found', status: 404 })
      // A code that is not six digits never leaves the kit.
      await expectOtpError(ctx.oystr().verify({ customerId: LAYLA_ID }, '12345'), { kind: 'invalid_request' })
      ctx.sandbox.injectFault({ route: 'oystr-verify', type: 'status', status: 422 })
      await expectOtpError(ctx.oystr().verify({ customerId: LAYLA_ID }, '123456'), {
        kind: 'invalid_code',
        attemptsRemaining: null,
        outcome: 'verdict',
        status: 422,
      })
    },
  },
  {
    name: 'fault: 5xx with an HTML body → server; no retry of its own; the same code then verifies',
    async run(ctx) {
      await ctx.start()
      ctx.sandbox.injectFault({ route: 'verify', type: 'html502' })
      const code = ctx.sandbox.lastCodeFor(JOHN)!
      await expectOtpError(ctx.ondi().verify({ phone: JOHN }, code), {
        kind: 'server',
        outcome: 'failure',
        status: 502,
        serverMessage: null,
      })
      expect(ctx.requests).toHaveLength(1)
      await expect(ctx.ondi().verify({ phone: JOHN }, code)).resolves.toMatchObject({ customer: { isVerified: true } })
      ctx.sandbox.injectFault({ route: 'oystr-verify', type: 'html502' })
      await expectOtpError(ctx.oystr().verify({ customerId: LAYLA_ID }, '123456'), { kind: 'server', status: 502 })
      ctx.sandbox.injectFault({ route: 'resend', type: 'server_error' })
      await expectOtpError(ctx.ondi().resend({ phone: SHILAN }), { kind: 'server', status: 500, serverMessage: expect.any(String) })
    },
  },
  {
    name: 'fault: an empty 200 → bad_response',
    async run(ctx) {
      await ctx.start()
      ctx.sandbox.injectFault({ route: 'verify', type: 'body', status: 200, body: '' })
      await expectOtpError(ctx.ondi().verify({ phone: JOHN }, ctx.sandbox.lastCodeFor(JOHN)!), {
        kind: 'bad_response',
        outcome: 'failure',
        status: 200,
        serverMessage: null,
      })
      ctx.sandbox.injectFault({ route: 'resend', type: 'body', status: 200, body: '' })
      await expectOtpError(ctx.ondi().resend({ phone: JOHN }), { kind: 'bad_response', status: 200 })
      // A 200 JSON body without `data` is unreadable too.
      ctx.sandbox.injectFault({ route: 'verify', type: 'body', status: 200, body: '{"success":true}' })
      await expectOtpError(ctx.ondi().verify({ phone: JOHN }, ctx.sandbox.lastCodeFor(JOHN)!), { kind: 'bad_response', status: 200 })
    },
  },
  {
    name: 'fault: a dropped connection → network',
    async run(ctx) {
      await ctx.start()
      ctx.sandbox.injectFault({ route: 'verify', type: 'drop' })
      await expectOtpError(ctx.ondi().verify({ phone: JOHN }, ctx.sandbox.lastCodeFor(JOHN)!), {
        kind: 'network',
        outcome: 'failure',
        status: null,
        serverMessage: null,
      })
      ctx.sandbox.injectFault({ route: 'oystr-verify', type: 'drop' })
      await expectOtpError(ctx.oystr().verify({ customerId: LAYLA_ID }, '123456'), { kind: 'network', status: null })
    },
  },
  {
    name: 'fault: an answer slower than timeoutMs (delay, timeout) → timeout',
    async run(ctx) {
      await ctx.start()
      const code = ctx.sandbox.lastCodeFor(JOHN)!
      ctx.sandbox.injectFault({ route: 'verify', type: 'delay', ms: 3_000 })
      const started = Date.now()
      await expectOtpError(ctx.ondi({ timeoutMs: 200 }).verify({ phone: JOHN }, code), {
        kind: 'timeout',
        outcome: 'failure',
        status: null,
      })
      expect(Date.now() - started).toBeLessThan(2_000)
      ctx.sandbox.injectFault({ route: 'resend', type: 'timeout', ms: 3_000 })
      await expectOtpError(ctx.ondi({ timeoutMs: 200 }).resend({ phone: JOHN }), { kind: 'timeout', status: null })
      expect(Date.now() - started).toBeLessThan(2_500)
    },
  },
]

// --------------------------------------------------------------------- runs

const opened: Opened[] = []
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close()
})

const languages: Language[] = ['en', 'ar', 'ku']

describe.each([msw, httpServer])('adapters against the sandbox over $name', (transport) => {
  describe.each(languages)('language %s', (language) => {
    it.each(cases)('$name', async ({ run }) => {
      const sandboxes: OtpSandbox[] = []
      let baseUrl: string | null = null
      const requests: Ctx['requests'] = []
      const ctx: Ctx = {
        language,
        get sandbox() {
          if (!sandboxes[0]) throw new Error('call ctx.start() first')
          return sandboxes[0]
        },
        requests,
        async start(options = {}) {
          const sandbox = createOtpSandbox({ generateCode: sequentialCodes, ...options })
          const handle = sandbox.handle.bind(sandbox)
          // Both transports call `sandbox.handle` per request: record each one.
          sandbox.handle = async (request) => {
            requests.push({ method: request.method, url: request.url, headers: request.headers ?? {}, body: request.body ?? '' })
            return handle(request)
          }
          sandboxes.push(sandbox)
          const o = await transport.open(sandbox)
          opened.push(o)
          // Released at the end of the test: held `timeout` requests and pending delays.
          opened.push({ baseUrl: '', close: async () => sandbox.clearFaults() })
          baseUrl = o.baseUrl
        },
        ondi: (config = {}) => createOtpClient<OndiTarget>({ adapter: 'ondi', baseUrl: baseUrl!, language, ...config }),
        oystr: (config = {}) => createOtpClient<OystrTarget>({ adapter: 'oystr', baseUrl: baseUrl!, language, ...config }),
      }
      await run(ctx)
    })
  })
})
