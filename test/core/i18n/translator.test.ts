import { describe, expect, it } from 'vitest'
import { ar, createTranslator, en, formatDuration, getMessages, ku, type OtpMessages } from '../../../src/core/i18n/index.js'
import type { Language } from '../../../src/core/types.js'
import { allSentences, KEYS, LANGUAGES } from '../../support/sentences.js'

const TABLES = { en, ar, ku } satisfies Record<Language, OtpMessages>
const LRI = '\u2066'
const PDI = '\u2069'

describe('message tables', () => {
  it('has every key in every language, of the same kind as English', () => {
    for (const language of LANGUAGES) {
      const table = TABLES[language]
      expect(Object.keys(table).sort()).toEqual(Object.keys(KEYS).sort())
      for (const key of Object.keys(KEYS) as (keyof OtpMessages)[]) {
        expect(typeof table[key], `${language}.${key}`).toBe(typeof en[key])
      }
    }
  })

  it('never produces an empty sentence or a leftover placeholder', () => {
    for (const language of LANGUAGES) {
      for (const sentence of allSentences(createTranslator(language))) {
        expect(sentence.trim(), language).not.toBe('')
        expect(sentence, language).not.toMatch(/#|\{|\}|undefined|NaN|null|\s{2}/)
      }
    }
  })

  it('uses Arabic-Indic digits in ar and ku and Latin digits in en', () => {
    for (const language of ['ar', 'ku'] as const) {
      const text = allSentences(createTranslator(language)).join('\n').replace(/\u2066[^\u2069]*\u2069/g, '')
      expect(text, language).not.toMatch(/[0-9\u06F0-\u06F9]/)
    }
    expect(allSentences(createTranslator('en')).join('\n')).not.toMatch(/[\u0660-\u0669]/)
  })
})

describe('createTranslator', () => {
  it('exposes the same facts on a translator', () => {
    const t = createTranslator('ku')
    expect([t.language, t.locale, t.lang, t.dir]).toEqual(['ku', 'ckb-IQ', 'ckb', 'rtl'])
  })

  it('falls back to English for a language it does not know', () => {
    const t = createTranslator('xx' as Language)
    expect(t.verify).toBe('Verify')
    expect(t.locale).toBe('en')
  })
})

describe('formatDuration', () => {
  it('speaks durations with plurals', () => {
    expect([1, 45, 60, 90, 121].map((s) => formatDuration(s, 'en'))).toEqual([
      '1 second', '45 seconds', '1 minute', '1 minute 30 seconds', '2 minutes 1 second',
    ])
    expect([1, 2, 3, 45, 90, 120].map((s) => formatDuration(s, 'ar'))).toEqual([
      'ثانية واحدة', 'ثانيتين', '٣ ثوانٍ', '٤٥ ثانية', 'دقيقة واحدة و٣٠ ثانية', 'دقيقتين',
    ])
    expect([45, 90].map((s) => formatDuration(s, 'ku'))).toEqual(['٤٥ چرکە', '١ خولەک و ٣٠ چرکە'])
  })
})

describe('bidi isolation', () => {
  it('wraps the masked phone in one left-to-right isolate', () => {
    const phone = '+964 ••• ••• 4567'
    for (const language of LANGUAGES) {
      const text = createTranslator(language).instructions({ phone })
      expect(text).toContain(`${LRI}${phone}${PDI}`)
      expect(text.split(LRI)).toHaveLength(2)
      expect(createTranslator(language).instructions({ phone: null })).not.toContain(LRI)
    }
  })

  it('keeps the resend countdown as one left-to-right isolate', () => {
    expect(createTranslator('en').resendIn({ seconds: 45 })).toBe(`Resend in ${LRI}0:45${PDI}`)
    expect(createTranslator('ar').resendIn({ seconds: 90 })).toBe(`إعادة الإرسال بعد ${LRI}١:٣٠${PDI}`)
    expect(createTranslator('ku').resendIn({ seconds: 5 })).toBe(`دووبارە ناردنەوە دوای ${LRI}٠:٠٥${PDI}`)
  })
})

describe('overrides', () => {
  it('replaces only the entries they name', () => {
    const messages = getMessages('ar', { verify: 'تأكيد', verified: undefined })
    expect(messages.verify).toBe('تأكيد')
    expect(messages.verified).toBe(ar.verified)
    for (const key of Object.keys(KEYS) as (keyof OtpMessages)[]) {
      if (key !== 'verify') expect(messages[key]).toBe(ar[key])
    }
    expect(ar.verify).toBe('تحقّق')
  })

  it('passes formatters to an overriding function, and an overridden duration reaches every sentence', () => {
    const t = createTranslator('ar', {
      attemptsLeft: ({ count, format }) => `باقي ${format.number(count)}`,
      duration: ({ minutes, seconds, format }) => `${format.number(minutes)}د ${format.number(seconds)}ث`,
    })
    expect(t.attemptsLeft({ count: 4 })).toBe('باقي ٤')
    expect(t.resendAvailableIn({ seconds: 75 })).toBe('يمكنك طلب رمز جديد بعد ١د ١٥ث')
    expect(createTranslator('ar').resendAvailableIn({ seconds: 75 })).toBe('يمكنك طلب رمز جديد بعد دقيقة واحدة و١٥ ثانية')
  })
})
