import { afterEach, describe, expect, it, vi } from 'vitest'
import { createOtpClient } from '../../src/core/client'
import { createOtpError, isOtpError, type OtpError } from '../../src/core/errors'
import type { OtpAdapter } from '../../src/core/types'

type Call = { url: string; init: RequestInit; headers: Record<string, string>; body: unknown }

function fakeFetch(...answers: Array<Response | Error | ((call: Call) => Response | Promise<Response>)>) {
  const calls: Call[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      url: String(input),
      init,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    }
    calls.push(call)
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!
    if (answer instanceof Error) throw answer
    return typeof answer === 'function' ? answer(call) : answer.clone()
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

async function caught(promise: Promise<unknown>): Promise<OtpError> {
  try {
    await promise
  } catch (error) {
    expect(isOtpError(error)).toBe(true)
    return error as OtpError
  }
  throw new Error('expected a rejection')
}

const PHONE = '+9647501234567'
const verified = json(200, { success: true, data: { customer_id: 'GAL1', full_name: 'Sara', phone: PHONE, is_verified: true }, message: 'ok' })

afterEach(() => vi.useRealTimers())

describe('createOtpClient with ondi', () => {
  it('sends the phone and the ASCII code to verify-otp with the language in the query', async () => {
    const { fetch, calls } = fakeFetch(verified)
    const client = createOtpClient({ adapter: 'ondi', baseUrl: 'https://api.test/', language: 'ar', fetch, auth: { apiKey: 'pk_1' } })
    const result = await client.verify({ phone: '+964 750 123 4567' }, '١٢٣ ٤٥٦')
    expect(calls[0]!.url).toBe('https://api.test/express-shipping/customer/verify-otp?language=ar')
    expect(calls[0]!.body).toEqual({ phone: PHONE, code: '123456' })
    expect(calls[0]!.headers['x-api-key']).toBe('pk_1')
    expect(calls[0]!.init.method).toBe('POST')
    expect(result.customer).toEqual({ customerId: 'GAL1', fullName: 'Sara', phone: PHONE, isVerified: true })
    expect(result.session).toBeUndefined()
  })

  it('turns access_token into a session whose expiry comes from the JWT', async () => {
    const exp = Math.floor(Date.parse('2026-11-23T10:05:00Z') / 1000)
    const token = `${btoa(JSON.stringify({ alg: 'HS256' }))}.${btoa(JSON.stringify({ exp })).replace(/=+$/, '')}.sig`
    const { fetch } = fakeFetch(json(200, { success: true, data: { user_id: 'u1', customer_id: 'GAL1', access_token: token } }))
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch })
    const { session, customer } = await client.verify({ phone: PHONE }, '123456')
    expect(customer).toMatchObject({ userId: 'u1', customerId: 'GAL1' })
    expect(session).toEqual({ accessToken: token, expiresAt: exp * 1000, headers: { 'X-EXPRESS-KEY': token } })
  })

  it('counts a token with iat for its lifetime from receipt, whatever the device clock says', async () => {
    // The server's clock says 10:00:00; this phone's says 10:07:30, seven and a half minutes fast.
    const iat = Math.floor(Date.parse('2026-11-23T10:00:00Z') / 1000)
    const payload = btoa(JSON.stringify({ iat, exp: iat + 300 })).replace(/=+$/, '')
    const token = `${btoa(JSON.stringify({ alg: 'HS256' }))}.${payload}.sig`
    const { fetch } = fakeFetch(json(200, { success: true, data: { customer_id: 'GAL1', access_token: token } }))
    const now = Date.parse('2026-11-23T10:07:30Z')
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, now: () => now })
    const { session } = await client.verify({ phone: PHONE }, '123456')
    expect(session!.expiresAt).toBe(now + 300_000)
  })

  it('gives an opaque token five minutes from receipt', async () => {
    const { fetch } = fakeFetch(json(200, { success: true, data: { access_token: 'opaque' } }))
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, now: () => 1000 })
    expect((await client.verify({ phone: PHONE }, '123456')).session?.expiresAt).toBe(1000 + 5 * 60_000)
  })

  it('resends by customer id when given, else by phone', async () => {
    const { fetch, calls } = fakeFetch(json(200, { success: true, message: 'OTP sent successfully to your phone.' }))
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, now: () => 42 })
    expect(await client.resend({ phone: PHONE, customerId: 'GAL1' })).toMatchObject({ sentAt: 42 })
    await client.resend({ phone: PHONE, customerId: '' })
    expect(calls.map((c) => c.body)).toEqual([{ customer_id: 'GAL1' }, { phone: PHONE }])
    expect(calls[0]!.url).toBe('/api/express-shipping/customer/resend-otp?language=en')
  })

  it('refuses a bad phone or an incomplete code before any request', async () => {
    const { fetch, calls } = fakeFetch(verified)
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch })
    expect(await caught(client.verify({ phone: '0750 123 4567' }, '123456'))).toMatchObject({ kind: 'invalid_request' })
    expect(await caught(client.verify({ phone: PHONE }, '12a'))).toMatchObject({ kind: 'invalid_request' })
    // OnDi codes have six digits: a shorter or longer one would only cost an attempt.
    expect(await caught(client.verify({ phone: PHONE }, '12345'))).toMatchObject({ kind: 'invalid_request' })
    expect(await caught(client.verify({ phone: PHONE }, '1234567'))).toMatchObject({ kind: 'invalid_request' })
    expect(await caught(client.resend({ phone: '' }))).toMatchObject({ kind: 'invalid_request' })
    expect(calls).toHaveLength(0)
  })

  it('passes the previous attempt count on so an unreadable fifth answer reads as locked', async () => {
    const { fetch } = fakeFetch(json(400, { success: false, message: 'محاولات كثيرة' }))
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, language: 'ar' })
    const error = await caught(client.verify({ phone: PHONE }, '123456', { previousAttemptsRemaining: 1 }))
    expect(error).toMatchObject({ kind: 'code_dead', reason: 'too_many_attempts' })
  })
})

describe('createOtpClient failures', () => {
  it('calls a thrown fetch a network error and an HTML 502 a server error', async () => {
    const client1 = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch: fakeFetch(new TypeError('Failed to fetch')).fetch })
    expect(await caught(client1.verify({ phone: PHONE }, '123456'))).toMatchObject({ kind: 'network', outcome: 'failure', status: null })
    const html = new Response('<html><body>Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } })
    const client2 = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch: fakeFetch(html).fetch })
    expect(await caught(client2.verify({ phone: PHONE }, '123456'))).toMatchObject({ kind: 'server', status: 502, serverMessage: null })
  })

  it('calls an empty 200 and truncated JSON bad responses', async () => {
    for (const body of ['', '{"success": tr']) {
      const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch: fakeFetch(new Response(body, { status: 200 })).fetch })
      expect(await caught(client.verify({ phone: PHONE }, '123456'))).toMatchObject({ kind: 'bad_response', status: 200 })
    }
  })

  it('times out after timeoutMs', async () => {
    vi.useFakeTimers()
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof globalThis.fetch
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, timeoutMs: 5000 })
    const pending = caught(client.verify({ phone: PHONE }, '123456'))
    await vi.advanceTimersByTimeAsync(5000)
    expect(await pending).toMatchObject({ kind: 'timeout', outcome: 'failure' })
  })

  it('reports a caller abort as aborted, not as a network failure', async () => {
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof globalThis.fetch
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch })
    const controller = new AbortController()
    const pending = caught(client.verify({ phone: PHONE }, '123456', { signal: controller.signal }))
    controller.abort()
    expect(await pending).toMatchObject({ kind: 'aborted' })
  })
})

describe('createOtpClient auth', () => {
  it('sends a static bearer token', async () => {
    const { fetch, calls } = fakeFetch(verified)
    await createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, auth: { bearerToken: 'tok' } }).verify({ phone: PHONE }, '123456')
    expect(calls[0]!.headers.authorization).toBe('Bearer tok')
  })

  it('refreshes the token once after a 401 and retries once', async () => {
    const { fetch, calls } = fakeFetch(json(401, { message: 'Unauthorized' }), verified)
    const getAccessToken = vi.fn(async ({ forceRefresh }: { forceRefresh: boolean }) => (forceRefresh ? 'fresh' : 'stale'))
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, auth: { getAccessToken } })
    await client.verify({ phone: PHONE }, '123456')
    expect(getAccessToken.mock.calls.map(([o]) => o)).toEqual([{ forceRefresh: false }, { forceRefresh: true }])
    expect(calls.map((c) => c.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh'])
  })

  it('never retries more than once', async () => {
    const { fetch, calls } = fakeFetch(json(403, { message: 'Forbidden' }))
    const getAccessToken = vi.fn(() => 'tok')
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, auth: { getAccessToken } })
    expect(await caught(client.verify({ phone: PHONE }, '123456'))).toMatchObject({ kind: 'unauthorized', status: 403 })
    expect(calls).toHaveLength(2)
    expect(getAccessToken).toHaveBeenCalledTimes(2)
  })

  it('does not retry a 401 without a token getter', async () => {
    const { fetch, calls } = fakeFetch(json(401, {}))
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, auth: { apiKey: 'k' } })
    expect(await caught(client.verify({ phone: PHONE }, '123456'))).toMatchObject({ kind: 'unauthorized' })
    expect(calls).toHaveLength(1)
  })

  it('reports a failing token getter as unauthorized without a request', async () => {
    const { fetch, calls } = fakeFetch(verified)
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, auth: { getAccessToken: () => Promise.reject(new Error('logged out')) } })
    expect(await caught(client.verify({ phone: PHONE }, '123456'))).toMatchObject({ kind: 'unauthorized', status: null })
    expect(calls).toHaveLength(0)
  })
})

describe('createOtpClient with oystr', () => {
  it('sends otp with customer_id, which wins over tracking_code', async () => {
    const { fetch, calls } = fakeFetch(json(200, { anything: true }))
    const client = createOtpClient({ adapter: 'oystr', baseUrl: 'https://oystr.test', fetch })
    const result = await client.verify({ customerId: 'cd98', trackingCode: 'site-1' }, '983707')
    expect(calls[0]!.url).toBe('https://oystr.test/v1/customer/verify')
    expect(calls[0]!.body).toEqual({ otp: '983707', customer_id: 'cd98' })
    expect(result).toEqual({ customer: { customerId: 'cd98' }, raw: { anything: true } })
    await client.verify({ trackingCode: 'site-1' }, '983707')
    expect(calls[1]!.body).toEqual({ otp: '983707', tracking_code: 'site-1' })
  })

  it('maps Oystr statuses', async () => {
    const cases: Array<[number, Partial<OtpError>]> = [
      [400, { kind: 'invalid_code', attemptsRemaining: null } as Partial<OtpError>],
      [422, { kind: 'invalid_code' }],
      [401, { kind: 'unauthorized' }],
      [403, { kind: 'unauthorized' }],
      [404, { kind: 'customer_not_found' }],
      [500, { kind: 'server' }],
      [418, { kind: 'bad_response' }],
    ]
    for (const [status, expected] of cases) {
      const client = createOtpClient({ adapter: 'oystr', baseUrl: '/o', fetch: fakeFetch(json(status, { message: 'm' })).fetch })
      expect(await caught(client.verify({ customerId: 'c' }, '123456'))).toMatchObject({ ...expected, status, serverMessage: 'm' })
    }
  })

  it('refuses a target with neither id, and any resend, before any request', async () => {
    const { fetch, calls } = fakeFetch(json(200, {}))
    const client = createOtpClient({ adapter: 'oystr', baseUrl: '/o', fetch })
    expect(client.canResend).toBe(false)
    expect(await caught(client.verify({ trackingCode: ' ' }, '123456'))).toMatchObject({ kind: 'invalid_request' })
    expect(await caught(client.verify({ customerId: 'c' }, '12345'))).toMatchObject({ kind: 'invalid_request' })
    expect(await caught(client.resend({ customerId: 'c' }))).toMatchObject({ kind: 'unsupported' })
    expect(calls).toHaveLength(0)
  })
})

describe('custom adapters', () => {
  const base: OtpAdapter<{ id: string }> = {
    name: 'mine',
    maxAttempts: 3,
    validateTarget() {},
    targetKey: (t) => t.id,
    async verify() {
      throw createOtpError({ kind: 'invalid_code', attemptsRemaining: 2 })
    },
  }
  it('passes an OtpError through as it is', async () => {
    const client = createOtpClient<{ id: string }>({ adapter: base, baseUrl: '' })
    expect(await caught(client.verify({ id: 'a' }, '123456'))).toMatchObject({ kind: 'invalid_code', attemptsRemaining: 2 })
  })
  it('turns anything else it throws into bad_response', async () => {
    const client = createOtpClient<{ id: string }>({
      adapter: { ...base, verify: async () => { throw new Error('boom') } },
      baseUrl: '',
    })
    const error = await caught(client.verify({ id: 'a' }, '123456'))
    expect(error).toMatchObject({ kind: 'bad_response' })
    expect((error.cause as Error).message).toBe('boom')
  })
})
