import { describe, expect, it } from 'vitest'
import { message } from '../../../src/testing/messages.js'
import { verifyOtp } from '../../../src/testing/routes/verifyOtp.js'
import { jwtPayload, T0 } from '../transports.js'
import { read, routeContext } from './context.js'

const PHONE = '+9647501234567'

/** A sandbox state with one customer who was sent code 000001. */
function withCode(options: Parameters<typeof routeContext>[0] = {}, account = false) {
  const ctx = routeContext(options)
  const entry = ctx.store.add({ phone: PHONE, customerId: 'C1', hasUserAccount: account })
  ctx.store.send(entry, 'en')
  const verify = (code: unknown, phone: unknown = PHONE) => read(verifyOtp(ctx.post({ phone, code })))
  return { ...ctx, entry, verify }
}

describe('verifyOtp', () => {
  it('refuses a body it cannot read, a phone not in international format and a malformed code, burning no attempt', () => {
    const { entry, verify, post } = withCode()
    expect(read(verifyOtp(post('{"phone":')))).toEqual({ status: 400, body: { success: false, message: message('badJson', 'en') } })
    expect(read(verifyOtp(post([PHONE, '000001'])))).toMatchObject({ status: 400, body: { message: message('badJson', 'en') } })
    expect(verify('000001', '07501234567')).toMatchObject({ status: 400, body: { message: message('badPhone', 'en') } })
    for (const code of ['12345', '1234567', '12a456', 123456, null, '١٢٣٤٥٦']) {
      expect(verify(code), String(code)).toMatchObject({ status: 400, body: { message: message('badCode', 'en') } })
    }
    expect(entry.cycle?.attemptsLeft).toBe(3)
  })

  it('answers 404 for a phone it does not know', () => {
    const { verify } = withCode()
    expect(verify('000001', '+9647509999999')).toMatchObject({ status: 404, body: { success: false, message: message('customerNotFound', 'en') } })
  })

  it('counts a wrong code down in attempts_remaining, then locks: the right code no longer works', () => {
    const { verify } = withCode()
    expect(verify('999999')).toEqual({ status: 400, body: { success: false, message: message('invalidCode', 'en'), attempts_remaining: 2 } })
    expect(verify('999999').body.attempts_remaining).toBe(1)
    expect(verify('999999')).toEqual({ status: 400, body: { success: false, message: message('invalidCode', 'en'), attempts_remaining: 0 } })
    expect(verify('000001')).toEqual({ status: 400, body: { success: false, message: message('tooManyAttempts', 'en') } })
  })

  it('answers the last wrong code with too-many-attempts when set to', () => {
    const { verify } = withCode({ lastWrongCode: 'too_many_attempts' })
    verify('999999')
    verify('999999')
    expect(verify('999999')).toEqual({ status: 400, body: { success: false, message: message('tooManyAttempts', 'en') } })
  })

  it('calls the code expired from its expiry on, and before any code was sent', () => {
    const { clock, verify, store, post } = withCode()
    clock.advance(299_999)
    store.add({ phone: '+9647500000001' })
    expect(read(verifyOtp(post({ phone: '+9647500000001', code: '000001' })))).toMatchObject({ status: 400, body: { message: message('expired', 'en') } })
    clock.advance(1)
    expect(verify('000001')).toMatchObject({ status: 400, body: { message: message('expired', 'en') } })
  })

  it('verifies a customer without an account with the first documented shape, once', () => {
    const { verify, entry } = withCode()
    expect(verify('000001')).toEqual({
      status: 200,
      body: {
        success: true,
        data: { customer_id: 'C1', full_name: 'Sandbox Customer', email: 'c1@example.test', phone: PHONE, is_verified: true, verified_at: '2024-01-01T12:00:00Z' },
        message: message('verified', 'en'),
      },
    })
    expect(entry.customer.isVerified).toBe(true)
    expect(verify('000001')).toMatchObject({ status: 400, body: { message: message('alreadyVerified', 'en') } })
  })

  it('verifies a customer with an account with a session token the sandbox will accept', () => {
    const { verify, tokens, entry } = withCode({}, true)
    const { status, body } = verify('000001')
    expect(status).toBe(200)
    expect(body.data).toMatchObject({ user_id: entry.customer.userId, customer_id: 'C1', address_id: entry.customer.addressId, delivery_address: entry.customer.deliveryAddress })
    expect(jwtPayload(body.data.access_token)).toMatchObject({ sub: 'C1', exp: T0 / 1000 + 300 })
    expect(tokens.check(body.data.access_token)).toEqual({ state: 'valid', customerId: 'C1' })
  })

  it('speaks the request’s language', () => {
    const { verify } = withCode({ language: 'ar' })
    expect(verify('999999').body.message).toBe(message('invalidCode', 'ar'))
  })
})
