// @vitest-environment node
import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createOtpSandbox, startSandboxServer, type SandboxServer } from '../../src/testing.js'
import { RESEND, sequentialCodes, T0, VERIFY } from './transports.js'

const SHOPPER = '+9647501234567'
let running: SandboxServer | undefined

afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start(options: Parameters<typeof startSandboxServer>[0] = {}) {
  running = await startSandboxServer({
    sandbox: createOtpSandbox({ now: () => T0, generateCode: sequentialCodes }),
    ...options,
  })
  return running
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('startSandboxServer', () => {
  it('listens on 127.0.0.1 on a free port and serves the API under basePath', async () => {
    const server = await start({ basePath: 'api/' })
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/api`)
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`)
    const res = await post(`${server.url}${VERIFY}?language=en`, { phone: SHOPPER, code: '999999' })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ success: false, message: 'Invalid verification code', attempts_remaining: 4 })
  })

  it('makes a sandbox with the demo customers when none is given', async () => {
    running = await startSandboxServer()
    expect(running.sandbox.customers.length).toBeGreaterThan(0)
    const res = await post(`${running.url}${VERIFY}`, { phone: SHOPPER, code: running.sandbox.lastCodeFor(SHOPPER) })
    expect(res.status).toBe(200)
  })

  it('answers unknown routes and routes outside basePath with 404 JSON', async () => {
    const server = await start({ basePath: '/api' })
    for (const path of ['/nothing', VERIFY, '/api/express-shipping/customer', `/api/x${VERIFY}`]) {
      const res = await post(`${server.origin}${path}`, {})
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect((await res.json()).success).toBe(false)
    }
    const get = await fetch(`${server.url}${VERIFY}`)
    expect(get.status).toBe(405)
  })

  it('answers a CORS preflight from any origin', async () => {
    const server = await start()
    const res = await fetch(`${server.url}${VERIFY}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-api-key',
        'Access-Control-Request-Private-Network': 'true',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('access-control-allow-methods')).toContain('POST')
    expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type, Authorization, X-API-Key, X-EXPRESS-KEY')
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After')
    expect(res.headers.get('access-control-allow-private-network')).toBe('true')
    expect(res.headers.get('vary')).toBe('Origin')
  })

  it('echoes the Origin on answers and exposes Retry-After', async () => {
    const server = await start()
    server.sandbox.injectFault({ type: 'body', status: 429, body: '{"success":false}', headers: { 'Retry-After': '30' } })
    const res = await post(`${server.url}${RESEND}`, { phone: SHOPPER }, { Origin: 'https://shop.example.test' })
    expect(res.status).toBe(429)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example.test')
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After')
    expect(res.headers.get('retry-after')).toBe('30')
    const noOrigin = await post(`${server.url}${RESEND}`, { phone: SHOPPER })
    expect(noOrigin.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers 413 to a body over the limit', async () => {
    const server = await start({ bodyLimit: 1024 })
    const res = await post(`${server.url}${VERIFY}`, { phone: SHOPPER, code: '1'.repeat(2000) })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ success: false, message: 'Request body is too large' })
    expect((await post(`${server.url}${VERIFY}`, { phone: SHOPPER, code: '999999' })).status).toBe(400)
  })

  it('rejects a busy port with a sentence, not a stack', async () => {
    const first = await start()
    await expect(startSandboxServer({ port: first.port })).rejects.toThrow(
      new Error(`port ${first.port} on 127.0.0.1 is in use; pass another port`),
    )
  })

  it('rejects other hosts and impossible ports', async () => {
    await expect(startSandboxServer({ host: '0.0.0.0' as never })).rejects.toThrow(/binds 127\.0\.0\.1 only/)
    await expect(startSandboxServer({ port: 70_000 })).rejects.toThrow(RangeError)
  })

  it('closes while a request is held by a timeout fault', async () => {
    const server = await start()
    server.sandbox.injectFault({ type: 'timeout' })
    const held = post(`${server.url}${VERIFY}`, {}).then(
      () => 'answered',
      () => 'dropped',
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    await server.close()
    running = undefined
    expect(await held).toBe('dropped')
  })
})

describe('startSandboxServer: control routes under /__sandbox/', () => {
  it('lists its routes', async () => {
    const server = await start()
    const res = await fetch(`${server.origin}/__sandbox/`)
    expect((await res.json()).routes).toEqual(expect.arrayContaining([expect.stringMatching(/inbox/)]))
  })

  it('reads the inbox, all of it or for one phone or customer id', async () => {
    const server = await start()
    const all = await (await fetch(`${server.origin}/__sandbox/inbox`)).json()
    expect(all).toHaveLength(3)
    const one = await (await fetch(`${server.origin}/__sandbox/inbox?to=${encodeURIComponent(SHOPPER)}`)).json()
    expect(one).toEqual([expect.objectContaining({ to: SHOPPER, code: '000001', sentAt: T0 })])
    const byId = await (await fetch(`${server.origin}/__sandbox/inbox?to=GAL1704067200001`)).json()
    expect(byId).toEqual(one)
  })

  it('injects faults, and refuses bad ones with 400', async () => {
    const server = await start()
    const res = await post(`${server.origin}/__sandbox/fault`, { type: 'html502', route: 'verify' })
    expect(res.status).toBe(200)
    expect((await res.json()).pending).toEqual([{ type: 'html502', route: 'verify', times: 1 }])
    expect((await post(`${server.url}${VERIFY}`, {})).status).toBe(502)
    const bad = await post(`${server.origin}/__sandbox/fault`, { type: 'meteor' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).message).toMatch(/unknown fault type/)
    await post(`${server.origin}/__sandbox/fault`, { type: 'drop', times: 5 })
    await post(`${server.origin}/__sandbox/fault/clear`, {})
    expect(server.sandbox.pendingFaults).toEqual([])
  })

  it('moves the clock with advance and set', async () => {
    const server = await start()
    const advanced = await (await post(`${server.origin}/__sandbox/clock/advance`, { ms: 15_000 })).json()
    expect(advanced).toEqual({ now: T0 + 15_000, iso: '2024-01-01T12:00:15.000Z' })
    expect(await (await post(`${server.url}${RESEND}`, { phone: SHOPPER })).json()).toMatchObject({ wait_time: 45 })
    const set = await (await post(`${server.origin}/__sandbox/clock/set`, { now: '2024-01-01T13:00:00Z' })).json()
    expect(set.now).toBe(T0 + 3_600_000)
    expect((await post(`${server.origin}/__sandbox/clock/advance`, { ms: 'soon' })).status).toBe(400)
    expect((await (await fetch(`${server.origin}/__sandbox/clock`)).json()).now).toBe(T0 + 3_600_000)
  })

  it('seeds customers, sending a first code unless told not to', async () => {
    const server = await start()
    const res = await post(`${server.origin}/__sandbox/customers`, { phone: '+9647500000001', fullName: 'Ava' })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ phone: '+9647500000001', fullName: 'Ava', isVerified: false })
    expect(server.sandbox.lastCodeFor('+9647500000001')).toBe('000004')
    const list = await post(`${server.origin}/__sandbox/customers`, [
      { phone: '+9647500000002', sendCode: false },
      { phone: '+9647500000003', verified: true },
    ])
    expect(await list.json()).toHaveLength(2)
    expect(server.sandbox.inbox).toHaveLength(4)
    const duplicate = await post(`${server.origin}/__sandbox/customers`, { phone: '+9647500000001' })
    expect(duplicate.status).toBe(400)
    expect((await (await fetch(`${server.origin}/__sandbox/customers`)).json())).toHaveLength(7)
  })

  it('resets to fresh state', async () => {
    const server = await start()
    await post(`${server.url}${VERIFY}`, { phone: SHOPPER, code: '999999' })
    const res = await post(`${server.origin}/__sandbox/reset`, {})
    expect(res.status).toBe(200)
    const again = await (await post(`${server.url}${VERIFY}`, { phone: SHOPPER, code: '999999' })).json()
    expect(again.attempts_remaining).toBe(4)
  })

  it('answers unknown control routes with 404 JSON', async () => {
    const server = await start()
    const res = await fetch(`${server.origin}/__sandbox/nothing`)
    expect(res.status).toBe(404)
    expect((await res.json()).message).toMatch(/GET \/__sandbox\/ lists them/)
  })
})

describe('startSandboxServer: a port taken by another program', () => {
  let other: Server | undefined
  afterEach(() => new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve())))

  it('names the port and the fix', async () => {
    other = createServer()
    await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve))
    const address = other.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const error = await startSandboxServer({ port }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe(`port ${port} on 127.0.0.1 is in use; pass another port`)
  })
})
