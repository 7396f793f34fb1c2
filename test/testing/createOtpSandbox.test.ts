import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createOtpSandbox, DEMO_CUSTOMERS, type OtpSandbox, type SandboxSms } from '../../src/testing.js'
import { message } from '../../src/testing/messages.js'
import { jwtPayload, ORDER, OYSTR, RESEND, sequentialCodes, T0, VERIFY, type Json } from './transports.js'

const SHOPPER = '+9647501234567'
const JOHN = '+919876543210'

async function post(sandbox: OtpSandbox, path: string, body: unknown, query = '') {
  const result = await sandbox.handle({
    method: 'POST',
    url: `${path}${query}`,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  if ('drop' in result) throw new Error('dropped')
  return { ...result, json: JSON.parse(result.body) as Json }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('createOtpSandbox: customers and the inbox', () => {
  it('starts with the demo customers and sends each unverified one a first code', () => {
    const sent: SandboxSms[] = []
    const sandbox = createOtpSandbox({ now: () => T0, onSend: (sms) => sent.push(sms) })
    expect(sandbox.customers.map((c) => c.phone)).toEqual(DEMO_CUSTOMERS.map((c) => c.phone))
    expect(sent.map((s) => s.to)).toEqual(['+9647501234567', '+919876543210', '+9647801234567'])
    expect(sandbox.inbox).toEqual(sent)
    for (const sms of sent) {
      expect(sms.code).toMatch(/^\d{6}$/)
      expect(sms).toMatchObject({ sentAt: T0, expiresAt: T0 + 300_000, language: 'en' })
      expect(sms.text).toBe(`Your verification code is ${sms.code}. It expires in 5 minutes.`)
    }
  })

  it('makes random codes by default and asks generateCode when given', () => {
    const random = new Set(Array.from({ length: 20 }, () => createOtpSandbox().lastCodeFor(SHOPPER)))
    expect(random.size).toBeGreaterThan(15)
    const generateCode = vi.fn(sequentialCodes)
    const sandbox = createOtpSandbox({ generateCode })
    expect(generateCode).toHaveBeenNthCalledWith(1, { to: SHOPPER, customerId: 'GAL1704067200001', count: 1 })
    expect(sandbox.lastCodeFor(SHOPPER)).toBe('000001')
    expect(() => createOtpSandbox({ generateCode: () => '12345' })).toThrow(/6 digits/)
  })

  it('finds the last code by phone or by customer id', () => {
    const sandbox = createOtpSandbox({ now: () => T0, generateCode: sequentialCodes })
    sandbox.sendCode(JOHN)
    expect(sandbox.lastCodeFor(JOHN)).toBe('000004')
    expect(sandbox.lastCodeFor('GAL1704067200000')).toBe('000004')
    expect(sandbox.lastCodeFor('+9647509999999')).toBeUndefined()
  })

  it('seeds customers with addCustomer without sending, and with createCustomer by sending', async () => {
    const sandbox = createOtpSandbox({ now: () => T0, customers: [], generateCode: sequentialCodes })
    const quiet = sandbox.addCustomer({ phone: '+9647500000001' })
    expect(quiet).toMatchObject({ customerId: `GAL${T0}`, fullName: 'Sandbox Customer', isVerified: false, hasUserAccount: false })
    expect(sandbox.inbox).toHaveLength(0)
    // No code was ever sent: the only useful answer is to ask for one.
    expect((await post(sandbox, VERIFY, { phone: '+9647500000001', code: '000000' })).json.message).toBe(message('expired', 'en'))

    const loud = sandbox.createCustomer({ phone: '+9647500000002', hasUserAccount: true }, { language: 'ku' })
    expect(loud.customerId).toBe(`GAL${T0 + 1}`)
    expect(loud.userId).toMatch(/^[\da-f-]{36}$/)
    expect(sandbox.inbox).toHaveLength(1)
    expect(sandbox.inbox[0]?.text).toBe('کۆدی پشتڕاستکردنەوەکەت: 000001. بۆ ماوەی 5 خولەک کار دەکات.')
    expect((await post(sandbox, VERIFY, { phone: '+9647500000002', code: '000001' })).json.data.access_token).toBeTypeOf('string')
  })

  it('refuses duplicate and malformed customers with a sentence', () => {
    const sandbox = createOtpSandbox()
    expect(() => sandbox.addCustomer({ phone: SHOPPER })).toThrow(/exists already/)
    expect(() => sandbox.addCustomer({ phone: '+9647500000009', customerId: 'GAL1704067200000' })).toThrow(/exists already/)
    expect(() => sandbox.addCustomer({ phone: '0750 123 4567' })).toThrow(/international format/)
    expect(() => sandbox.sendCode('+9647509999999')).toThrow(/no sandbox customer/)
  })

  it('hands out snapshots that cannot change its state', async () => {
    const sandbox = createOtpSandbox()
    const john = sandbox.getCustomer(JOHN)!
    john.isVerified = true
    expect(sandbox.getCustomer(JOHN)?.isVerified).toBe(false)
    expect(sandbox.getCustomer('customer_id_on_my_website')?.customerId).toBe('cd989813-9852-40f6-bca7-ea0233d48cb9')
  })

  it('renews a verified customer only through a code the host sends', async () => {
    const sandbox = createOtpSandbox({ now: () => T0 })
    const first = await post(sandbox, VERIFY, { phone: SHOPPER, code: sandbox.lastCodeFor(SHOPPER) })
    sandbox.clock.advance(6 * 60_000)
    expect((await post(sandbox, RESEND, { phone: SHOPPER })).json.message).toBe('Customer is already verified')
    const sms = sandbox.sendCode(SHOPPER)
    const second = await post(sandbox, VERIFY, { phone: SHOPPER, code: sms.code })
    expect(second.status).toBe(200)
    expect(jwtPayload(second.json.data.access_token).exp).toBe(jwtPayload(first.json.data.access_token).exp as number + 360)
  })

  it('expires one code or all of them on demand', async () => {
    const sandbox = createOtpSandbox({ now: () => T0 })
    sandbox.expireCode(JOHN)
    expect((await post(sandbox, VERIFY, { phone: JOHN, code: sandbox.lastCodeFor(JOHN) })).json.message).toMatch(/expired/)
    expect((await post(sandbox, VERIFY, { phone: SHOPPER, code: sandbox.lastCodeFor(SHOPPER) })).status).toBe(200)
    sandbox.expireCode()
    expect((await post(sandbox, OYSTR, { otp: '123456', customer_id: 'cd989813-9852-40f6-bca7-ea0233d48cb9' })).status).toBe(200)
    expect(() => sandbox.expireCode('nobody')).toThrow(/no sandbox customer/)
  })

  it('resets to fresh state and keeps its clock', async () => {
    const sandbox = createOtpSandbox({ now: () => T0, generateCode: sequentialCodes })
    const verified = await post(sandbox, VERIFY, { phone: SHOPPER, code: sandbox.lastCodeFor(SHOPPER) })
    sandbox.addCustomer({ phone: '+9647500000001' })
    sandbox.injectFault({ type: 'server_error' })
    sandbox.clock.advance(1000)
    sandbox.reset()
    expect(sandbox.customers).toHaveLength(DEMO_CUSTOMERS.length)
    expect(sandbox.getCustomer(SHOPPER)?.isVerified).toBe(false)
    expect(sandbox.pendingFaults).toEqual([])
    expect(sandbox.inbox.map((s) => [s.code, s.sentAt])).toEqual([['000001', T0 + 1000], ['000002', T0 + 1000], ['000003', T0 + 1000]])
    const order = await post(sandbox, ORDER, '', '')
    expect(order.status).toBe(401)
    const withOldToken = await sandbox.handle({ method: 'POST', url: ORDER, headers: { 'X-EXPRESS-KEY': verified.json.data.access_token }, body: '' })
    expect('drop' in withOldToken ? 0 : withOldToken.status).toBe(401)
  })
})

describe('createOtpSandbox: time', () => {
  it('follows Date.now by default, so fake timers drive expiry and cooldown', async () => {
    vi.useFakeTimers({ now: T0 })
    const sandbox = createOtpSandbox()
    vi.advanceTimersByTime(20_000)
    expect((await post(sandbox, RESEND, { phone: JOHN })).json.wait_time).toBe(40)
    vi.advanceTimersByTime(40_000)
    expect((await post(sandbox, RESEND, { phone: JOHN })).status).toBe(200)
    vi.advanceTimersByTime(300_000)
    expect((await post(sandbox, VERIFY, { phone: JOHN, code: sandbox.lastCodeFor(JOHN) })).json.message).toMatch(/expired/)
  })

  it('counts minutes in the SMS text the way each language does', () => {
    const texts = (ttl: number) =>
      (['en', 'ar', 'ku'] as const).map((language) => {
        const sandbox = createOtpSandbox({ customers: [], codeTtlMs: ttl, generateCode: () => '123456' })
        sandbox.createCustomer({ phone: '+9647500000001' }, { language })
        return sandbox.inbox[0]?.text
      })
    expect(texts(60_000)).toEqual([
      'Your verification code is 123456. It expires in 1 minute.',
      'رمز التحقق الخاص بك: 123456. صالح لمدة دقيقة واحدة.',
      'کۆدی پشتڕاستکردنەوەکەت: 123456. بۆ ماوەی 1 خولەک کار دەکات.',
    ])
    expect(texts(120_000)[1]).toContain('دقيقتين')
    expect(texts(300_000)[1]).toContain('5 دقائق')
    expect(texts(15 * 60_000)[1]).toContain('15 دقيقة')
  })
})

describe('createOtpSandbox: handle', () => {
  it('answers unknown routes with 404 JSON and other methods with 405', async () => {
    const sandbox = createOtpSandbox()
    const missing = await sandbox.handle({ method: 'POST', url: '/express-shipping/customer/nothing' })
    expect(missing).toMatchObject({ status: 404 })
    const get = await sandbox.handle({ method: 'GET', url: `https://x.test/api${VERIFY}` })
    expect(get).toMatchObject({ status: 405, headers: { allow: 'POST' } })
  })

  it('speaks English for a missing or unknown language and reads the value in any case', async () => {
    const sandbox = createOtpSandbox()
    const ask = async (query: string) => (await post(sandbox, VERIFY, { phone: '+1', code: '1' }, query)).json.message
    expect(await ask('')).toBe(message('badPhone', 'en'))
    expect(await ask('?language=fr')).toBe(message('badPhone', 'en'))
    expect(await ask('?language=AR')).toBe(message('badPhone', 'ar'))
    expect(await ask('?language=ku')).toBe(message('badPhone', 'ku'))
  })

  it('answers any body with JSON and a 4xx, never throwing', async () => {
    const sandbox = createOtpSandbox({ now: () => T0 })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(VERIFY, RESEND, OYSTR, ORDER),
        fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))),
        async (path, body) => {
          const result = await sandbox.handle({ method: 'POST', url: path, body })
          if ('drop' in result) throw new Error('dropped')
          expect(result.status).toBeGreaterThanOrEqual(400)
          expect(result.status).toBeLessThan(500)
          expect(() => JSON.parse(result.body)).not.toThrow()
        },
      ),
      { numRuns: 300 },
    )
    // Nothing of that reached a code.
    expect((await post(sandbox, VERIFY, { phone: SHOPPER, code: '999999' })).json.attempts_remaining).toBe(4)
  })
})
