/**
 * Turning whatever a shopper typed, pasted or had autofilled into ASCII digits.
 */

// Each entry is the code point of a script's zero: its nine successors are 1-9.
// Arabic-Indic (U+0660), Extended Arabic-Indic / Persian (U+06F0), full-width (U+FF10).
const ZEROS = [0x0660, 0x06f0, 0xff10]

/** Maps every digit the kit accepts to ASCII 0-9 and leaves all else as it is. */
export function toAsciiDigits(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0)!
    let mapped = char
    for (const zero of ZEROS) {
      if (code >= zero && code <= zero + 9) {
        mapped = String(code - zero)
        break
      }
    }
    out += mapped
  }
  return out
}

// Characters that may sit between the digits of one code: spaces of every
// width, hyphens and dashes, dots, and the invisible direction marks that an
// RTL message puts around numbers when it is copied.
const JOINER = '[\\s\\u00a0\\u2000-\\u200f\\u2010-\\u2015\\u2028-\\u202f\\u2060-\\u206f\\u2212\\u061c\\ufeff.\\-_]'
const RUN = new RegExp(`\\d(?:${JOINER}{0,3}\\d)*`, 'g')

/**
 * Returns the ASCII digits of a code found in `text`, at most `length` of them.
 *
 * Typed keys and pasted codes are simply converted: `١٢٣ ٤٥٦` → `123456`.
 * A pasted SMS ("Your OnDi code is 123-456. Do not share it.") holds other
 * numbers too, so a run of digits that makes exactly `length` digits is
 * preferred over the rest; failing that, all digits are kept from the start.
 *
 * Never throws, whatever the input.
 *
 * @example
 * normalizeOtp('Your code is 123-456. It expires in 5 minutes.', 6) // '123456'
 */
export function normalizeOtp(text: string, length: number): string {
  if (typeof text !== 'string' || !(length > 0)) return ''
  const ascii = toAsciiDigits(text)
  const runs = ascii.match(RUN)
  if (!runs) return ''
  const digitsOf = (run: string) => run.replace(/\D/g, '')
  if (runs.length > 1) {
    for (const run of runs) {
      const digits = digitsOf(run)
      if (digits.length === length) return digits
    }
  }
  return digitsOf(runs.join('')).slice(0, length)
}

/** Whether `value` is a complete code: exactly `length` ASCII digits. */
export function isCompleteOtp(value: string, length: number): boolean {
  return value.length === length && /^\d+$/.test(value)
}
