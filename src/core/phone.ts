import { toAsciiDigits } from './normalize.js'

const E164 = /^\+[1-9]\d{7,14}$/

/**
 * Returns the phone number in international form (`+` and 8 to 15 digits),
 * or `null` when it is not one. Arabic-Indic and other digits are converted,
 * and spaces, dashes, dots, brackets and direction marks are dropped, so
 * `+٩٦٤ ٧٥٠ ١٢٣ ٤٥٦٧` and `+964 (750) 123-4567` both give `+9647501234567`.
 * A valid number is never otherwise rewritten: no country code is guessed.
 */
export function normalizePhone(phone: string): string | null {
  if (typeof phone !== 'string') return null
  const compact = toAsciiDigits(phone)
    .replace(/[\s\u00a0\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c().\-\u2010-\u2015]/g, '')
    .replace(/^\uff0b/, '+')
  return E164.test(compact) ? compact : null
}

/**
 * Masks all but the last four digits, grouped for reading:
 * `+9647501234567` → `+964 ••• ••• 4567`. Always left-to-right characters;
 * the caller wraps it in an isolate inside right-to-left text.
 */
export function maskPhone(phone: string): string {
  const normalized = normalizePhone(phone)
  if (!normalized) return '•••'
  const digits = normalized.slice(1)
  const country = digits.length > 10 ? digits.slice(0, digits.length - 10) : digits.slice(0, 1)
  const rest = digits.slice(country.length)
  const last = rest.slice(-4)
  const hidden = rest.length - last.length
  const groups: string[] = []
  for (let left = hidden; left > 0; left -= 3) groups.push('•'.repeat(Math.min(3, left)))
  return `+${country} ${[...groups, last].join(' ')}`
}
