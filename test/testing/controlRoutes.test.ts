// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { createOtpSandbox, startSandboxServer, type SandboxServer } from '../../src/testing.js'
import { RESEND, sequentialCodes, T0, VERIFY } from './transports.js'

const SHOPPER = '+9647501234567'
const VERIFIED = '+9647701234567'
let running: SandboxServer | undefined

afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start() {
  running = await startSandboxServer({ sandbox: createOtpSandbox({ now: () => T0, generateCode: sequentialCodes }) })
  return running
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

describe('POST /__sandbox/send', () => {
  it('sends a new code at once, inside the cooldown of the last one, and the old code stops working', async () => {
    const server = await start()
    const first = server.sandbox.lastCodeFor(SHOPPER)
    const res = await post(`${server.origin}/__sandbox/send`, { to: SHOPPER, language: 'ar' })
    expect(res.status).toBe(200)
    const sms = await res.json()
    expect(sms).toMatchObject({ to: SHOPPER, customerId: 'GAL1704067200001', code: '000004', sentAt: T0, language: 'ar' })
    expect(sms.text).toContain('000004')
    expect(server.sandbox.inbox.at(-1)).toEqual(sms)

    const old = await post(`${server.url}${VERIFY}`, { phone: SHOPPER, code: first })
    expect(await old.json()).toMatchObject({ attempts_remaining: 4 })
    expect((await post(`${server.url}${VERIFY}`, { phone: SHOPPER, code: '000004' })).status).toBe(200)
  })

  it('starts the cooldown of the resend route, as any send does', async () => {
    const server = await start()
    await post(`${server.origin}/__sandbox/send`, { to: SHOPPER })
    const resend = await post(`${server.url}${RESEND}`, { phone: SHOPPER })
    expect(resend.status).toBe(429)
    expect(await resend.json()).toMatchObject({ wait_time: 60 })
  })

  it('sends to a verified customer, by customer id too, so a new session can start', async () => {
    const server = await start()
    expect((await post(`${server.url}${RESEND}`, { phone: VERIFIED })).status).toBe(400)
    const res = await post(`${server.origin}/__sandbox/send`, { to: 'GAL1704067200002' })
    expect(res.status).toBe(200)
    const { code, language } = await res.json()
    expect(language).toBe('en')
    expect((await post(`${server.url}${VERIFY}`, { phone: VERIFIED, code })).status).toBe(200)
  })

  it('answers 404 for an unknown customer and 400 for an unknown language', async () => {
    const server = await start()
    const unknown = await post(`${server.origin}/__sandbox/send`, { to: '+9647509999999' })
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).message).toMatch(/no sandbox customer/)
    const badLanguage = await post(`${server.origin}/__sandbox/send`, { to: SHOPPER, language: 'fr' })
    expect(badLanguage.status).toBe(400)
    expect(server.sandbox.inbox).toHaveLength(3)
  })

  it('is listed among the control routes', async () => {
    const server = await start()
    const { routes } = await (await fetch(`${server.origin}/__sandbox/`)).json()
    expect(routes).toEqual(expect.arrayContaining([expect.stringMatching(/^POST \/__sandbox\/send /)]))
  })
})
