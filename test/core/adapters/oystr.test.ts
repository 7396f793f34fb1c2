import { describe, expect, it } from 'vitest'
import { createOtpClient } from '../../../src/core/client'
import type { OtpError } from '../../../src/core/errors'
import { caught, fakeFetch, json } from '../../support/fakeFetch'

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
