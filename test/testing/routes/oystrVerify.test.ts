import { describe, expect, it } from 'vitest'
import { message } from '../../../src/testing/messages.js'
import { oystrVerify } from '../../../src/testing/routes/oystrVerify.js'
import { read, routeContext } from './context.js'

function withCustomer(mode: 'sandbox' | 'strict' = 'sandbox') {
  const ctx = routeContext({ oystrMode: mode })
  const entry = ctx.store.add({ phone: '+9647801234567', customerId: 'cd98', trackingCode: 'site-1' })
  ctx.store.send(entry, 'en')
  const verify = (body: unknown) => read(oystrVerify(ctx.post(body)))
  return { ...ctx, entry, verify }
}

describe('oystrVerify', () => {
  it('answers 422 for a malformed otp or a request naming nobody, 400 for an unreadable body', () => {
    const { verify } = withCustomer()
    for (const otp of ['12345', 123456, '12345a', undefined]) {
      expect(verify({ otp, customer_id: 'cd98' }), String(otp)).toEqual({ status: 422, body: { message: message('oystrBadOtp', 'en') } })
    }
    expect(verify({ otp: '123456', customer_id: '', tracking_code: '' })).toEqual({ status: 422, body: { message: message('oystrTargetRequired', 'en') } })
    expect(verify('{')).toEqual({ status: 400, body: { message: message('badJson', 'en') } })
  })

  it('finds the customer by tracking code, and by customer_id first when both are sent', () => {
    const { verify, store } = withCustomer()
    store.add({ phone: '+9647800000002', customerId: 'other', trackingCode: 'site-2' })
    expect(verify({ otp: '123456', tracking_code: 'site-1' }).body.customer_id).toBe('cd98')
    expect(verify({ otp: '123456', customer_id: 'other', tracking_code: 'site-1' }).body.customer_id).toBe('other')
    expect(verify({ otp: '123456', customer_id: 'nobody', tracking_code: 'site-1' })).toEqual({ status: 404, body: { message: message('customerNotFound', 'en') } })
  })

  it('in sandbox mode verifies any six digits, and again without harm, keeping the first verified_at', () => {
    const { verify, clock, entry } = withCustomer()
    const first = verify({ otp: '987654', customer_id: 'cd98' })
    expect(first).toEqual({
      status: 200,
      body: { status: 'verified', customer_id: 'cd98', tracking_code: 'site-1', verified_at: '2024-01-01T12:00:00Z', message: message('oystrVerified', 'en') },
    })
    expect(entry.customer.isVerified).toBe(true)
    clock.advance(60_000)
    expect(verify({ otp: '000000', customer_id: 'cd98' }).body.verified_at).toBe('2024-01-01T12:00:00Z')
  })

  it('in strict mode wants the live code: a wrong one is 400, an expired one says so', () => {
    const { verify, clock, entry } = withCustomer('strict')
    expect(verify({ otp: '999999', customer_id: 'cd98' })).toEqual({ status: 400, body: { message: message('invalidCode', 'en') } })
    expect(entry.customer.isVerified).toBe(false)
    clock.advance(300_000)
    expect(verify({ otp: '000001', customer_id: 'cd98' })).toEqual({ status: 400, body: { message: message('expired', 'en') } })
  })

  it('in strict mode verifies the live code once, after which it is used up', () => {
    const { verify } = withCustomer('strict')
    expect(verify({ otp: '000001', customer_id: 'cd98' }).status).toBe(200)
    expect(verify({ otp: '000001', customer_id: 'cd98' }).status).toBe(400)
  })
})
