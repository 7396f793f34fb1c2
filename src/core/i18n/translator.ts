import type { Language } from '../types.js'
import { ar } from './ar.js'
import { en } from './en.js'
import { createFormatters } from './format.js'
import { ku } from './ku.js'
import { dirFor, htmlLangFor, localeFor } from './locale.js'
import type { OtpMessageOverrides, OtpMessages, Translator } from './types.js'

const TABLES: Readonly<Record<Language, OtpMessages>> = { en, ar, ku }

// Translators without overrides are asked for on every render and tick.
const plain: Partial<Record<Language, Translator>> = {}

/**
 * The message table for a language with the host's overrides laid over it.
 * An override replaces only the entries it names; an entry set to
 * `undefined` keeps the kit's text.
 *
 * @example getMessages('ar', { verify: 'تأكيد' })
 */
export function getMessages(language: Language, overrides?: OtpMessageOverrides): OtpMessages {
  const base = TABLES[language] ?? en
  if (!overrides) return base
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) merged[key] = value
  return merged as unknown as OtpMessages
}

/**
 * Final strings in one language. String entries are strings; function
 * entries are methods that take their parameters without `format`.
 *
 * @example
 * const t = createTranslator('ar')
 * t.attemptsLeft({ count: 3 }) // 'رمز غير صحيح. تبقّت لديك ٣ محاولات.'
 * t.resendIn({ seconds: 45 })  // 'إعادة الإرسال بعد ⁦٠:٤٥⁩'
 */
export function createTranslator(language: Language, overrides?: OtpMessageOverrides): Translator {
  if (!overrides && plain[language]) return plain[language]
  const messages = getMessages(language, overrides)
  const format = createFormatters(language, messages)
  const t: Record<string, unknown> = {
    language,
    locale: localeFor(language),
    lang: htmlLangFor(language),
    dir: dirFor(language),
    format,
    messages,
  }
  for (const [key, value] of Object.entries(messages)) {
    t[key] = typeof value === 'function' ? (params: object) => value({ ...params, format }) : value
  }
  if (!overrides) plain[language] = t as Translator
  return t as Translator
}

/**
 * Seconds in words with the language's plurals, e.g. `1 minute 30 seconds`,
 * `دقيقة واحدة و٣٠ ثانية`, `١ خولەک و ٣٠ چرکە`. Negative becomes 0.
 */
export function formatDuration(seconds: number, language: Language): string {
  return createTranslator(language).format.duration(seconds)
}
