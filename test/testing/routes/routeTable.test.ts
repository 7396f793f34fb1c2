import { describe, expect, it } from 'vitest'
import { routeOf, SANDBOX_ROUTES } from '../../../src/testing/routes/routeTable.js'

describe('routeOf', () => {
  it('finds each route by its own path', () => {
    for (const [name, path] of Object.entries(SANDBOX_ROUTES)) expect(routeOf(path)).toBe(name)
  })

  it('finds a route under any base path and with a trailing slash', () => {
    expect(routeOf('/api/express-shipping/customer/verify-otp')).toBe('verify')
    expect(routeOf('/proxy/ondi/express-shipping/customer/resend-otp/')).toBe('resend')
    expect(routeOf('/oystr/v1/customer/verify//')).toBe('oystr-verify')
  })

  it('knows no other path, nor a route followed by more', () => {
    for (const path of ['/', '', '/express-shipping/customer', '/v1/customer/verify/extra', '/express-shipping/customer/verify-otp-now']) {
      expect(routeOf(path), path).toBeUndefined()
    }
  })

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(SANDBOX_ROUTES)).toBe(true)
  })
})
