// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOtpSandbox, type OtpSandbox } from '../../../src/testing.js'
import { answered, ORDER, T0, transports, VERIFY, type Json, type Wire } from '../transports.js'

const SHOPPER = '+9647501234567'

describe.each(transports)('the order route (the sandbox\'s own) over $name', (transport) => {
  let sandbox: OtpSandbox
  let wire: Wire
  let token: string

  beforeEach(async () => {
    sandbox = createOtpSandbox({ now: () => T0, auth: { apiKeys: ['key-1'] } })
    wire = await transport.open(sandbox)
    const verified = answered(
      await wire.call(VERIFY, { headers: { 'X-API-Key': 'key-1' }, body: { phone: SHOPPER, code: sandbox.lastCodeFor(SHOPPER) } }),
    )
    token = verified.body.data.access_token
  })
  afterEach(() => wire.close())

  const order = async (key: string | undefined, body: unknown = { items: [{ sku: 'A1', quantity: 1 }] }) =>
    answered(await wire.call(ORDER, { headers: key === undefined ? {} : { 'X-EXPRESS-KEY': key }, body }))

  it('accepts a session token it issued: 201 with order_id and customer_id', async () => {
    const reply = await order(token)
    expect(reply.status).toBe(201)
    expect(reply.body).toEqual({ success: true, data: { order_id: 'ORD000001', customer_id: 'GAL1704067200001' } })
    expect((await order(token, '')).body.data.order_id).toBe('ORD000002')
  })

  it('refuses the token once it has expired, about 5 minutes later', async () => {
    sandbox.clock.advance(299_000)
    expect((await order(token)).status).toBe(201)
    sandbox.clock.advance(1000)
    const reply = await order(token)
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({ success: false, message: 'Session token has expired. Verify again to renew it.' })
  })

  it('refuses a forged, foreign or missing token with 401 Unauthorized', async () => {
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: (claims.exp as number) + 3600 })).toString('base64url')
    const foreign = createOtpSandbox({ now: () => T0 })
    const foreignToken = String(
      (answered(await direct(foreign, { phone: SHOPPER, code: foreign.lastCodeFor(SHOPPER) })).body as Json).data.access_token,
    )
    for (const key of [`${header}.${longer}.${signature}`, `${token}x`, 'not-a-token', foreignToken, undefined]) {
      const reply = await order(key)
      expect(reply.status).toBe(401)
      expect(reply.body).toEqual({ success: false, message: 'Unauthorized' })
    }
  })

  it('answers 400 to a body that is not JSON', async () => {
    expect((await order(token, '{"items": [')).status).toBe(400)
  })
})

async function direct(sandbox: OtpSandbox, body: unknown) {
  const result = await sandbox.handle({ method: 'POST', url: VERIFY, body: JSON.stringify(body) })
  if ('drop' in result) throw new Error('dropped')
  return { dropped: false as const, status: result.status, headers: result.headers, text: result.body, body: JSON.parse(result.body) }
}
