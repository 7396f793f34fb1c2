/**
 * Turning whatever a shopper typed, pasted or had autofilled into ASCII digits.
 */

/**
 * Maps every digit the kit accepts to ASCII 0-9 and leaves all else as it is:
 * Arabic-Indic (U+0660), Extended Arabic-Indic or Persian (U+06F0) and
 * full-width (U+FF10) digits. Each of those zeros is a multiple of 16, so
 * the digit is its code point's last hex figure.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (digit) => String(digit.charCodeAt(0) % 16))
}

// Characters that may sit between the digits of one code: white space of
// every width, dashes, dots, underscores, the minus sign, and the invisible
// format marks (direction marks and isolates) that an RTL message puts
// around numbers when it is copied.
const RUN = /\d(?:[\s\p{Pd}\p{Cf}\u2212._]{0,3}\d)*/gu

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
  const runs = (toAsciiDigits(text).match(RUN) ?? []).map((run) => run.replace(/\D/g, ''))
  return (runs.length > 1 && runs.find((digits) => digits.length === length)) || runs.join('').slice(0, length)
}
