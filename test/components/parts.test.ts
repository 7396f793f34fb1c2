import { describe, expect, it } from 'vitest'
import { partClass, ROOT_CLASS } from '../../src/components/parts'

describe('parts', () => {
  it('puts the root class first, beside the host’s class, and leaves it out when unstyled', () => {
    expect(ROOT_CLASS).toBe('otp-kit')
    expect(partClass(false, 'checkout-otp')).toBe('otp-kit checkout-otp')
    expect(partClass(undefined, undefined)).toBe('otp-kit')
    expect(partClass(true, 'checkout-otp')).toBe('checkout-otp')
    expect(partClass(true, undefined)).toBeUndefined()
    expect(partClass(true, '')).toBeUndefined()
  })
})
