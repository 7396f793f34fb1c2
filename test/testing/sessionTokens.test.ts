import { describe, expect, it } from 'vitest'
import { createSandboxClock } from '../../src/testing/createSandboxClock.js'
import { createSessionTokens } from '../../src/testing/sessionTokens.js'
import { jwtPayload, T0 } from './transports.js'

const SARA = { customerId: 'GAL1', userId: 'u-1', phone: '+9647501234567' }

function tokens(ttlMs = 3_600_000) {
  const clock = createSandboxClock(() => T0)
  return { clock, tokens: createSessionTokens(clock, ttlMs) }
}

describe('createSessionTokens', () => {
  it('issues a JWT-shaped token whose exp, in seconds, a client reads as the expiry', () => {
    const { tokens: t } = tokens(90_000)
    const { token, expiresAt } = t.issue(SARA)
    const parts = token.split('.')
    expect(parts).toHaveLength(3)
    for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(JSON.parse(Buffer.from(parts[0]!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' })
    const payload = jwtPayload(token)
    expect(payload).toMatchObject({ iss: 'otp-kit-sandbox', sub: 'GAL1', user_id: 'u-1', phone: SARA.phone, iat: T0 / 1000, exp: T0 / 1000 + 90 })
    expect(expiresAt).toBe(T0 + 90_000)
  })

  it('accepts a token until its expiry and calls it expired from then on', () => {
    const { clock, tokens: t } = tokens(60_000)
    const { token } = t.issue(SARA)
    expect(t.check(token)).toEqual({ state: 'valid', customerId: 'GAL1' })
    clock.advance(59_999)
    expect(t.check(token)).toEqual({ state: 'valid', customerId: 'GAL1' })
    clock.advance(1)
    expect(t.check(token)).toEqual({ state: 'expired', customerId: 'GAL1' })
  })

  it('lives at least a second, whatever the ttl', () => {
    const { tokens: t } = tokens(0)
    const payload = jwtPayload(t.issue(SARA).token)
    expect((payload.exp as number) - (payload.iat as number)).toBe(1)
  })

  it('knows only tokens it issued, byte for byte: an edited payload is a forgery', () => {
    const { tokens: t } = tokens()
    const { token } = t.issue(SARA)
    const [header, , signature] = token.split('.')
    const claims = { ...jwtPayload(token), exp: 4_102_444_800 }
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
    for (const other of [forged, `${token}x`, token.slice(0, -1), '', undefined, 'not.a.token']) {
      expect(t.check(other), String(other)).toEqual({ state: 'unknown' })
    }
  })

  it('issues a different token each time, even for the same claims in the same second', () => {
    const { tokens: t } = tokens()
    const a = t.issue(SARA).token
    const b = t.issue(SARA).token
    expect(a).not.toBe(b)
    expect(jwtPayload(a).jti).not.toBe(jwtPayload(b).jti)
    expect(t.check(a).state).toBe('valid')
    expect(t.check(b).state).toBe('valid')
  })

  it('forgets every token on clear', () => {
    const { tokens: t } = tokens()
    const { token } = t.issue(SARA)
    t.clear()
    expect(t.check(token)).toEqual({ state: 'unknown' })
  })

  it('does not share tokens between two sandboxes', () => {
    const one = tokens().tokens
    const two = tokens().tokens
    expect(two.check(one.issue(SARA).token)).toEqual({ state: 'unknown' })
  })
})
