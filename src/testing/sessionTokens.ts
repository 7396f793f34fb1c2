import type { SandboxClock } from './types.js'

/** What checking an `X-EXPRESS-KEY` finds. */
export type TokenCheck =
  | { state: 'valid'; customerId: string }
  | { state: 'expired'; customerId: string }
  | { state: 'unknown' }

/** The session tokens one sandbox issued. */
export interface SessionTokens {
  issue(claims: { customerId: string; userId: string | null; phone: string }): { token: string; expiresAt: number }
  check(token: string | undefined): TokenCheck
  clear(): void
}

/**
 * JWT-shaped tokens (base64url header.payload.signature, `exp` in seconds) so
 * a client can read the expiry as it would from the real back end. The
 * signature is random and the sandbox remembers what it issued: a token is
 * genuine only if it is one of those, byte for byte, so editing the payload
 * forges it.
 */
export function createSessionTokens(clock: SandboxClock, ttlMs: number): SessionTokens {
  const issued = new Map<string, { customerId: string; expiresAt: number }>()
  let serial = 0

  return {
    issue({ customerId, userId, phone }) {
      const iat = Math.floor(clock.now() / 1000)
      const exp = iat + Math.max(1, Math.round(ttlMs / 1000))
      serial += 1
      const header = { alg: 'HS256', typ: 'JWT' }
      const payload = { iss: 'otp-kit-sandbox', sub: customerId, user_id: userId, phone, iat, exp, jti: `s${serial}` }
      const token = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${randomSignature()}`
      issued.set(token, { customerId, expiresAt: exp * 1000 })
      return { token, expiresAt: exp * 1000 }
    },
    check(token) {
      const entry = token === undefined ? undefined : issued.get(token)
      if (!entry) return { state: 'unknown' }
      return clock.now() < entry.expiresAt
        ? { state: 'valid', customerId: entry.customerId }
        : { state: 'expired', customerId: entry.customerId }
    },
    clear() {
      issued.clear()
    },
  }
}

function base64url(text: string): string {
  return bytesToBase64url(new TextEncoder().encode(text))
}

function randomSignature(): string {
  return bytesToBase64url(globalThis.crypto.getRandomValues(new Uint8Array(32)))
}

function bytesToBase64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
