// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createOtpSandbox, type OtpSandbox } from '../../src/testing.js'
import { answered, ORDER, OYSTR, RESEND, sequentialCodes, T0, transports, VERIFY, type Wire } from './transports.js'

const SHOPPER = '+9647501234567'
const wrongCode = { body: { phone: SHOPPER, code: '999999' } }

describe.each(transports)('injectFault over $name', (transport) => {
  let sandbox: OtpSandbox
  let wire: Wire

  beforeEach(async () => {
    sandbox = createOtpSandbox({ now: () => T0, generateCode: sequentialCodes })
    wire = await transport.open(sandbox)
  })
  afterEach(async () => {
    sandbox.clearFaults()
    await wire.close()
  })

  /** Resolves once the sandbox has received a request (it registers its sleep at once). */
  async function reached(handle: ReturnType<typeof vi.spyOn>) {
    await vi.waitFor(() => expect(handle).toHaveBeenCalled(), { timeout: 2000, interval: 5 })
  }

  it('html502: answers 502 with an HTML page, once', async () => {
    sandbox.injectFault({ type: 'html502' })
    const reply = answered(await wire.call(VERIFY, wrongCode))
    expect(reply.status).toBe(502)
    expect(reply.headers['content-type']).toMatch(/^text\/html/)
    expect(reply.text).toMatch(/<html>.*502 Bad Gateway/s)
    expect(reply.body).toBeUndefined()
    expect(answered(await wire.call(VERIFY, wrongCode)).body.attempts_remaining).toBe(4)
  })

  it('drop: drops the connection', async () => {
    sandbox.injectFault({ type: 'drop', route: 'verify' })
    expect(await wire.call(VERIFY, wrongCode)).toEqual({ dropped: true })
    expect(answered(await wire.call(VERIFY, wrongCode)).status).toBe(400)
  })

  it('delay: answers normally once the delay has passed on the sandbox clock', async () => {
    const handle = vi.spyOn(sandbox, 'handle')
    sandbox.injectFault({ type: 'delay', ms: 30_000 })
    let settled = false
    const pending = wire.call(VERIFY, wrongCode).then((outcome) => {
      settled = true
      return outcome
    })
    await reached(handle)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(settled).toBe(false)
    sandbox.clock.advance(30_000)
    expect(answered(await pending).body.attempts_remaining).toBe(4)
  })

  it('status: answers the given status with a JSON message, or with the given body', async () => {
    sandbox.injectFault({ type: 'status', status: 503 })
    const reply = answered(await wire.call(RESEND, { body: { phone: SHOPPER } }))
    expect(reply.status).toBe(503)
    expect(reply.body).toEqual({ success: false, message: 'Internal server error' })
    sandbox.injectFault({ type: 'status', status: 403, body: '{"detail":"Forbidden"}' })
    const forbidden = answered(await wire.call(VERIFY, wrongCode))
    expect(forbidden.status).toBe(403)
    expect(forbidden.body).toEqual({ detail: 'Forbidden' })
  })

  it('body: answers hostile bodies exactly as given, headers included', async () => {
    const hostile = [
      { status: 200, body: '{"success":false,"message":"Invalid verification code"}' },
      { status: 400, body: '{"success":false,"message":"Invalid verif' },
      { status: 400, body: '{"success":false,"message":"Invalid verification code","attempts_remaining":"3"}' },
      { status: 429, body: '{"success":false,"message":"Please wait before requesting another OTP"}', headers: { 'Retry-After': '30' } },
      { status: 200, body: '' },
    ]
    for (const fault of hostile) {
      sandbox.injectFault({ type: 'body', ...fault })
      const reply = answered(await wire.call(VERIFY, wrongCode))
      expect(reply.status).toBe(fault.status)
      expect(reply.text).toBe(fault.body)
      if (fault.headers) expect(reply.headers['retry-after']).toBe('30')
    }
    sandbox.injectFault({ type: 'body', body: '<p>hi</p>', headers: { 'Content-Type': 'text/html' } })
    expect(answered(await wire.call(VERIFY, wrongCode)).headers['content-type']).toBe('text/html')
  })

  it('timeout: holds the request without an answer, then drops it', async () => {
    const handle = vi.spyOn(sandbox, 'handle')
    sandbox.injectFault({ type: 'timeout' })
    const held = wire.call(VERIFY, wrongCode)
    await reached(handle)
    sandbox.clearFaults()
    expect(await held).toEqual({ dropped: true })

    handle.mockClear()
    sandbox.injectFault({ type: 'timeout', ms: 45_000 })
    const timed = wire.call(VERIFY, wrongCode)
    await reached(handle)
    sandbox.clock.advance(45_000)
    expect(await timed).toEqual({ dropped: true })
    // The held requests never reached the state.
    expect(answered(await wire.call(VERIFY, wrongCode)).body.attempts_remaining).toBe(4)
  })

  it('rate_limit: the next resend answers 429 with wait_time, and later ones keep counting', async () => {
    sandbox.clock.advance(60_000)
    sandbox.injectFault({ type: 'rate_limit', waitSeconds: 45 })
    // Only resend takes a rate limit.
    expect(answered(await wire.call(VERIFY, wrongCode)).status).toBe(400)
    const limited = answered(await wire.call(RESEND, { body: { phone: SHOPPER } }))
    expect(limited.status).toBe(429)
    expect(limited.body).toEqual({ success: false, message: 'Please wait before requesting another OTP', wait_time: 45 })
    sandbox.clock.advance(15_000)
    expect(answered(await wire.call(RESEND, { body: { phone: SHOPPER } })).body.wait_time).toBe(30)
    sandbox.clock.advance(30_000)
    expect(answered(await wire.call(RESEND, { body: { phone: SHOPPER } })).status).toBe(200)
  })

  it('rate_limit: defaults wait_time to the cooldown', async () => {
    sandbox.injectFault({ type: 'rate_limit' })
    expect(answered(await wire.call(RESEND, { body: { phone: '+9647509999999' } })).body.wait_time).toBe(60)
  })

  it('expire: the current code of a phone expires now', async () => {
    sandbox.injectFault({ type: 'expire', to: SHOPPER })
    expect(sandbox.pendingFaults).toEqual([])
    const reply = answered(await wire.call(VERIFY, { body: { phone: SHOPPER, code: sandbox.lastCodeFor(SHOPPER) } }))
    expect(reply.body.message).toBe('Verification code has expired. Please request a new OTP.')
  })

  it('server_error: answers 500 JSON, in the request language', async () => {
    sandbox.injectFault({ type: 'server_error', route: 'oystr-verify' })
    expect(answered(await wire.call(VERIFY, wrongCode)).status).toBe(400)
    const reply = answered(await wire.call(OYSTR, { language: 'ar', body: { otp: '123456', customer_id: 'x' } }))
    expect(reply.status).toBe(500)
    expect(reply.body).toEqual({ success: false, message: 'حدث خطأ داخلي في الخادم' })
  })

  it('aims at one route or at any, for as many answers as times says', async () => {
    sandbox.injectFault({ type: 'server_error', route: 'order', times: 2 })
    sandbox.injectFault({ type: 'html502', route: 'any', times: Infinity })
    expect(answered(await wire.call(ORDER)).status).toBe(500)
    expect(sandbox.pendingFaults).toMatchObject([{ type: 'server_error', times: 1 }, { type: 'html502' }])
    expect(answered(await wire.call(ORDER)).status).toBe(500)
    for (let i = 0; i < 3; i++) expect(answered(await wire.call(i % 2 ? RESEND : ORDER)).status).toBe(502)
    sandbox.clearFaults()
    expect(answered(await wire.call(VERIFY, wrongCode)).status).toBe(400)
  })
})

describe('injectFault', () => {
  it('refuses a fault it does not know, naming the field', () => {
    const sandbox = createOtpSandbox()
    expect(() => sandbox.injectFault({ type: 'explode' as never })).toThrow(/unknown fault type "explode"/)
    expect(() => sandbox.injectFault({ type: 'drop', route: 'login' as never })).toThrow(/route/)
    expect(() => sandbox.injectFault({ type: 'delay', ms: -1 })).toThrow(/ms/)
    expect(() => sandbox.injectFault({ type: 'status', status: 99 })).toThrow(/status/)
    expect(() => sandbox.injectFault({ type: 'drop', times: 0 })).toThrow(/times/)
    expect(() => sandbox.injectFault({ type: 'expire', to: 'nobody' })).toThrow(/no sandbox customer/)
    expect(sandbox.pendingFaults).toEqual([])
  })

  it('delays with fake timers when the sandbox follows Date.now', async () => {
    vi.useFakeTimers({ now: T0 })
    try {
      const sandbox = createOtpSandbox()
      sandbox.injectFault({ type: 'delay', ms: 2000 })
      const done = vi.fn()
      void sandbox.handle({ method: 'POST', url: VERIFY, body: '{}' }).then(done)
      await vi.advanceTimersByTimeAsync(1999)
      expect(done).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      expect(done).toHaveBeenCalledWith(expect.objectContaining({ status: 400 }))
    } finally {
      vi.useRealTimers()
    }
  })
})
