import type { Language } from '../types.js'

/** The BCP 47 locale the kit formats with for each {@link Language}. */
export type OtpLocale = 'en' | 'ar-IQ' | 'ckb-IQ'

/** The value for the HTML `lang` attribute. */
export type OtpHtmlLang = 'en' | 'ar' | 'ckb'

/** Text direction, for the HTML `dir` attribute. */
export type OtpDir = 'ltr' | 'rtl'

// The API's `ku` is Sorani (Arabic script); in BCP 47 `ku` is Kurmanji (Latin
// script), so Intl and `lang` get `ckb`. A region is named because bare `ar`
// prints Latin digits in current CLDR while `ar-IQ` prints Arabic-Indic ones.
const LOCALES: Record<Language, OtpLocale> = { en: 'en', ar: 'ar-IQ', ku: 'ckb-IQ' }

/**
 * The locale to format numbers and plurals with.
 *
 * @example localeFor('ku') // 'ckb-IQ'
 */
export function localeFor(language: Language): OtpLocale {
  // Plain JavaScript hosts can pass any string: English beats a crash.
  return LOCALES[language] ?? 'en'
}

/**
 * The HTML `lang` attribute for a language: `ku` becomes `ckb` so screen
 * readers pick a Sorani voice, not a Kurmanji one.
 */
export function htmlLangFor(language: Language): OtpHtmlLang {
  return localeFor(language).split('-')[0] as OtpHtmlLang
}

/** The text direction of a language: Arabic and Sorani are right-to-left. */
export function dirFor(language: Language): OtpDir {
  return language === 'ar' || language === 'ku' ? 'rtl' : 'ltr'
}

/**
 * Wraps text in a left-to-right isolate (U+2066 … U+2069). A phone number or
 * a `m:ss` countdown inside Arabic or Sorani text would otherwise be
 * reordered by the bidi algorithm (the `+` jumps to the far end).
 */
export function isolateLtr(text: string): string {
  return `\u2066${text}\u2069`
}
