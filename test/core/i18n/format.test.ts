import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { formatCountdown, formatDuration, formatNumber } from '../../../src/core/i18n/index.js'
import { LANGUAGES } from '../../support/sentences.js'

describe('formatting', () => {
  it('formats countdowns as m:ss in each language’s digits', () => {
    const expected = { en: ['0:05', '1:30', '10:00'], ar: ['٠:٠٥', '١:٣٠', '١٠:٠٠'], ku: ['٠:٠٥', '١:٣٠', '١٠:٠٠'] }
    for (const language of LANGUAGES) {
      expect([5, 90, 600].map((s) => formatCountdown(s, language))).toEqual(expected[language])
    }
  })

  it('rounds a fraction of a second up and clamps negatives to zero', () => {
    expect(formatCountdown(4.2, 'en')).toBe('0:05')
    expect(formatCountdown(-30, 'en')).toBe('0:00')
    expect(formatCountdown(Number.NaN, 'ar')).toBe('٠:٠٠')
    expect(formatDuration(-5, 'en')).toBe('0 seconds')
  })

  it('prints numbers without grouping, so no locale separator can differ between server and browser', () => {
    expect(formatNumber(1234567, 'ar')).toBe('١٢٣٤٥٦٧')
    expect(formatNumber(1234567, 'ku')).toBe('١٢٣٤٥٦٧')
    expect(formatNumber(1234567, 'en')).toBe('1234567')
  })

  it('prints the same Sorani digits on a runtime without ckb number data, as Chromium 156 is', async () => {
    // Chromium drops a locale it has no data for and falls to its default
    // (en-US, Latin digits) where Node prints Arabic-Indic ones: hydration
    // would mismatch unless the kit names its digits.
    const Original = Intl.NumberFormat
    Intl.NumberFormat = function (locales?: string | string[], options?: Intl.NumberFormatOptions) {
      const known = ([] as string[]).concat(locales ?? []).filter((locale) => !locale.startsWith('ckb'))
      return new Original(known.length > 0 ? known : 'en-US', options)
    } as unknown as typeof Intl.NumberFormat
    try {
      vi.resetModules()
      const fresh = await import('../../../src/core/i18n/index.js')
      expect(fresh.formatCountdown(90, 'ku')).toBe('١:٣٠')
      expect(fresh.createTranslator('ku').attemptsLeft({ count: 3 })).toBe('کۆدەکە هەڵەیە. ٣ هەوڵت ماوە.')
    } finally {
      Intl.NumberFormat = Original
      vi.resetModules()
    }
  })

  it('builds its Intl objects once per language, not on every tick', () => {
    for (const language of LANGUAGES) formatCountdown(1, language)
    const Original = Intl.NumberFormat
    let built = 0
    Intl.NumberFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args)
        built++
      }
    } as typeof Intl.NumberFormat
    try {
      for (let s = 0; s < 200; s++) for (const language of LANGUAGES) formatCountdown(s, language)
      expect(built).toBe(0)
    } finally {
      Intl.NumberFormat = Original
    }
  })

  it('never throws on any integer or number, and clamps to a well-formed result', () => {
    const digit = { en: '[0-9]', ar: '[\u0660-\u0669]', ku: '[\u0660-\u0669]' }
    const anyNumber = fc.oneof(
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.integer(),
      fc.double(),
    )
    fc.assert(
      fc.property(anyNumber, fc.constantFrom(...LANGUAGES), (seconds, language) => {
        const countdown = formatCountdown(seconds, language)
        expect(countdown).toMatch(new RegExp(`^${digit[language]}+:${digit[language]}{2}$`))
        const duration = formatDuration(seconds, language)
        expect(duration.length).toBeGreaterThan(0)
        if (!(seconds > 0)) {
          expect(countdown).toBe(formatCountdown(0, language))
          expect(duration).toBe(formatDuration(0, language))
        }
      }),
    )
  })
})
