import type { Language } from '../types.js'
import { isolateLtr, localeFor } from './locale.js'
import type { Formatters, OtpMessages } from './types.js'

interface IntlSet {
  whole: Intl.NumberFormat
  twoDigits: Intl.NumberFormat
  plural: Intl.PluralRules
}

// Intl objects cost far more to build than to use, and these run on every
// countdown tick: one set per language, built on first use.
const cache: Partial<Record<Language, IntlSet>> = {}

function intl(language: Language): IntlSet {
  return (cache[language] ??= build(language))
}

function build(language: Language): IntlSet {
  // Server-rendered text must hydrate unchanged. Chromium 156 has no `ckb`
  // number data and falls back to the browser's default locale (Latin digits),
  // where Node prints Arabic-Indic ones. So the digits are named, `en` is the
  // fallback instead of whatever the browser runs in, and grouping and
  // fractions are off: separators are where locale data differ, and the kit
  // only shows small whole numbers.
  const locales = [localeFor(language), 'en']
  const options: Intl.NumberFormatOptions = {
    numberingSystem: language === 'en' ? 'latn' : 'arab',
    useGrouping: false,
    maximumFractionDigits: 0,
  }
  return {
    whole: new Intl.NumberFormat(locales, options),
    twoDigits: new Intl.NumberFormat(locales, { ...options, minimumIntegerDigits: 2 }),
    // `ckb` plural rules exist in Node and Chromium; should a browser lack
    // them, `en` has the same rule for whole numbers (one for 1, other else).
    plural: new Intl.PluralRules(locales),
  }
}

/**
 * Seconds as a whole number fit for display: negative and `NaN` become 0, a
 * fraction rounds up (a countdown showing 0:00 while still waiting looks
 * stuck), and the result stays a safe integer.
 */
export function toWholeSeconds(seconds: number): number {
  return seconds > 0 ? Math.min(Math.ceil(seconds), Number.MAX_SAFE_INTEGER) : 0
}

/**
 * A number in the language's digits, rounded to a whole number, without
 * grouping. Identical in Node and Chromium for non-negative numbers.
 *
 * @example formatNumber(45, 'ar') // '٤٥'
 */
export function formatNumber(value: number, language: Language): string {
  return intl(language).whole.format(value)
}

/**
 * The CLDR plural category of a count.
 *
 * @example pluralCategory(11, 'ar') // 'many'
 */
export function pluralCategory(count: number, language: Language): Intl.LDMLPluralRule {
  return intl(language).plural.select(count)
}

/**
 * Seconds as `m:ss` in the language's digits, clamped by
 * {@link toWholeSeconds}. Not isolated: wrap it with `isolateLtr` inside
 * right-to-left text.
 *
 * @example formatCountdown(90, 'ku') // '١:٣٠'
 */
export function formatCountdown(seconds: number, language: Language): string {
  const whole = toWholeSeconds(seconds)
  const { whole: n, twoDigits } = intl(language)
  return `${n.format(Math.floor(whole / 60))}:${twoDigits.format(whole % 60)}`
}

/**
 * The {@link Formatters} for a language. `duration` speaks through the given
 * table's `duration` entry, so an override of it changes every duration.
 */
export function createFormatters(language: Language, messages: Pick<OtpMessages, 'duration'>): Formatters {
  const format: Formatters = {
    number: (value) => formatNumber(value, language),
    category: (count) => pluralCategory(count, language),
    plural: (count, forms) =>
      (forms[pluralCategory(count, language)] ?? forms.other).replaceAll('#', formatNumber(count, language)),
    countdown: (seconds) => formatCountdown(seconds, language),
    duration: (seconds) => {
      const whole = toWholeSeconds(seconds)
      return messages.duration({ minutes: Math.floor(whole / 60), seconds: whole % 60, format })
    },
    ltr: isolateLtr,
  }
  return format
}
