import { waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { BASE_URL, PHONE, countRequests, newSandbox, useSandboxServer, wrongCode } from './utils'

// The shared helpers the suites count and pick codes with: if they lied,
// every test built on them would pass for the wrong reason.

useSandboxServer()

const VERIFY = `${BASE_URL}/express-shipping/customer/verify-otp`
const RESEND = `${BASE_URL}/express-shipping/customer/resend-otp`
const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

describe('wrongCode', () => {
  it('never gives a code the sandbox sent to the target, in any cycle, and a different code for each index', () => {
    const sandbox = newSandbox({ resendCooldownMs: 0 })
    for (let cycle = 0; cycle < 4; cycle++) {
      const sent = new Set(sandbox.inbox.filter((sms) => sms.to === PHONE).map((sms) => sms.code))
      const codes = Array.from({ length: 12 }, (_, index) => wrongCode(sandbox, PHONE, index))
      expect(new Set(codes).size).toBe(12)
      for (const code of codes) {
        expect(code).toMatch(/^\d{6}$/)
        expect(sent.has(code)).toBe(false)
      }
      // The first ones are a slip of the last digit.
      expect(codes[0]!.slice(0, 5)).toBe(sandbox.lastCodeFor(PHONE)!.slice(0, 5))
      sandbox.sendCode(PHONE)
    }
  })

  it('gives the same code for an index until a new code is sent', () => {
    const sandbox = newSandbox()
    expect(wrongCode(sandbox, PHONE, 2)).toBe(wrongCode(sandbox, PHONE, 2))
  })

  it('is judged wrong by the sandbox, attempt after attempt', async () => {
    const sandbox = newSandbox()
    for (const [index, left] of [4, 3, 2].entries()) {
      const res = await post(VERIFY, { phone: PHONE, code: wrongCode(sandbox, PHONE, index) })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ attempts_remaining: left })
    }
  })
})

describe('countRequests', () => {
  it('counts the requests by route, keeps their bodies and sees them answered', async () => {
    newSandbox({ resendCooldownMs: 0 })
    const requests = countRequests()
    expect(requests.count()).toBe(0)
    await post(VERIFY, { phone: PHONE, code: '123450' })
    await post(VERIFY, { phone: PHONE, code: '123451' })
    await post(RESEND, { phone: PHONE })
    expect(requests.count('verify')).toBe(2)
    expect(requests.count('resend')).toBe(1)
    expect(requests.count('order')).toBe(0)
    expect(requests.count()).toBe(3)
    await waitFor(() => expect(requests.bodies('verify').map((body) => body.code)).toEqual(['123450', '123451']))
    expect(requests.inFlight).toBe(0)
  })

  it('counts from when it is called', async () => {
    newSandbox()
    await post(VERIFY, { phone: PHONE, code: '123450' })
    const requests = countRequests()
    expect(requests.count()).toBe(0)
  })
})
