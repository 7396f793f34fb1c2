import { header } from './http.js'
import type { SandboxAuth, SandboxRequest } from './types.js'

/**
 * Whether a request carries one of the accepted credentials: an `X-API-Key`
 * or an `Authorization: Bearer` token. Without an `auth` option everything
 * passes, so tests and demos need no keys.
 */
export function isAuthorized(request: SandboxRequest, auth: SandboxAuth | undefined): boolean {
  if (!auth) return true
  const apiKey = header(request, 'x-api-key')
  if (apiKey !== undefined && (auth.apiKeys ?? []).includes(apiKey)) return true
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header(request, 'authorization') ?? '')?.[1]
  return bearer !== undefined && (auth.bearerTokens ?? []).includes(bearer)
}
