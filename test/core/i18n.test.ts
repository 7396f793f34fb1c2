import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { OtpErrorKind, type OtpErrorDetails } from '../../src/core/errors.js'
import {
  ar,
  createTranslator,
  dirFor,
  en,
  formatCountdown,
  formatDuration,
  formatNumber,
  getMessages,
  htmlLangFor,
  ku,
  localeFor,
  messageForError,
  pluralCategory,
  type OtpMessages,
  type Translator,
} from '../../src/core/i18n/index.js'
import type { Language } from '../../src/core/types.js'

const LANGUAGES: Language[] = ['en', 'ar', 'ku']
const TABLES = { en, ar, ku } satisfies Record<Language, OtpMessages>
const LRI = '\u2066'
const PDI = '\u2069'

// Fails to compile when OtpMessages gains or loses a key this list does not
// name, so the runtime check below always walks the whole interface.
const KEYS = {
  codeLabel: 1, codeDescription: 1, cellLabel: 1, instructions: 1, verify: 1, verifying: 1, verified: 1,
  wrongNumber: 1, attemptsLeft: 1, lastAttempt: 1, invalidCode: 1, codeLocked: 1, codeExpired: 1,
  codeDead: 1, resend: 1, resendIn: 1, resending: 1, codeResent: 1, resendAvailableIn: 1,
  resendAvailable: 1, rateLimited: 1, alreadyVerified: 1, customerNotFound: 1, unauthorized: 1,
  network: 1, timeout: 1, server: 1, badResponse: 1, invalidRequest: 1, invalidPhone: 1,
  unsupported: 1, genericError: 1, retry: 1, codeRequired: 1, codeIncomplete: 1, codeDigitsOnly: 1,
  sessionExpired: 1, sessionExpiresIn: 1, duration: 1, title: 1,
} satisfies Record<keyof OtpMessages, 1>

/** Every sentence a table can produce for a spread of values. */
function allSentences(t: Translator): string[] {
  const out: string[] = []
  for (const key of Object.keys(KEYS) as (keyof OtpMessages)[]) {
    const entry = t[key]
    if (typeof entry === 'string') {
      out.push(entry)
      continue
    }
    for (const n of [0, 1, 2, 3, 6, 11, 59, 60, 61, 90, 100, 102, 3600]) {
      const call = entry as (p: Record<string, unknown>) => string
      out.push(call({ count: n, seconds: n, length: n, index: n, minutes: n, phone: '+964 ••• ••• 4567' }))
    }
    if (key === 'instructions' || key === 'rateLimited') out.push(t[key]({ phone: null, seconds: null }))
  }
  return out
}

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

  it('writes Sorani with Kurdish letters, not their Arabic look-alikes', () => {
    const text = allSentences(createTranslator('ku')).join('\n')
    // ك U+0643, ي U+064A, ى U+0649 belong to Arabic; Sorani uses ک ی and ends words with ە, not ه.
    expect(text).not.toMatch(/[\u0643\u064A\u0649]/)
    expect(text).not.toMatch(/\u0647(?![\u0600-\u06FF])/)
    expect(text).toMatch(/\u06D5/)
    expect(text).toMatch(/[\u0695\u06B5\u06CE\u06C6]/)
  })

  it('writes Arabic with Arabic letters, not Persian or Kurdish ones', () => {
    const text = allSentences(createTranslator('ar')).join('\n')
    expect(text).not.toMatch(/[\u06A9\u06CC\u06D5\u06CE\u06C6\u0695\u06B5\u06F0-\u06F9]/)
  })

  it('uses Arabic-Indic digits in ar and ku and Latin digits in en', () => {
    for (const language of ['ar', 'ku'] as const) {
      const text = allSentences(createTranslator(language)).join('\n').replace(/\u2066[^\u2069]*\u2069/g, '')
      expect(text, language).not.toMatch(/[0-9\u06F0-\u06F9]/)
    }
    expect(allSentences(createTranslator('en')).join('\n')).not.toMatch(/[\u0660-\u0669]/)
  })
})

describe('locale', () => {
  it('maps each language to its Intl locale, lang attribute and direction', () => {
    expect(LANGUAGES.map(localeFor)).toEqual(['en', 'ar-IQ', 'ckb-IQ'])
    expect(LANGUAGES.map(htmlLangFor)).toEqual(['en', 'ar', 'ckb'])
    expect(LANGUAGES.map(dirFor)).toEqual(['ltr', 'rtl', 'rtl'])
  })

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

describe('plurals', () => {
  it('chooses each of the six Arabic forms, with the count in Arabic-Indic digits where Arabic writes one', () => {
    const t = createTranslator('ar')
    const cases: [number, Intl.LDMLPluralRule, string][] = [
      [0, 'zero', 'رمز غير صحيح. لم تتبقَّ لديك أي محاولة.'],
      [1, 'one', 'رمز غير صحيح. تبقّت لديك محاولة واحدة.'],
      [2, 'two', 'رمز غير صحيح. تبقّت لديك محاولتان.'],
      [3, 'few', 'رمز غير صحيح. تبقّت لديك ٣ محاولات.'],
      [11, 'many', 'رمز غير صحيح. تبقّت لديك ١١ محاولة.'],
      [100, 'other', 'رمز غير صحيح. تبقّت لديك ١٠٠ محاولة.'],
    ]
    for (const [count, category, sentence] of cases) {
      expect(pluralCategory(count, 'ar')).toBe(category)
      expect(t.attemptsLeft({ count })).toBe(sentence)
    }
    expect(new Set(cases.map(([count]) => t.attemptsLeft({ count }).replace(/[\u0660-\u0669]+/g, 'N'))).size).toBe(5)
  })

  it('chooses English and Sorani one/other forms', () => {
    const e = createTranslator('en')
    expect(e.attemptsLeft({ count: 1 })).toBe('Wrong code. 1 attempt left.')
    expect(e.attemptsLeft({ count: 0 })).toBe('Wrong code. 0 attempts left.')
    expect(e.attemptsLeft({ count: 4 })).toBe('Wrong code. 4 attempts left.')
    const k = createTranslator('ku')
    expect(pluralCategory(1, 'ku')).toBe('one')
    expect(pluralCategory(2, 'ku')).toBe('other')
    expect(k.attemptsLeft({ count: 1 })).toBe('کۆدەکە هەڵەیە. تەنها ١ هەوڵت ماوە.')
    expect(k.attemptsLeft({ count: 4 })).toBe('کۆدەکە هەڵەیە. ٤ هەوڵت ماوە.')
  })

  it('counts digits with the right Arabic form in validation', () => {
    const t = createTranslator('ar')
    expect(t.codeIncomplete({ length: 6 })).toBe('أدخل الرمز كاملًا: ٦ أرقام.')
    expect(t.codeIncomplete({ length: 12 })).toBe('أدخل الرمز كاملًا: ١٢ رقمًا.')
    expect(t.codeDescription({ length: 6 })).toBe('أدخل الرمز المكوّن من ٦ أرقام')
    expect(createTranslator('en').codeIncomplete({ length: 6 })).toBe('Enter all 6 digits.')
  })
})

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

  it('speaks durations with plurals', () => {
    expect([1, 45, 60, 90, 121].map((s) => formatDuration(s, 'en'))).toEqual([
      '1 second', '45 seconds', '1 minute', '1 minute 30 seconds', '2 minutes 1 second',
    ])
    expect([1, 2, 3, 45, 90, 120].map((s) => formatDuration(s, 'ar'))).toEqual([
      'ثانية واحدة', 'ثانيتين', '٣ ثوانٍ', '٤٥ ثانية', 'دقيقة واحدة و٣٠ ثانية', 'دقيقتين',
    ])
    expect([45, 90].map((s) => formatDuration(s, 'ku'))).toEqual(['٤٥ چرکە', '١ خولەک و ٣٠ چرکە'])
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
      const fresh = await import('../../src/core/i18n/index.js')
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

describe('messageForError', () => {
  const sample = (kind: OtpErrorKind): OtpErrorDetails =>
    kind === 'invalid_code'
      ? { kind, attemptsRemaining: 3 }
      : kind === 'code_dead'
        ? { kind, reason: 'expired' }
        : kind === 'rate_limited'
          ? { kind, waitSeconds: 45 }
          : { kind }

  it('has its own sentence for every error kind except aborted, in every language', () => {
    for (const language of LANGUAGES) {
      const t = createTranslator(language)
      for (const kind of Object.values(OtpErrorKind)) {
        const message = messageForError(sample(kind), t)
        if (kind === 'aborted') {
          expect(message).toBeNull()
          continue
        }
        expect(message, `${language} ${kind}`).toBeTruthy()
        expect(message, `${language} ${kind} falls back to the generic sentence`).not.toBe(t.genericError)
      }
    }
  })

  it('gives distinct sentences to distinct kinds', () => {
    const t = createTranslator('en')
    const messages = Object.values(OtpErrorKind).map((kind) => messageForError(sample(kind), t))
    expect(new Set(messages).size).toBe(messages.length)
  })

  it('reads attempts left: a count, a last-attempt warning, locked at zero, unknown', () => {
    const t = createTranslator('en')
    const wrong = (attemptsRemaining: number | null) => messageForError({ kind: 'invalid_code', attemptsRemaining }, t)
    expect(wrong(3)).toBe('Wrong code. 3 attempts left.')
    expect(wrong(1)).toBe('Wrong code. This is your last attempt.')
    expect(wrong(0)).toBe('Too many attempts. Request a new code.')
    expect(wrong(null)).toBe('That code is not right. Check it and try again.')
    expect(messageForError({ kind: 'invalid_code', attemptsRemaining: 2 }, createTranslator('ar'))).toBe(
      'رمز غير صحيح. تبقّت لديك محاولتان.',
    )
  })

  it('reads why a code died', () => {
    const t = createTranslator('ku')
    expect(messageForError({ kind: 'code_dead', reason: 'expired' }, t)).toBe(t.codeExpired)
    expect(messageForError({ kind: 'code_dead', reason: 'too_many_attempts' }, t)).toBe(t.codeLocked)
    expect(messageForError({ kind: 'code_dead', reason: 'unknown' }, t)).toBe(t.codeDead)
    expect(new Set([t.codeExpired, t.codeLocked, t.codeDead]).size).toBe(3)
  })

  it('speaks the rate-limit wait, or asks for a moment when the server gave none', () => {
    const t = createTranslator('en')
    expect(messageForError({ kind: 'rate_limited', waitSeconds: 90 }, t)).toBe(
      'Please wait 1 minute 30 seconds before requesting another code.',
    )
    expect(messageForError({ kind: 'rate_limited', waitSeconds: null }, t)).toBe(
      'Please wait a moment before requesting another code.',
    )
    expect(messageForError({ kind: 'rate_limited', waitSeconds: 45 }, createTranslator('ar'))).toBe(
      'يُرجى الانتظار ٤٥ ثانية قبل طلب رمز آخر.',
    )
  })

  it('falls back to the generic sentence for a kind it does not know', () => {
    const t = createTranslator('en')
    expect(messageForError({ kind: 'brand_new' } as unknown as OtpErrorDetails, t)).toBe(t.genericError)
  })
})
