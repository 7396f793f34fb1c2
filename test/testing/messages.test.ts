import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { languageOf, message, type MessageKey } from '../../src/testing/messages.js'

const KEYS = [
  'verified',
  'invalidCode',
  'expired',
  'tooManyAttempts',
  'sent',
  'rateLimited',
  'alreadyVerified',
  'customerNotFound',
  'unauthorized',
  'sessionExpired',
  'badJson',
  'badPhone',
  'badCode',
  'targetRequired',
  'oystrTargetRequired',
  'oystrBadOtp',
  'oystrVerified',
  'orderCreated',
  'serverError',
  'notFound',
  'methodNotAllowed',
  'tooLarge',
] as const satisfies readonly MessageKey[]

/** Letters outside Arabic script, other than the technical word JSON. */
const latinLetters = (text: string) => text.replace(/JSON/g, '').match(/[A-Za-z]/g) ?? []

describe('the sandbox messages', () => {
  it.each(KEYS)('words %s in Arabic script for ar and ku, unlike English', (key) => {
    const en = message(key, 'en')
    for (const language of ['ar', 'ku'] as const) {
      const text = message(key, language)
      expect(text).toMatch(/[\u0600-\u06FF]/)
      expect(latinLetters(text)).toEqual([])
      expect(text).not.toBe(en)
    }
  })

  it('writes Arabic with Arabic letters and Sorani with Kurdish ones', () => {
    for (const key of KEYS) {
      // Sorani uses ی ک ە where Arabic uses ي ك ة.
      expect(message(key, 'ku')).not.toMatch(/[\u064A\u0643\u0629]/)
      expect(message(key, 'ar')).not.toMatch(/[\u06CC\u06A9\u06D5]/)
    }
    expect(KEYS.some((key) => /[\u06D5\u06CE\u0695\u06B5\u06C6]/.test(message(key, 'ku')))).toBe(true)
  })

  it('tells the three code-dead and wrong-code messages apart in every language', () => {
    for (const language of ['en', 'ar', 'ku'] as const) {
      const texts = new Set(['invalidCode', 'expired', 'tooManyAttempts'].map((k) => message(k as MessageKey, language)))
      expect(texts.size).toBe(3)
    }
  })

  it('reads ?language= as en, ar or ku, and anything else as en', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const url = new URL('http://x.test/')
        url.searchParams.set('language', value)
        const expected = ['ar', 'ku'].includes(value.trim().toLowerCase()) ? value.trim().toLowerCase() : 'en'
        expect(languageOf(url)).toBe(expected)
      }),
    )
  })
})
