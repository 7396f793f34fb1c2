import { describe, expect, it } from 'vitest'
import { message } from '../../../src/testing/messages.js'
import { forcedRateLimit, resendOtp } from '../../../src/testing/routes/resendOtp.js'
import { T0 } from '../transports.js'
import { read, routeContext } from './context.js'

const PHONE = '+9647501234567'

function withCustomer(options: Parameters<typeof routeContext>[0] = {}) {
  const ctx = routeContext(options)
  const entry = ctx.store.add({ phone: PHONE, customerId: 'C1' })
  const resend = (body: unknown) => read(resendOtp(ctx.post(body)))
  return { ...ctx, entry, resend }
}

describe('resendOtp', () => {
  it('sends a new code with a full set of attempts and starts the cooldown', () => {
    const { resend, entry, store } = withCustomer()
    expect(resend({ phone: PHONE })).toEqual({ status: 200, body: { success: true, message: message('sent', 'en') } })
    expect(entry.cycle).toMatchObject({ code: '000001', attemptsLeft: 3, expiresAt: T0 + 300_000 })
    expect(entry.cooldownUntil).toBe(T0 + 60_000)
    expect(store.inbox.map((sms) => sms.to)).toEqual([PHONE])
  })

  it('takes a non-empty customer_id over the phone, and an empty one as absent', () => {
    const { resend, store } = withCustomer()
    store.add({ phone: '+9647500000002', customerId: 'C2' })
    resend({ customer_id: 'C2', phone: PHONE })
    resend({ customer_id: '', phone: PHONE })
    expect(store.inbox.map((sms) => sms.customerId)).toEqual(['C2', 'C1'])
  })

  it('refuses an unreadable body, a bad phone, no target and an unknown customer, sending nothing', () => {
    const { resend, store } = withCustomer()
    expect(resend('nope')).toMatchObject({ status: 400, body: { message: message('badJson', 'en') } })
    expect(resend({ phone: '7501234567' })).toMatchObject({ status: 400, body: { message: message('badPhone', 'en') } })
    expect(resend({})).toMatchObject({ status: 400, body: { message: message('targetRequired', 'en') } })
    expect(resend({ customer_id: 'C9' })).toMatchObject({ status: 404, body: { message: message('customerNotFound', 'en') } })
    expect(store.inbox).toEqual([])
  })

  it('answers 429 until the cooldown ends, with a wait_time rounded up', () => {
    const { resend, clock } = withCustomer()
    resend({ phone: PHONE })
    clock.advance(20_700)
    expect(resend({ phone: PHONE })).toEqual({ status: 429, body: { success: false, message: message('rateLimited', 'en'), wait_time: 40 } })
    clock.advance(39_299)
    expect(resend({ phone: PHONE })).toMatchObject({ status: 429, body: { wait_time: 1 } })
    clock.advance(1)
    expect(resend({ phone: PHONE }).status).toBe(200)
  })

  it('lets a client that waits exactly wait_time succeed', () => {
    const { resend, clock } = withCustomer()
    resend({ phone: PHONE })
    clock.advance(59_001)
    const refused = resend({ phone: PHONE })
    expect(refused.body.wait_time).toBe(1)
    clock.advance(refused.body.wait_time * 1000)
    expect(resend({ phone: PHONE }).status).toBe(200)
  })

  it('tells a verified customer so instead of sending', () => {
    const { resend, entry, store } = withCustomer()
    entry.customer.isVerified = true
    expect(resend({ phone: PHONE })).toMatchObject({ status: 400, body: { message: message('alreadyVerified', 'en') } })
    expect(store.inbox).toEqual([])
  })
})

describe('forcedRateLimit', () => {
  it('answers 429 with the wait it is given, and makes later resends of that customer wait as long', () => {
    const ctx = withCustomer()
    expect(read(forcedRateLimit(ctx.post({ phone: PHONE }), 30))).toMatchObject({ status: 429, body: { wait_time: 30 } })
    ctx.clock.advance(29_000)
    expect(ctx.resend({ phone: PHONE })).toMatchObject({ status: 429, body: { wait_time: 1 } })
    ctx.clock.advance(1000)
    expect(ctx.resend({ phone: PHONE }).status).toBe(200)
  })

  it('never shortens a longer cooldown already running', () => {
    const ctx = withCustomer()
    ctx.resend({ phone: PHONE })
    forcedRateLimit(ctx.post({ phone: PHONE }), 5)
    ctx.clock.advance(5000)
    expect(ctx.resend({ phone: PHONE })).toMatchObject({ status: 429, body: { wait_time: 55 } })
  })

  it('answers 429 even when the body names nobody', () => {
    const ctx = withCustomer()
    expect(read(forcedRateLimit(ctx.post('junk'), 12))).toMatchObject({ status: 429, body: { wait_time: 12 } })
  })
})
