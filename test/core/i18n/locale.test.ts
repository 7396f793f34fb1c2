import { describe, expect, it } from 'vitest'
import { dirFor, htmlLangFor, isolateLtr, localeFor } from '../../../src/core/i18n/index.js'
import type { Language } from '../../../src/core/types.js'
import { LANGUAGES } from '../../support/sentences.js'

describe('locale', () => {
  it('maps each language to its Intl locale, lang attribute and direction', () => {
    expect(LANGUAGES.map(localeFor)).toEqual(['en', 'ar-IQ', 'ckb-IQ'])
    expect(LANGUAGES.map(htmlLangFor)).toEqual(['en', 'ar', 'ckb'])
    expect(LANGUAGES.map(dirFor)).toEqual(['ltr', 'rtl', 'rtl'])
  })

  it('gives any other string English facts rather than a crash', () => {
    const language = 'fr' as Language
    expect([localeFor(language), htmlLangFor(language), dirFor(language)]).toEqual(['en', 'en', 'ltr'])
  })

  it('wraps text in exactly one left-to-right isolate', () => {
    expect(isolateLtr('+964 750')).toBe('\u2066+964 750\u2069')
    expect(isolateLtr('')).toBe('\u2066\u2069')
  })
})
