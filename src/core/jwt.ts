/**
 * Reads the `exp` claim of a JWT, in epoch milliseconds, without checking the
 * signature (the server does that; the kit only wants to know when to stop
 * using the token). `null` when the token is not a readable JWT.
 */
export function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/')
    const json = JSON.parse(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))) as unknown
    const exp = typeof json === 'object' && json !== null ? (json as { exp?: unknown }).exp : undefined
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null
  } catch {
    return null
  }
}
