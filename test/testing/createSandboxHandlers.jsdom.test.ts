// The jsdom project: what a component test sees, with a `location` and a relative base.
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOtpSandbox, createSandboxHandlers } from '../../src/testing.js'
import { RESEND, T0, VERIFY } from './transports.js'

const sandbox = createOtpSandbox({ now: () => T0 })
const server = setupServer(...createSandboxHandlers(sandbox, { baseUrl: '/api' }))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('createSandboxHandlers in jsdom', () => {
  it('answers a URL built from the page location and a relative base', async () => {
    const url = new URL(`/api${VERIFY}?language=ku`, window.location.href)
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: '+9647501234567', code: sandbox.lastCodeFor('+9647501234567') }),
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.message).toBe('کۆدەکە بە سەرکەوتوویی پشتڕاستکرایەوە. کڕیار ئێستا پشتڕاستکراوەتەوە.')
  })

  it('carries wait_time on a 429', async () => {
    const res = await fetch(new URL(`/api${RESEND}`, window.location.href), {
      method: 'POST',
      body: JSON.stringify({ customer_id: 'GAL1704067200000' }),
    })
    expect(res.status).toBe(429)
    expect((await res.json()).wait_time).toBe(60)
  })
})
