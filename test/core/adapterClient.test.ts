import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAdapterClient } from '../../src/core/adapterClient'
import { ondiAdapter } from '../../src/core/adapters/ondi'
import { createOtpClient } from '../../src/core/client'
import { createOtpError } from '../../src/core/errors'
import type { OtpAdapter } from '../../src/core/types'
import { ONDI_PHONE as PHONE, caught, fakeFetch, json, ondiVerified } from '../support/fakeFetch'

afterEach(() => vi.useRealTimers())

describe('createOtpClient auth', () => {
  it('sends a static bearer token', async () => {
    const { fetch, calls } = fakeFetch(ondiVerified)
    await createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, auth: { bearerToken: 'tok' } }).verify({ phone: PHONE }, '123456')
    expect(calls[0]!.headers.authorization).toBe('Bearer tok')
  })

  it('refreshes the token once after a 401 and retries once', async () => {
    const { fetch, calls } = fakeFetch(json(401, { message: 'Unauthorized' }), ondiVerified)
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
    const { fetch, calls } = fakeFetch(ondiVerified)
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, auth: { getAccessToken: () => Promise.reject(new Error('logged out')) } })
    expect(await caught(client.verify({ phone: PHONE }, '123456'))).toMatchObject({ kind: 'unauthorized', status: null })
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

describe('createAdapterClient', () => {
  it('uses the global fetch of the moment of each call, so a fetch patched later is the one used', async () => {
    const client = createAdapterClient(ondiAdapter, { baseUrl: '/api' })
    const later = fakeFetch(ondiVerified)
    vi.stubGlobal('fetch', later.fetch)
    try {
      await client.verify({ phone: PHONE }, '123456')
      expect(later.calls).toHaveLength(1)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('sends no Authorization header when the token getter has no token, and passes its OtpError on as it is', async () => {
    const { fetch, calls } = fakeFetch(ondiVerified)
    await createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, auth: { getAccessToken: () => '' } }).verify({ phone: PHONE }, '123456')
    expect(calls[0]!.headers.authorization).toBeUndefined()
    const own = createOtpError({ kind: 'network', message: 'token service offline' })
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, auth: { getAccessToken: () => Promise.reject(own) } })
    expect(await caught(client.verify({ phone: PHONE }, '123456'))).toBe(own)
    expect(calls).toHaveLength(1)
  })

  it('refuses a code of fewer than 4 or more than 10 digits, or with other characters, before any request', async () => {
    const { fetch, calls } = fakeFetch(ondiVerified)
    const mine: OtpAdapter<{ id: string }> = {
      name: 'mine',
      maxAttempts: 3,
      validateTarget() {},
      targetKey: (t) => t.id,
      verify: async ({ code }) => ({ customer: { customerId: code }, raw: null }),
    }
    const client = createOtpClient<{ id: string }>({ adapter: mine, baseUrl: '/api', fetch })
    for (const code of ['123', '12345678901', '12a4', '']) {
      expect(await caught(client.verify({ id: 'a' }, code)), code).toMatchObject({ kind: 'invalid_request' })
    }
    expect((await client.verify({ id: 'a' }, '١٢٣٤')).customer.customerId).toBe('1234')
    expect((await client.verify({ id: 'a' }, '1234567890')).customer.customerId).toBe('1234567890')
    expect(calls).toHaveLength(0)
  })
})
