/**
 * The documented example bodies (test/fixtures, copied from the raw
 * documents) against the sandbox's answers: the same keys, the same value
 * types, the same English message.
 */
import { describe, expect, it } from 'vitest'
import { createOtpSandbox, type OtpSandbox } from '../../src/testing.js'
import { OYSTR, RESEND, sequentialCodes, T0, VERIFY, type Json } from './transports.js'
import ondiVerifyRequest from '../fixtures/ondi-verify-request.json'
import ondiVerify200 from '../fixtures/ondi-verify-200.json'
import ondiVerify200Session from '../fixtures/ondi-verify-200-session.json'
import ondiVerify400InvalidCode from '../fixtures/ondi-verify-400-invalid-code.json'
import ondiVerify400Expired from '../fixtures/ondi-verify-400-expired.json'
import ondiVerify400TooManyAttempts from '../fixtures/ondi-verify-400-too-many-attempts.json'
import ondiResendRequest from '../fixtures/ondi-resend-request.json'
import ondiResend200 from '../fixtures/ondi-resend-200.json'
import ondiResend429RateLimited from '../fixtures/ondi-resend-429-rate-limited.json'
import ondiResend400AlreadyVerified from '../fixtures/ondi-resend-400-already-verified.json'
import oystrVerifyRequest from '../fixtures/oystr-verify-request.json'

const fixtures: Record<string, unknown> = {
  'ondi-verify-request': ondiVerifyRequest,
  'ondi-verify-200': ondiVerify200,
  'ondi-verify-200-session': ondiVerify200Session,
  'ondi-verify-400-invalid-code': ondiVerify400InvalidCode,
  'ondi-verify-400-expired': ondiVerify400Expired,
  'ondi-verify-400-too-many-attempts': ondiVerify400TooManyAttempts,
  'ondi-resend-request': ondiResendRequest,
  'ondi-resend-200': ondiResend200,
  'ondi-resend-429-rate-limited': ondiResend429RateLimited,
  'ondi-resend-400-already-verified': ondiResend400AlreadyVerified,
  'oystr-verify-request': oystrVerifyRequest,
}

function fixture(name: string): Json {
  return structuredClone(fixtures[name])
}

/** The shape of a JSON value: objects by key, everything else by type. */
function shape(value: unknown): unknown {
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.map(shape)
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shape(v)]))
  }
  return typeof value
}

async function send(sandbox: OtpSandbox, path: string, body: unknown) {
  const result = await sandbox.handle({ method: 'POST', url: `${path}?language=en`, body: JSON.stringify(body) })
  if ('drop' in result) throw new Error('dropped')
  return { status: result.status, body: JSON.parse(result.body) as Json }
}

const fresh = (options = {}) => createOtpSandbox({ now: () => T0, generateCode: sequentialCodes, ...options })
const JOHN = '+919876543210'

describe('the sandbox against the documented examples', () => {
  it('sends the documented verify request and answers "Success - OTP Verified" exactly', async () => {
    const sandbox = fresh({ generateCode: () => '123456' })
    const answer = await send(sandbox, VERIFY, fixture('ondi-verify-request'))
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual(fixture('ondi-verify-200'))
  })

  it('answers the session shape with the documented keys and types', async () => {
    const sandbox = fresh()
    sandbox.addCustomer({ phone: '+9647500000001', hasUserAccount: true })
    sandbox.sendCode('+9647500000001')
    const answer = await send(sandbox, VERIFY, { phone: '+9647500000001', code: sandbox.lastCodeFor('+9647500000001') })
    const documented = fixture('ondi-verify-200-session')
    // The document elides the address ({ /* ... */ }): only its type is known.
    expect(shape({ ...answer.body, data: { ...answer.body.data, delivery_address: {} } })).toEqual(shape(documented))
    expect(answer.body.data.delivery_address).toBeTypeOf('object')
    expect(answer.body.message).toBe(documented.message)
  })

  it('answers "Error - Invalid Code" with attempts_remaining: 3 after two wrong codes', async () => {
    const sandbox = fresh()
    await send(sandbox, VERIFY, { phone: JOHN, code: '999999' })
    expect(await send(sandbox, VERIFY, { phone: JOHN, code: '999999' })).toEqual({
      status: 400,
      body: fixture('ondi-verify-400-invalid-code'),
    })
  })

  it('answers "Error - Code Expired" exactly', async () => {
    const sandbox = fresh()
    sandbox.clock.advance(300_000)
    expect(await send(sandbox, VERIFY, { phone: JOHN, code: sandbox.lastCodeFor(JOHN) })).toEqual({
      status: 400,
      body: fixture('ondi-verify-400-expired'),
    })
  })

  it('answers "Error - Too Many Attempts" exactly, in both forms of the 5th wrong code', async () => {
    for (const lastWrongCode of ['attempts_remaining_0', 'too_many_attempts'] as const) {
      const sandbox = fresh({ lastWrongCode })
      for (let i = 0; i < 5; i++) await send(sandbox, VERIFY, { phone: JOHN, code: '999999' })
      expect(await send(sandbox, VERIFY, { phone: JOHN, code: '999999' })).toEqual({
        status: 400,
        body: fixture('ondi-verify-400-too-many-attempts'),
      })
    }
  })

  it('takes the documented resend request and answers "Success - OTP Sent" exactly', async () => {
    const sandbox = fresh()
    sandbox.clock.advance(60_000)
    expect(await send(sandbox, RESEND, fixture('ondi-resend-request'))).toEqual({ status: 200, body: fixture('ondi-resend-200') })
  })

  it('answers "Error - Rate Limited" exactly 15 seconds after a send', async () => {
    const sandbox = fresh()
    sandbox.clock.advance(15_000)
    expect(await send(sandbox, RESEND, fixture('ondi-resend-request'))).toEqual({
      status: 429,
      body: fixture('ondi-resend-429-rate-limited'),
    })
  })

  it('answers "Error - Already Verified" exactly', async () => {
    const sandbox = fresh()
    await send(sandbox, VERIFY, { phone: JOHN, code: sandbox.lastCodeFor(JOHN) })
    expect(await send(sandbox, RESEND, fixture('ondi-resend-request'))).toEqual({
      status: 400,
      body: fixture('ondi-resend-400-already-verified'),
    })
  })

  it('verifies the documented Oystr request in sandbox mode', async () => {
    const answer = await send(fresh(), OYSTR, fixture('oystr-verify-request'))
    expect(answer.status).toBe(200)
    expect(answer.body.customer_id).toBe('cd989813-9852-40f6-bca7-ea0233d48cb9')
  })
})
