import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isCompleteOtp, normalizeOtp, toAsciiDigits } from '../../src/core/normalize'

describe('normalizeOtp', () => {
  it.each([
    ['123456', '123456'],
    ['١٢٣٤٥٦', '123456'],
    ['١٢٣ ٤٥٦', '123456'],
    ['۱۲۳۴۵۶', '123456'],
    ['１２３４５６', '123456'],
    ['123-456', '123456'],
    ['123.456', '123456'],
    ['12 34 56', '123456'],
    ['\u2066123\u2069 \u200f456', '123456'],
    ['  1\u00a02\u202f3 4 5 6  ', '123456'],
    ['1234567890', '123456'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeOtp(input, 6)).toBe(expected)
  })

  it('finds the code inside a pasted SMS sentence', () => {
    expect(normalizeOtp('Your OnDi code is 123-456. Do not share it.', 6)).toBe('123456')
    expect(normalizeOtp('Valid for 5 minutes. Your code: 987654', 6)).toBe('987654')
    expect(normalizeOtp('رمز التحقق الخاص بك هو ٤٥٦٧٨٩ صالح لمدة ٥ دقائق', 6)).toBe('456789')
    expect(normalizeOtp('Call +964 750 123 4567 if this was not you. Code 246810', 6)).toBe('246810')
    expect(normalizeOtp('Your code is 112233\n\n@shop.example #112233', 6)).toBe('112233')
  })

  it('keeps partial input as it is, up to the length', () => {
    expect(normalizeOtp('1', 6)).toBe('1')
    expect(normalizeOtp('٤٥', 6)).toBe('45')
    expect(normalizeOtp('12a', 6)).toBe('12')
    expect(normalizeOtp('abc', 6)).toBe('')
    expect(normalizeOtp('', 6)).toBe('')
  })

  it('respects other lengths', () => {
    expect(normalizeOtp('code 1234, ref 99', 4)).toBe('1234')
    expect(normalizeOtp('12345678', 4)).toBe('1234')
  })

  it('never throws and returns only ASCII digits, at most `length`, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 12 }), (text, length) => {
        const out = normalizeOtp(text, length)
        expect(out).toMatch(/^[0-9]*$/)
        expect(out.length).toBeLessThanOrEqual(length)
      }),
      { seed: 20261123, numRuns: 2000 },
    )
  })

  it('keeps every digit of any mix of scripts and separators', () => {
    const digit = fc.constantFrom(...'0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９')
    const sep = fc.constantFrom('', ' ', '-', '\u200f', '\u00a0')
    fc.assert(
      fc.property(fc.array(fc.tuple(digit, sep), { minLength: 6, maxLength: 6 }), (parts) => {
        const text = parts.map(([d, s]) => d + s).join('')
        expect(normalizeOtp(text, 6)).toBe(toAsciiDigits(parts.map(([d]) => d).join('')))
      }),
      { seed: 7, numRuns: 500 },
    )
  })
})

describe('isCompleteOtp', () => {
  it('accepts exactly `length` ASCII digits only', () => {
    expect(isCompleteOtp('123456', 6)).toBe(true)
    expect(isCompleteOtp('12345', 6)).toBe(false)
    expect(isCompleteOtp('١٢٣٤٥٦', 6)).toBe(false)
  })
})
