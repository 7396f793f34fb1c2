import { describe, expect, it } from 'vitest'
import { maskPhone, normalizePhone } from '../../src/core/phone'

describe('normalizePhone', () => {
  it.each([
    ['+9647501234567', '+9647501234567'],
    ['+964 750 123 4567', '+9647501234567'],
    ['+964 (750) 123-4567', '+9647501234567'],
    ['+٩٦٤ ٧٥٠ ١٢٣ ٤٥٦٧', '+9647501234567'],
    ['\u2066+964 750 123 4567\u2069', '+9647501234567'],
    ['+919876543210', '+919876543210'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected)
  })

  it.each(['07501234567', '9647501234567', '+0123456789', '+1234567', '+1234567890123456', '+964abc', '', '+'])(
    'refuses %j',
    (input) => {
      expect(normalizePhone(input)).toBeNull()
    },
  )
})

describe('maskPhone', () => {
  it('shows the country code and the last four digits only', () => {
    expect(maskPhone('+9647501234567')).toBe('+964 ••• ••• 4567')
    expect(maskPhone('+919876543210')).toBe('+91 ••• ••• 3210')
    expect(maskPhone('+12025550123')).toBe('+1 ••• ••• 0123')
  })
  it('hides an unreadable number entirely', () => {
    expect(maskPhone('not a phone')).toBe('•••')
  })
})
