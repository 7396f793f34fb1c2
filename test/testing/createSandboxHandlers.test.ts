// @vitest-environment node
import { setupServer } from 'msw/node'
import { afterEach, describe, expect, it } from 'vitest'
import { createOtpSandbox, createSandboxHandlers, type OtpSandbox } from '../../src/testing.js'
import { OYSTR, sequentialCodes, T0, VERIFY } from './transports.js'

const SHOPPER = '+9647501234567'
let server: ReturnType<typeof setupServer> | undefined
const unhandled: string[] = []

afterEach(() => {
  server?.close()
  server = undefined
  unhandled.length = 0
})

function listen(sandbox: OtpSandbox, options: Parameters<typeof createSandboxHandlers>[1]) {
  server = setupServer(...createSandboxHandlers(sandbox, options))
  server.listen({ onUnhandledRequest: (request) => void unhandled.push(request.url) })
}

const verify = (url: string) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone: SHOPPER, code: '999999' }) })
    .then((res) => res.status)
    .catch(() => 'no answer')

describe('createSandboxHandlers', () => {
  const sandbox = () => createOtpSandbox({ now: () => T0, generateCode: sequentialCodes })

  it('answers under an absolute baseUrl, with or without a trailing slash, and nowhere else', async () => {
    listen(sandbox(), { baseUrl: 'https://api.example.test/v2/' })
    expect(await verify(`https://api.example.test/v2${VERIFY}?language=ar`)).toBe(400)
    await verify(`https://api.example.test${VERIFY}`)
    await verify(`https://other.example.test/v2${VERIFY}`)
    expect(unhandled).toEqual([`https://api.example.test${VERIFY}`, `https://other.example.test/v2${VERIFY}`])
  })

  it('answers under a relative baseUrl on any origin', async () => {
    listen(sandbox(), { baseUrl: '/api' })
    expect(await verify(`http://localhost:5173/api${VERIFY}`)).toBe(400)
    expect(await verify(`https://shop.example.test/api${VERIFY}`)).toBe(400)
    await verify(`https://shop.example.test/other${VERIFY}`)
    expect(unhandled).toEqual([`https://shop.example.test/other${VERIFY}`])
  })

  it('answers at the root when baseUrl is empty or left out', async () => {
    listen(sandbox(), {})
    expect(await verify(`http://localhost${VERIFY}`)).toBe(400)
  })

  it('puts the Oystr route under its own base when given', async () => {
    const box = sandbox()
    listen(box, { baseUrl: 'https://ondi.example.test', oystrBaseUrl: 'https://oystr.example.test' })
    const res = await fetch(`https://oystr.example.test${OYSTR}`, {
      method: 'POST',
      body: JSON.stringify({ otp: '123456', tracking_code: 'customer_id_on_my_website' }),
    })
    expect(res.status).toBe(200)
    await fetch(`https://ondi.example.test${OYSTR}`, { method: 'POST', body: '{}' }).catch(() => undefined)
    expect(unhandled).toEqual([`https://ondi.example.test${OYSTR}`])
  })

  it('passes headers and the body through, and a dropped connection as a network error', async () => {
    const box = createOtpSandbox({ now: () => T0, auth: { apiKeys: ['k'] } })
    listen(box, { baseUrl: 'https://api.example.test' })
    const ok = await fetch(`https://api.example.test${VERIFY}`, {
      method: 'POST',
      headers: { 'X-API-Key': 'k' },
      body: JSON.stringify({ phone: SHOPPER, code: box.lastCodeFor(SHOPPER) }),
    })
    expect(ok.status).toBe(200)
    box.injectFault({ type: 'drop' })
    await expect(fetch(`https://api.example.test${VERIFY}`, { method: 'POST', body: '{}' })).rejects.toThrow(TypeError)
  })
})
