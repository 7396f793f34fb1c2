// @vitest-environment node
import { setupServer } from 'msw/node'
import { afterEach, describe, expect, it } from 'vitest'
import { createOtpSandbox, createSandboxHandlers, startSandboxServer, type OtpSandbox, type SandboxServer } from '../../src/testing.js'
import { RESEND, sequentialCodes, T0, VERIFY } from './transports.js'

const SHOPPER = '+9647501234567'
const ORIGIN = 'https://shop.example.test'
const wrongCode = JSON.stringify({ phone: SHOPPER, code: '999999' })
const rateLimited = { type: 'body', route: 'resend', status: 429, body: '{"success":false}', headers: { 'Retry-After': '120' } } as const

const newSandbox = () => createOtpSandbox({ now: () => T0, generateCode: sequentialCodes })

/** Posts from a page on ORIGIN, as far as a server can tell. */
const post = (url: string, body = wrongCode) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body })

async function attemptsLeft(url: string): Promise<number> {
  return ((await (await post(url)).json()) as { attempts_remaining: number }).attempts_remaining
}

describe('the reset and cors faults over the real server', () => {
  let server: SandboxServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })
  const start = async (sandbox: OtpSandbox = newSandbox()) => (server = await startSandboxServer({ sandbox, basePath: '/api' }))

  it('reset: sends the status, the headers and half a body, then cuts the connection', async () => {
    const { url, sandbox } = await start()
    sandbox.injectFault({ type: 'reset', route: 'verify' })
    const res = await post(`${url}${VERIFY}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    await expect(res.text()).rejects.toThrow(TypeError)
    // The cut request never reached the state.
    expect(await attemptsLeft(`${url}${VERIFY}`)).toBe(4)
  })

  it('reset: cuts off a given status and body halfway', async () => {
    const { url, sandbox } = await start()
    const body = '{"success":false,"message":"Invalid verification code","attempts_remaining":3}'
    sandbox.injectFault({ type: 'reset', status: 400, body })
    const res = await post(`${url}${VERIFY}`)
    expect(res.status).toBe(400)
    const reader = res.body!.getReader()
    let received = ''
    const failure = await (async () => {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return null
        received += new TextDecoder().decode(value)
      }
    })().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(TypeError)
    expect(received).toBe(body.slice(0, Math.ceil(body.length / 2)))
  })

  it('cors none: answers without any CORS header', async () => {
    const { url, sandbox } = await start()
    sandbox.injectFault({ type: 'html502', route: 'verify', cors: 'none' })
    const res = await post(`${url}${VERIFY}`)
    expect(res.status).toBe(502)
    expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([])
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    // Only that answer: the next one carries its CORS headers again.
    expect((await post(`${url}${VERIFY}`)).headers.get('access-control-allow-origin')).toBe(ORIGIN)
  })

  it('cors no-expose: allows the origin but exposes no header, Retry-After included', async () => {
    const { url, sandbox } = await start()
    sandbox.injectFault({ ...rateLimited, cors: 'no-expose' })
    const res = await post(`${url}${RESEND}`, JSON.stringify({ phone: SHOPPER }))
    expect(res.status).toBe(429)
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(res.headers.get('access-control-expose-headers')).toBeNull()
    expect(res.headers.get('retry-after')).toBe('120')
    sandbox.injectFault(rateLimited)
    const exposed = await post(`${url}${RESEND}`, JSON.stringify({ phone: SHOPPER }))
    expect(exposed.headers.get('access-control-expose-headers')).toBe('Retry-After')
  })

  it('takes both through the control route', async () => {
    const { url, origin, sandbox } = await start()
    const control = await post(`${origin}/__sandbox/fault`, JSON.stringify({ type: 'reset', route: 'verify', cors: 'none' }))
    expect((await control.json()).pending).toEqual([{ type: 'reset', route: 'verify', cors: 'none', times: 1 }])
    const res = await post(`${url}${VERIFY}`)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    await expect(res.text()).rejects.toThrow(TypeError)
    expect(sandbox.pendingFaults).toEqual([])
  })

  it('applies cors to a delay, which answers from the state', async () => {
    const { url, sandbox } = await start()
    sandbox.injectFault({ type: 'delay', ms: 0, cors: 'none' })
    const res = await post(`${url}${VERIFY}`)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(await res.json()).toMatchObject({ attempts_remaining: 4 })
  })
})

describe('the reset and cors faults through MSW', () => {
  const base = 'https://ondi.example.test/api'
  let msw: ReturnType<typeof setupServer> | undefined
  afterEach(() => {
    msw?.close()
    msw = undefined
  })
  const open = (sandbox: OtpSandbox = newSandbox()) => {
    msw = setupServer(...createSandboxHandlers(sandbox, { baseUrl: base }))
    msw.listen({ onUnhandledRequest: 'error' })
    return sandbox
  }

  it('reset: the answer starts, then reading its body fails', async () => {
    const sandbox = open()
    sandbox.injectFault({ type: 'reset', route: 'verify' })
    const res = await post(`${base}${VERIFY}`)
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow(TypeError)
    expect(await attemptsLeft(`${base}${VERIFY}`)).toBe(4)
  })

  it('cors none: a network error, as a page on another origin sees it', async () => {
    const sandbox = open()
    sandbox.injectFault({ type: 'html502', cors: 'none' })
    await expect(post(`${base}${VERIFY}`)).rejects.toThrow(TypeError)
    sandbox.injectFault({ type: 'reset', cors: 'none' })
    await expect(post(`${base}${VERIFY}`)).rejects.toThrow(TypeError)
    expect(await attemptsLeft(`${base}${VERIFY}`)).toBe(4)
  })

  it('cors no-expose: only the CORS-safelisted headers are readable', async () => {
    const sandbox = open()
    sandbox.injectFault({ ...rateLimited, cors: 'no-expose' })
    const res = await post(`${base}${RESEND}`, JSON.stringify({ phone: SHOPPER }))
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBeNull()
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    sandbox.injectFault(rateLimited)
    expect((await post(`${base}${RESEND}`, JSON.stringify({ phone: SHOPPER }))).headers.get('retry-after')).toBe('120')
  })
})

describe('the reset and cors faults on the state machine', () => {
  it('reset: a dropped answer that carries its start', async () => {
    const sandbox = newSandbox()
    sandbox.injectFault({ type: 'reset', status: 502, body: '<html>', cors: 'no-expose' })
    expect(await sandbox.handle({ method: 'POST', url: VERIFY, body: wrongCode })).toEqual({
      drop: true,
      partial: { status: 502, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '<ht', cors: 'no-expose' },
    })
  })

  it('refuses a cors mode it does not know', () => {
    const sandbox = newSandbox()
    expect(() => sandbox.injectFault({ type: 'html502', cors: 'off' as never })).toThrow(/fault\.cors/)
    expect(sandbox.pendingFaults).toEqual([])
  })
})
