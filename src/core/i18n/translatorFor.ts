import type { Language } from '../types.js'
import { createFormatters } from './format.js'
import { dirFor, htmlLangFor, localeFor } from './locale.js'
import type { OtpMessages, Translator } from './types.js'

// Asked for on every render and tick: one translator per table and language.
const cache = new WeakMap<OtpMessages, Partial<Record<Language, Translator>>>()

/**
 * Final strings from one message table, which the caller imports (`en`, `ar`
 * or `ku` from `otp-kit`, or a table of its own): this module holds no table,
 * so a page ships only the one it passes.
 *
 * @example
 * import { ar, translatorFor } from 'otp-kit'
 * const t = translatorFor('ar', ar)
 * t.attemptsLeft({ count: 3 }) // 'رمز غير صحيح. تبقّت لديك ٣ محاولات.'
 */
export function translatorFor(language: Language, messages: OtpMessages): Translator {
  const known = cache.get(messages)
  const hit = known?.[language]
  if (hit) return hit
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
  cache.set(messages, { ...known, [language]: t as Translator })
  return t as Translator
}
