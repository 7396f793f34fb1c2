// What the kit's i18n relies on from Intl, checked in each real engine.
//
// The engines ship different ICU data. Chromium's is trimmed: Arabic (ar-IQ)
// has full data, Central Kurdish (ckb) has plural rules but no number or
// relative-time data, so `ckb-IQ` formats as en-US with Latin digits. Firefox
// and WebKit know ckb, and WebKit gives bare `ar` Arabic-Indic digits. Asking
// for the numbering system explicitly (`numberingSystem: 'arab'`) gives
// Arabic-Indic digits in every engine and in Node alike, so server and
// browser render the same text. If a Chromium update adds ckb data, the
// fallback tests below fail: revisit the i18n number formatting then.
import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../../src/core/i18n/translator'
import { formatCountdown, formatNumber, pluralCategory } from '../../../src/core/i18n/format'
import { engine } from '../../support/drive'

const ARABIC_INDIC_45 = '\u0664\u0665' // ٤٥

const USER_AGENT = { chromium: /Chrome\/\d+/, firefox: /Firefox\/\d+/, webkit: /AppleWebKit\/[\d.]+ .*Safari\/(?![\s\S]*Chrome)/ }

describe(`Intl in ${engine}`, () => {
  it(`runs in ${engine}, not in a simulated DOM`, () => {
    expect(navigator.userAgent).toMatch(USER_AGENT[engine as keyof typeof USER_AGENT])
  })

  it('formats ar-IQ numbers with Arabic-Indic digits', () => {
    const format = new Intl.NumberFormat('ar-IQ')
    expect(format.format(45)).toBe(ARABIC_INDIC_45)
    expect(format.resolvedOptions().numberingSystem).toBe('arab')
  })

  it('formats ckb-IQ with Arabic-Indic digits when numberingSystem is given as an option', () => {
    const format = new Intl.NumberFormat('ckb-IQ', { numberingSystem: 'arab' })
    expect(format.format(45)).toBe(ARABIC_INDIC_45)
    expect(format.resolvedOptions().numberingSystem).toBe('arab')
    // Arabic decimal and grouping separators, as ar-IQ uses.
    expect(format.format(12345.5)).toBe(new Intl.NumberFormat('ar-IQ').format(12345.5))
  })

  it('gives ar-IQ all six Arabic plural categories', () => {
    const rules = new Intl.PluralRules('ar-IQ')
    expect([0, 1, 2, 3, 11, 100].map((n) => rules.select(n))).toEqual([
      'zero',
      'one',
      'two',
      'few',
      'many',
      'other',
    ])
  })

  it('gives ckb-IQ the plural categories one and other', () => {
    const rules = new Intl.PluralRules('ckb-IQ')
    expect(rules.resolvedOptions().locale).toMatch(/^ckb/)
    expect(rules.select(1)).toBe('one')
    expect(rules.select(2)).toBe('other')
    expect(rules.resolvedOptions().pluralCategories.toSorted()).toEqual(['one', 'other'])
  })

  it('knows ar-IQ and ckb-IQ are written right to left', () => {
    for (const tag of ['ar-IQ', 'ckb-IQ']) {
      const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction: string } }
      expect(locale.getTextInfo?.().direction).toBe('rtl')
    }
  })
})

describe(`the kit's numbers in ${engine}: what Node prints on the server`, () => {
  it('formats counts and countdowns in each language’s digits, whatever the engine’s ICU holds', () => {
    expect([formatNumber(45, 'en'), formatNumber(45, 'ar'), formatNumber(45, 'ku')]).toEqual(['45', '٤٥', '٤٥'])
    expect([formatNumber(12345, 'ar'), formatNumber(12345, 'ku')]).toEqual(['١٢٣٤٥', '١٢٣٤٥'])
    expect([90, 600].map((s) => formatCountdown(s, 'ku'))).toEqual(['١:٣٠', '١٠:٠٠'])
    expect([90, 5].map((s) => formatCountdown(s, 'ar'))).toEqual(['١:٣٠', '٠:٠٥'])
  })

  it('picks the same plural forms', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralCategory(n, 'ar'))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other'])
    expect([0, 1, 2].map((n) => pluralCategory(n, 'ku'))).toEqual(['other', 'one', 'other'])
    expect(createTranslator('ar').codeIncomplete({ length: 6 })).toBe('أدخل الرمز كاملًا: ٦ أرقام.')
    expect(createTranslator('ar').codeIncomplete({ length: 12 })).toBe('أدخل الرمز كاملًا: ١٢ رقمًا.')
  })
})

// Chromium's trimmed ICU, which the kit's formatting is written around.
if (engine === 'chromium') {
  describe('Intl in Chromium: no ckb data', () => {
    it('formats bare ar with Latin digits, so the kit must name the region', () => {
      expect(new Intl.NumberFormat('ar').format(45)).toBe('45')
    })

    it('has no ckb number data: ckb-IQ falls back to another locale with Latin digits', () => {
      const format = new Intl.NumberFormat('ckb-IQ')
      expect(format.format(45)).toBe('45')
      expect(format.resolvedOptions().locale).not.toMatch(/^ckb/)
      expect(format.resolvedOptions().numberingSystem).toBe('latn')
    })

    it('ignores a -u-nu-arab extension on ckb-IQ, because the locale itself falls back', () => {
      expect(new Intl.NumberFormat('ckb-IQ-u-nu-arab').format(45)).toBe('45')
    })

    it('resolves ckb-IQ plural rules to bare ckb', () => {
      expect(new Intl.PluralRules('ckb-IQ').resolvedOptions().locale).toBe('ckb')
    })

    it('has no ckb relative-time data: ckb-IQ words it in English', () => {
      expect(new Intl.RelativeTimeFormat('ckb-IQ').format(3, 'second')).toBe('in 3 seconds')
    })
  })
}

// Firefox and WebKit have Central Kurdish data of their own: the kit's named
// digits give the same text there too (above), and these say why it must name them.
if (engine !== 'chromium') {
  describe(`Intl in ${engine}: ckb data of its own`, () => {
    it('formats ckb-IQ as Central Kurdish without being asked for its digits', () => {
      const format = new Intl.NumberFormat('ckb-IQ')
      expect(format.resolvedOptions().locale).toMatch(/^ckb/)
      expect(format.format(45)).toBe(ARABIC_INDIC_45)
    })
  })
}
