/**
 * When a JWT stops being usable, in epoch milliseconds on this device's clock,
 * without checking the signature (the server does that; the kit only wants
 * to know when to stop using the token). With `iat` beside `exp`, the token's
 * lifetime is counted from `receivedAt`, so a phone whose clock is minutes
 * off still counts the right five minutes; with `exp` alone, `exp` is taken
 * as it is. `null` when the token is not a readable JWT or has no `exp`.
 */
export function jwtExpiry(token: string, receivedAt: number): number | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/')
    const json = JSON.parse(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))) as unknown
    const { exp, iat } = (typeof json === 'object' && json !== null ? json : {}) as { exp?: unknown; iat?: unknown }
    if (!isTime(exp)) return null
    return isTime(iat) && iat <= exp ? receivedAt + (exp - iat) * 1000 : exp * 1000
  } catch {
    return null
  }
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
