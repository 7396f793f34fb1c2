// What the kit's i18n relies on from Intl, checked in the real Chromium.
//
// Chromium ships a trimmed ICU: Arabic (ar-IQ) has full data, Central Kurdish
// (ckb) has plural rules but no number-formatting data, so `ckb-IQ` formats
// as en-US with Latin digits. Asking for the numbering system explicitly
// (`numberingSystem: 'arab'`) gives Arabic-Indic digits in Chromium and in
// Node alike, so server and browser render the same text. If a Chromium
// update adds ckb data, the fallback test below fails: revisit the i18n
// number formatting then.
import { describe, expect, it } from 'vitest'

const ARABIC_INDIC_45 = '\u0664\u0665' // ٤٥

describe('Intl in Chromium', () => {
  it('runs in Chromium, not in a simulated DOM', () => {
    expect(navigator.userAgent).toMatch(/Chrome\/\d+/)
  })

  it('formats ar-IQ numbers with Arabic-Indic digits', () => {
    const format = new Intl.NumberFormat('ar-IQ')
    expect(format.format(45)).toBe(ARABIC_INDIC_45)
    expect(format.resolvedOptions().numberingSystem).toBe('arab')
  })

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
    expect(rules.resolvedOptions().locale).toBe('ckb')
    expect(rules.select(1)).toBe('one')
    expect(rules.select(2)).toBe('other')
    expect(rules.resolvedOptions().pluralCategories.toSorted()).toEqual(['one', 'other'])
  })

  it('has no ckb relative-time data: ckb-IQ words it in English', () => {
    expect(new Intl.RelativeTimeFormat('ckb-IQ').format(3, 'second')).toBe('in 3 seconds')
  })

  it('knows ar-IQ and ckb-IQ are written right to left', () => {
    for (const tag of ['ar-IQ', 'ckb-IQ']) {
      const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction: string } }
      expect(locale.getTextInfo?.().direction).toBe('rtl')
    }
  })
})
