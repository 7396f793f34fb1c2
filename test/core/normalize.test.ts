import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeOtp, toAsciiDigits } from '../../src/core/normalize'
import { READ_DIGITS, hostileText, readableDigits } from '../arbitraries'
import { checkProperty, propertyTimeout } from '../fuzz'

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

  it('never throws and returns only ASCII digits, at most `length`, for any string', async () => {
    await checkProperty(
      'normalizeOtp: only ASCII digits, at most length',
      fc.property(hostileText, fc.integer({ min: 1, max: 12 }), (text, length) => {
        const out = normalizeOtp(text, length)
        expect(out).toMatch(/^[0-9]*$/)
        expect(out.length).toBeLessThanOrEqual(length)
      }),
      { seed: 20261123, runs: 2000, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))

  it('invents no digit: other scripts, emoji and symbols never become one', async () => {
    await checkProperty(
      'normalizeOtp: digits only from the text',
      fc.property(hostileText, fc.integer({ min: 1, max: 12 }), (text, length) => {
        const out = normalizeOtp(text, length)
        // The code is made of the text's own digits, in their order.
        const digits = readableDigits(text)
        let at = 0
        for (const digit of out) {
          at = digits.indexOf(digit, at) + 1
          expect(at).toBeGreaterThan(0)
        }
      }),
      { seed: 11, runs: 2000, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))

  it('keeps every digit of any mix of scripts and separators', async () => {
    const digit = fc.constantFrom(...READ_DIGITS)
    const sep = fc.constantFrom('', ' ', '-', '\u200f', '\u00a0', '\u2066', '\u2069', '.')
    await checkProperty(
      'normalizeOtp: a separated code in any script',
      fc.property(fc.array(fc.tuple(digit, sep), { minLength: 6, maxLength: 6 }), (parts) => {
        const text = parts.map(([d, s]) => d + s).join('')
        expect(normalizeOtp(text, 6)).toBe(toAsciiDigits(parts.map(([d]) => d).join('')))
      }),
      { seed: 7, runs: 500, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))
})

describe('toAsciiDigits', () => {
  it('changes the digits it reads and leaves every other code point as it is', async () => {
    await checkProperty(
      'toAsciiDigits: only the read digits change',
      fc.property(hostileText, (text) => {
        const expected = [...text].map((char) => (READ_DIGITS.includes(char) ? readableDigits(char) : char)).join('')
        expect(toAsciiDigits(text)).toBe(expected)
      }),
      { seed: 5, runs: 1000, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))
})
