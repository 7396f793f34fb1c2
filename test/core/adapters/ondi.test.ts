import { afterEach, describe, expect, it, vi } from 'vitest'
import { createOtpClient } from '../../../src/core/client'
import { ONDI_PHONE as PHONE, caught, fakeFetch, json, ondiVerified } from '../../support/fakeFetch'

afterEach(() => vi.useRealTimers())

describe('createOtpClient with ondi', () => {
  it('sends the phone and the ASCII code to verify-otp with the language in the query', async () => {
    const { fetch, calls } = fakeFetch(ondiVerified)
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
    const { fetch, calls } = fakeFetch(ondiVerified)
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
