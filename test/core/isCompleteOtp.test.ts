import { describe, expect, it } from 'vitest'
import { isCompleteOtp } from '../../src/core/isCompleteOtp'

describe('isCompleteOtp', () => {
  it('accepts exactly `length` ASCII digits only', () => {
    expect(isCompleteOtp('123456', 6)).toBe(true)
    expect(isCompleteOtp('12345', 6)).toBe(false)
    expect(isCompleteOtp('١٢٣٤٥٦', 6)).toBe(false)
  })
})
