import type { Language } from '../types.js'
import { ar } from './ar.js'
import { en } from './en.js'
import { ku } from './ku.js'
import { translatorFor } from './translatorFor.js'
import type { OtpMessageOverrides, OtpMessages, Translator } from './types.js'

const TABLES: Readonly<Record<Language, OtpMessages>> = { en, ar, ku }

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
 * Final strings in one language, from the kit's three tables. It holds all
 * three: {@link translatorFor} with one imported table ships only that one.
 *
 * @example
 * const t = createTranslator('ar')
 * t.attemptsLeft({ count: 3 }) // 'رمز غير صحيح. تبقّت لديك ٣ محاولات.'
 * t.resendIn({ seconds: 45 })  // 'إعادة الإرسال بعد ⁦٠:٤٥⁩'
 */
export function createTranslator(language: Language, overrides?: OtpMessageOverrides): Translator {
  return translatorFor(language, overrides ? getMessages(language, overrides) : (TABLES[language] ?? en))
}

/**
 * Seconds in words with the language's plurals, e.g. `1 minute 30 seconds`,
 * `دقيقة واحدة و٣٠ ثانية`, `١ خولەک و ٣٠ چرکە`. Negative becomes 0.
 */
export function formatDuration(seconds: number, language: Language): string {
  return createTranslator(language).format.duration(seconds)
}
