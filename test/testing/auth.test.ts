import { describe, expect, it } from 'vitest'
import { isAuthorized } from '../../src/testing/auth.js'
import type { SandboxRequest } from '../../src/testing/types.js'

const request = (headers: Record<string, string>): SandboxRequest => ({ method: 'POST', url: '/', headers })
const AUTH = { apiKeys: ['key-1'], bearerTokens: ['tok-1'] }

describe('isAuthorized', () => {
  it('lets everything through when the sandbox has no auth option', () => {
    expect(isAuthorized(request({}), undefined)).toBe(true)
  })

  it('accepts an accepted X-API-Key or Bearer token, whatever the case of the header name or scheme', () => {
    expect(isAuthorized(request({ 'X-API-Key': 'key-1' }), AUTH)).toBe(true)
    expect(isAuthorized(request({ 'x-api-key': 'key-1' }), AUTH)).toBe(true)
    expect(isAuthorized(request({ Authorization: 'Bearer tok-1' }), AUTH)).toBe(true)
    expect(isAuthorized(request({ authorization: 'bearer  tok-1 ' }), AUTH)).toBe(true)
  })

  it('refuses no credentials, a wrong one, one of the wrong kind and a token in another scheme', () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { 'X-API-Key': 'key-2' },
      { 'X-API-Key': 'tok-1' },
      { Authorization: 'Bearer key-1' },
      { Authorization: 'Basic tok-1' },
      { Authorization: 'Bearer tok-1 extra' },
      { Authorization: 'tok-1' },
    ]) {
      expect(isAuthorized(request(headers), AUTH), JSON.stringify(headers)).toBe(false)
    }
  })

  it('takes a wrong API key beside a right token', () => {
    expect(isAuthorized(request({ 'X-API-Key': 'nope', Authorization: 'Bearer tok-1' }), AUTH)).toBe(true)
  })

  it('refuses everything when auth names no credentials', () => {
    expect(isAuthorized(request({ 'X-API-Key': 'key-1', Authorization: 'Bearer tok-1' }), {})).toBe(false)
  })
})
