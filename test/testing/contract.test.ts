// @vitest-environment node
/**
 * Every row of docs/back-ends.md, run against the state machine, through MSW and
 * through the real HTTP server, in each of the three languages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOtpSandbox, type OtpSandbox, type OtpSandboxOptions } from '../../src/testing.js'
import { message, type MessageKey } from '../../src/testing/messages.js'
import {
  answered,
  jwtPayload,
  OYSTR,
  RESEND,
  sequentialCodes,
  T0,
  transports,
  VERIFY,
  type CallOptions,
  type Wire,
} from './transports.js'

const SHOPPER = '+9647501234567' // has a user account: a verify returns a session
const JOHN = '+919876543210' // the documents' customer: no account
const VERIFIED = '+9647701234567'
const OYSTR_ID = 'cd989813-9852-40f6-bca7-ea0233d48cb9'
const OYSTR_TRACKING = 'customer_id_on_my_website'

/** The English wording, verbatim from the documents where they show it. */
const EN: Partial<Record<MessageKey, string>> = {
  verified: 'OTP verified successfully. Customer is now verified.',
  invalidCode: 'Invalid verification code',
  expired: 'Verification code has expired. Please request a new OTP.',
  tooManyAttempts: 'Too many failed attempts. Please request a new OTP.',
  sent: 'OTP sent successfully to your phone.',
  rateLimited: 'Please wait before requesting another OTP',
  alreadyVerified: 'Customer is already verified',
  customerNotFound: 'Customer not found',
  unauthorized: 'Unauthorized',
}

const LANGUAGES = ['en', 'ar', 'ku'] as const

describe.each(transports)('the sandbox over $name', (transport) => {
  describe.each(LANGUAGES)('with ?language=%s', (language) => {
    let sandbox: OtpSandbox
    let wire: Wire | undefined

    const text = (key: MessageKey) => (language === 'en' ? (EN[key] ?? message(key, 'en')) : message(key, language))
    const open = async (options: OtpSandboxOptions = {}) => {
      await wire?.close()
      sandbox = createOtpSandbox({ now: () => T0, generateCode: sequentialCodes, ...options })
      wire = await transport.open(sandbox)
    }
    const call = async (path: string, options: CallOptions = {}) => answered(await wire!.call(path, { language, ...options }))
    const verify = (phone: string, code: string | undefined) => call(VERIFY, { body: { phone, code } })
    const resend = (body: Record<string, string | undefined>) => call(RESEND, { body })

    beforeEach(() => open())
    afterEach(async () => {
      await wire?.close()
      wire = undefined
    })

    describe('POST /express-shipping/customer/verify-otp', () => {
      it('verifies a customer without an account with the first documented shape', async () => {
        const reply = await verify(JOHN, sandbox.lastCodeFor(JOHN))
        expect(reply.status).toBe(200)
        expect(reply.headers['content-type']).toMatch(/^application\/json/)
        expect(reply.body).toEqual({
          success: true,
          data: {
            customer_id: 'GAL1704067200000',
            full_name: 'John Doe',
            email: 'john.doe@example.com',
            phone: JOHN,
            is_verified: true,
            verified_at: '2024-01-01T12:00:00Z',
          },
          message: text('verified'),
        })
        expect(sandbox.getCustomer(JOHN)?.isVerified).toBe(true)
      })

      it('hands a customer with an account a JWT-shaped access_token that lives about 5 minutes', async () => {
        const reply = await verify(SHOPPER, sandbox.lastCodeFor(SHOPPER))
        expect(reply.status).toBe(200)
        expect(Object.keys(reply.body.data)).toEqual([
          'user_id',
          'customer_id',
          'full_name',
          'email',
          'phone',
          'address_id',
          'delivery_address',
          'access_token',
        ])
        expect(reply.body.message).toBe(text('verified'))
        const token: string = reply.body.data.access_token
        expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
        const claims = jwtPayload(token)
        expect(claims.exp).toBe(T0 / 1000 + 300)
        expect(claims.sub).toBe('GAL1704067200001')
      })

      it('counts wrong codes down with attempts_remaining', async () => {
        for (const left of [4, 3, 2, 1]) {
          const reply = await verify(SHOPPER, '999999')
          expect(reply.status).toBe(400)
          expect(reply.body).toEqual({ success: false, message: text('invalidCode'), attempts_remaining: left })
        }
      })

      it('answers attempts_remaining: 0 to the 5th wrong code by default, then too many attempts', async () => {
        for (let i = 0; i < 4; i++) await verify(SHOPPER, '999999')
        const fifth = await verify(SHOPPER, '999999')
        expect(fifth.body).toEqual({ success: false, message: text('invalidCode'), attempts_remaining: 0 })
        // The code is dead: even the right one is refused now.
        const after = await verify(SHOPPER, sandbox.lastCodeFor(SHOPPER))
        expect(after.status).toBe(400)
        expect(after.body).toEqual({ success: false, message: text('tooManyAttempts') })
      })

      it('answers the too-many-attempts body to the 5th wrong code when asked to', async () => {
        await open({ lastWrongCode: 'too_many_attempts' })
        for (let i = 0; i < 4; i++) await verify(SHOPPER, '999999')
        const fifth = await verify(SHOPPER, '999999')
        expect(fifth.status).toBe(400)
        expect(fifth.body).toEqual({ success: false, message: text('tooManyAttempts') })
        expect((await verify(SHOPPER, sandbox.lastCodeFor(SHOPPER))).body.message).toBe(text('tooManyAttempts'))
      })

      it('lets a code live 5 minutes, then answers expired', async () => {
        sandbox.clock.advance(5 * 60_000 - 1)
        expect((await verify(JOHN, '999999')).body.attempts_remaining).toBe(4)
        sandbox.clock.advance(1)
        const reply = await verify(JOHN, sandbox.lastCodeFor(JOHN))
        expect(reply.status).toBe(400)
        expect(reply.body).toEqual({ success: false, message: text('expired') })
      })

      it('answers 404 Customer not found for an unknown phone', async () => {
        const reply = await verify('+9647509999999', '123456')
        expect(reply.status).toBe(404)
        expect(reply.body).toEqual({ success: false, message: text('customerNotFound') })
      })

      it('answers already verified once the code was used', async () => {
        await verify(JOHN, sandbox.lastCodeFor(JOHN))
        const again = await verify(JOHN, sandbox.lastCodeFor(JOHN))
        expect(again.status).toBe(400)
        expect(again.body).toEqual({ success: false, message: text('alreadyVerified') })
      })

      it('answers 400 with a message to a malformed phone, a malformed code and a broken body', async () => {
        for (const phone of ['07501234567', '+964 750 123 4567', '', '+12']) {
          const reply = await verify(phone, '123456')
          expect(reply.status).toBe(400)
          expect(reply.body).toEqual({ success: false, message: message('badPhone', language) })
        }
        const shortCode = await verify(SHOPPER, '12345')
        expect(shortCode.status).toBe(400)
        expect(shortCode.body).toEqual({ success: false, message: message('badCode', language) })
        const broken = await call(VERIFY, { body: '{"phone": "+9647501234567", "code": ' })
        expect(broken.status).toBe(400)
        expect(broken.body).toEqual({ success: false, message: message('badJson', language) })
        // None of these burned an attempt.
        expect((await verify(SHOPPER, '999999')).body.attempts_remaining).toBe(4)
      })
    })

    describe('POST /express-shipping/customer/resend-otp', () => {
      it('sends a new code with a full set of attempts', async () => {
        await verify(SHOPPER, '999999')
        await verify(SHOPPER, '999999')
        const first = sandbox.lastCodeFor(SHOPPER)
        sandbox.clock.advance(60_000)
        const reply = await resend({ phone: SHOPPER, customer_id: '' })
        expect(reply.status).toBe(200)
        expect(reply.body).toEqual({ success: true, message: text('sent') })
        const second = sandbox.lastCodeFor(SHOPPER)
        expect(second).not.toBe(first)
        expect(sandbox.inbox.at(-1)).toMatchObject({ to: SHOPPER, code: second, sentAt: T0 + 60_000, language })
        expect((await verify(SHOPPER, first!)).body.attempts_remaining).toBe(4)
        expect((await verify(SHOPPER, second!)).status).toBe(200)
      })

      it('finds the customer by customer_id, which wins over a phone', async () => {
        sandbox.clock.advance(60_000)
        const reply = await resend({ customer_id: 'GAL1704067200000', phone: '+9647509999999' })
        expect(reply.status).toBe(200)
        expect(sandbox.inbox.at(-1)?.to).toBe(JOHN)
      })

      it('revives a code locked by too many attempts', async () => {
        for (let i = 0; i < 5; i++) await verify(JOHN, '999999')
        sandbox.clock.advance(60_000)
        expect((await resend({ phone: JOHN })).status).toBe(200)
        expect((await verify(JOHN, sandbox.lastCodeFor(JOHN))).status).toBe(200)
      })

      it('answers 429 with a wait_time that counts down with the clock', async () => {
        sandbox.clock.advance(15_000)
        const reply = await resend({ phone: SHOPPER })
        expect(reply.status).toBe(429)
        expect(reply.body).toEqual({ success: false, message: text('rateLimited'), wait_time: 45 })
        sandbox.clock.advance(44_500)
        expect((await resend({ phone: SHOPPER })).body.wait_time).toBe(1)
        sandbox.clock.advance(500)
        expect((await resend({ phone: SHOPPER })).status).toBe(200)
        // The cooldown starts again from this send.
        expect((await resend({ phone: SHOPPER })).body.wait_time).toBe(60)
      })

      it('answers 400 Customer is already verified', async () => {
        const reply = await resend({ phone: VERIFIED })
        expect(reply.status).toBe(400)
        expect(reply.body).toEqual({ success: false, message: text('alreadyVerified') })
      })

      it('answers 404 Customer not found by phone and by customer_id', async () => {
        for (const body of [{ phone: '+9647509999999' }, { customer_id: 'GAL0' }]) {
          const reply = await resend(body)
          expect(reply.status).toBe(404)
          expect(reply.body).toEqual({ success: false, message: text('customerNotFound') })
        }
      })

      it('answers 400 when neither phone nor customer_id is given, or the phone is malformed', async () => {
        expect((await resend({ phone: '', customer_id: '' })).body).toEqual({ success: false, message: message('targetRequired', language) })
        expect((await resend({ phone: '9647501234567' })).body).toEqual({ success: false, message: message('badPhone', language) })
      })
    })

    describe('credentials', () => {
      beforeEach(() => open({ auth: { apiKeys: ['key-1'], bearerTokens: ['session-1'] } }))

      it('answers 401 Unauthorized without a valid X-API-Key or bearer token', async () => {
        for (const headers of [{}, { 'X-API-Key': 'nope' }, { Authorization: 'Bearer nope' }, { Authorization: 'key-1' }] as Record<string, string>[]) {
          const reply = await call(VERIFY, { headers, body: { phone: JOHN, code: '999999' } })
          expect(reply.status).toBe(401)
          expect(reply.body).toEqual({ success: false, message: text('unauthorized') })
        }
        expect((await call(RESEND, { body: { phone: JOHN } })).status).toBe(401)
        expect((await call(OYSTR, { body: { otp: '123456', customer_id: OYSTR_ID } })).body).toEqual({ message: text('unauthorized') })
        // Refused requests touch nothing.
        expect((await call(VERIFY, { headers: { 'x-api-key': 'key-1' }, body: { phone: JOHN, code: '999999' } })).body.attempts_remaining).toBe(4)
      })

      it('accepts an accepted X-API-Key or Authorization: Bearer', async () => {
        const byKey = await call(VERIFY, { headers: { 'X-API-Key': 'key-1' }, body: { phone: JOHN, code: sandbox.lastCodeFor(JOHN) } })
        expect(byKey.status).toBe(200)
        const byBearer = await call(VERIFY, { headers: { Authorization: 'Bearer session-1' }, body: { phone: SHOPPER, code: sandbox.lastCodeFor(SHOPPER) } })
        expect(byBearer.status).toBe(200)
      })
    })

    describe('POST /v1/customer/verify (Oystr)', () => {
      it('verifies with any 6 digits in sandbox mode, by customer_id or by tracking_code', async () => {
        const byId = await call(OYSTR, { body: { otp: '983707', customer_id: OYSTR_ID } })
        expect(byId.status).toBe(200)
        expect(byId.body).toMatchObject({ status: 'verified', customer_id: OYSTR_ID, tracking_code: OYSTR_TRACKING })
        const byTracking = await call(OYSTR, { body: { otp: '000000', tracking_code: OYSTR_TRACKING } })
        expect(byTracking.status).toBe(200)
        expect(byTracking.body.customer_id).toBe(OYSTR_ID)
      })

      it('lets customer_id win over tracking_code', async () => {
        const reply = await call(OYSTR, { body: { otp: '983707', customer_id: 'unknown-id', tracking_code: OYSTR_TRACKING } })
        expect(reply.status).toBe(404)
        expect(reply.body).toEqual({ message: text('customerNotFound') })
      })

      it('answers 422 with a message to an otp that is not 6 digits, or to no id at all', async () => {
        for (const otp of ['12345', '1234567', 'abcdef', 123456]) {
          const reply = await call(OYSTR, { body: { otp, customer_id: OYSTR_ID } })
          expect(reply.status).toBe(422)
          expect(reply.body).toEqual({ message: message('oystrBadOtp', language) })
        }
        const noId = await call(OYSTR, { body: { otp: '123456', customer_id: '' } })
        expect(noId.status).toBe(422)
        expect(noId.body).toEqual({ message: message('oystrTargetRequired', language) })
      })

      it('checks the code in strict mode, with no attempt count', async () => {
        await open({ oystrMode: 'strict' })
        for (let i = 0; i < 7; i++) {
          const wrong = await call(OYSTR, { body: { otp: '999999', customer_id: OYSTR_ID } })
          expect(wrong.status).toBe(400)
          expect(wrong.body).toEqual({ message: message('invalidCode', language) })
        }
        const right = await call(OYSTR, { body: { otp: sandbox.lastCodeFor(OYSTR_ID), customer_id: OYSTR_ID } })
        expect(right.status).toBe(200)
      })

      it('refuses an expired code in strict mode', async () => {
        await open({ oystrMode: 'strict' })
        sandbox.clock.advance(5 * 60_000)
        const reply = await call(OYSTR, { body: { otp: sandbox.lastCodeFor(OYSTR_ID), tracking_code: OYSTR_TRACKING } })
        expect(reply.status).toBe(400)
        expect(reply.body).toEqual({ message: message('expired', language) })
      })
    })
  })
})
