/**
 * Text from every corner a shopper's input can come from, for the property
 * tests: digits of the scripts the kit reads, digits and digit-like symbols
 * of the scripts it does not, emoji, control and bidi characters, lone
 * surrogates, and pieces of real SMS messages.
 */
import fc from 'fast-check'

/** The digits the kit turns into ASCII: ASCII, Arabic-Indic, Persian, full-width. */
export const READ_DIGITS = '0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９'

// Digits of other scripts and things that look like digits: none of them is
// a digit of a code, so none of them may turn into one.
const OTHER_DIGITS = [
  ...'०१२३४५६७८९০১২৩৪৫๐๑๒๓၀၁၂߀߁߂᠐᠑',
  ...'¹²³⁴⁰₀₁₂①②③⑴⒈ⅣⅫ½¼',
  '𝟎', '𝟏', '𝟗', '𝟶', '𝟿', '🄁',
  '1\ufe0f\u20e3', '0\ufe0f\u20e3', '#\ufe0f\u20e3',
]
const BIDI = [...'\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069']
const CONTROL = [...'\u0000\u0007\b\t\n\r\u000b\u000c\u001b\u007f\u0085\u009f\u00ad\u2028\u2029\ufeff\ufffc\ufffd\u200b\u200c\u200d\u2060\ufe0f\u0301\u034f']
const SEPARATORS = [...' \u00a0\u2007\u2009\u202f\u3000-‐‑–—―−._,٫٬/:']
const EMOJI = ['👍🏽', '👨‍👩‍👧', '🇮🇶', '🔢', '🔟', '💯', '🙂']
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff']
const PIECES = [
  'Your OnDi code is ', '. Do not share it.', 'رمز التحقق الخاص بك هو ', 'کۆدی پشتڕاستکردنەوە: ',
  '@shop.example #', '+964 750 123 4567', 'Valid for 5 minutes', '<b>', '{Enter}', '[Backspace]', '\\',
]

/** One piece of hostile text: a character or a short run of them. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...READ_DIGITS) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER_DIGITS) },
  { weight: 2, arbitrary: fc.constantFrom(...BIDI) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 2, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  { weight: 1, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) },
)

/** Any string: arbitrary code points, or a mix of the pieces above. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: hostilePiece, maxLength: 16 }),
)

/** The ASCII digits a text holds once the kit's own digits are read: what a code can be made of. */
export function readableDigits(text: string): string {
  let out = ''
  for (const char of text) {
    const at = READ_DIGITS.indexOf(char)
    if (at >= 0) out += String(at % 10)
  }
  return out
}
