import { describe, expect, it } from 'vitest'
import { jwtExpiry } from '../../src/core/jwt'

/** A token with this payload; the signature is never read. */
function jwt(payload: unknown, encode = (text: string) => Buffer.from(text).toString('base64url')): string {
  return `${encode('{"alg":"HS256","typ":"JWT"}')}.${encode(JSON.stringify(payload))}.c2lnbmF0dXJl`
}

const RECEIVED = Date.UTC(2026, 10, 23, 10, 0, 0)
const SERVER_NOW = Math.floor(RECEIVED / 1000)

describe('jwtExpiry', () => {
  it('counts the lifetime from when the token arrived, so a phone whose clock is off still gets the full five minutes', () => {
    // The server's clock is ten minutes ahead of this device's.
    const token = jwt({ sub: 'GAL1', iat: SERVER_NOW + 600, exp: SERVER_NOW + 900 })
    expect(jwtExpiry(token, RECEIVED)).toBe(RECEIVED + 300_000)
  })

  it('takes exp as it is when the token has no iat', () => {
    expect(jwtExpiry(jwt({ exp: SERVER_NOW + 300 }), RECEIVED)).toBe((SERVER_NOW + 300) * 1000)
  })

  it('takes exp as it is when iat is after exp, or not a number', () => {
    expect(jwtExpiry(jwt({ iat: SERVER_NOW + 400, exp: SERVER_NOW + 300 }), RECEIVED)).toBe((SERVER_NOW + 300) * 1000)
    expect(jwtExpiry(jwt({ iat: String(SERVER_NOW), exp: SERVER_NOW + 300 }), RECEIVED)).toBe((SERVER_NOW + 300) * 1000)
  })

  it('reads base64url payloads, with and without padding', () => {
    // A payload whose base64 holds `-` and `_`, the two characters base64url changes.
    const payload = { exp: SERVER_NOW + 300, name: '>>>???' }
    expect(Buffer.from(JSON.stringify(payload)).toString('base64url')).toMatch(/[-_]/)
    expect(jwtExpiry(jwt(payload), RECEIVED)).toBe((SERVER_NOW + 300) * 1000)
    const padded = jwt(payload, (text) => Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'))
    expect(jwtExpiry(padded, RECEIVED)).toBe((SERVER_NOW + 300) * 1000)
  })

  it.each([
    ['an opaque token', 'sk_live_51Habc'],
    ['an empty string', ''],
    ['a payload that is not base64', 'aGVhZGVy.!!!.c2ln'],
    ['a payload that is not JSON', `aGVhZGVy.${Buffer.from('exp=1').toString('base64url')}.c2ln`],
    ['a payload that is not an object', jwt(42)],
    ['a null payload', jwt(null)],
    ['no exp', jwt({ iat: SERVER_NOW })],
    ['an exp that is a string', jwt({ exp: String(SERVER_NOW + 300) })],
  ])('is null for %s, so the adapter falls back to the documented lifetime', (_, token) => {
    expect(jwtExpiry(token, RECEIVED)).toBeNull()
  })
})
