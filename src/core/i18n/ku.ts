import type { OtpMessages } from './types.js'

// Sorani keeps a noun singular after a numeral (٣ هەوڵ, ٤٥ چرکە), so only
// the `one` category ever needs its own wording.
const NEW_CODE = 'داوای کۆدێکی نوێ بکە.'
const AGAIN = 'دووبارە هەوڵ بدەرەوە.'

/** The Sorani Kurdish texts (Arabic script; the API's `ku`). */
export const ku: OtpMessages = {
  title: 'پشتڕاستکردنەوەی ژمارەی مۆبایل',
  codeLabel: 'کۆدی پشتڕاستکردنەوە',
  codeDescription: ({ length, format }) => `کۆدی ${format.number(length)} ژمارەیی بنووسە`,
  cellLabel: ({ index, length, format }) => `ژمارەی ${format.number(index)} لە ${format.number(length)}`,
  instructions: ({ phone, format }) =>
    `ئەو کۆدە بنووسە کە ناردمان بۆ ${phone ? format.ltr(phone) : 'مۆبایلەکەت'}.`,
  verify: 'پشتڕاستکردنەوە',
  verifying: 'پشتڕاست دەکرێتەوە…',
  verified: 'ژمارەی مۆبایلەکەت پشتڕاست کرایەوە',
  wrongNumber: 'ژمارەکە هەڵەیە؟',

  attemptsLeft: ({ count, format }) =>
    `کۆدەکە هەڵەیە. ${format.plural(count, { one: 'تەنها # هەوڵت ماوە', other: '# هەوڵت ماوە' })}.`,
  lastAttempt: 'کۆدەکە هەڵەیە. ئەمە دوایین هەوڵتە.',
  invalidCode: `ئەم کۆدە دروست نییە. بیپشکنە و ${AGAIN}`,
  codeLocked: `هەوڵەکانت تەواو بوون. ${NEW_CODE}`,
  codeExpired: `ماوەی ئەم کۆدە بەسەرچووە. ${NEW_CODE}`,
  codeDead: `ئەم کۆدە ئیتر بەکارنایەت. ${NEW_CODE}`,

  resend: 'دووبارە ناردنەوەی کۆد',
  resendIn: ({ seconds, format }) => `دووبارە ناردنەوە دوای ${format.ltr(format.countdown(seconds))}`,
  resending: 'دەنێردرێت…',
  codeResent: 'کۆدێکی نوێ نێردرا',
  resendAvailableIn: ({ seconds, format }) => `دوای ${format.duration(seconds)} دەتوانیت داوای کۆدێکی نوێ بکەیت`,
  resendAvailable: 'ئێستا دەتوانیت داوای کۆدێکی نوێ بکەیت',
  rateLimited: ({ seconds, format }) =>
    `تکایە ${seconds ? format.duration(seconds) : 'کەمێک'} چاوەڕێ بکە پێش ئەوەی داوای کۆدێکی تر بکەیت.`,

  alreadyVerified: 'ئەم ژمارە مۆبایلە پێشتر پشتڕاست کراوەتەوە.',
  customerNotFound: 'ئەم کڕیارە نەدۆزرایەوە. ژمارەی مۆبایلەکە بپشکنە.',
  unauthorized: 'ئێستا ناتوانین پشتڕاستی بکەینەوە (دەستگەیشتن ڕەتکرایەوە). تکایە دواتر هەوڵ بدەرەوە.',
  network: `پەیوەندی نییە. ئینتەرنێتەکەت بپشکنە و ${AGAIN}`,
  timeout: `ئەمە زۆری خایاند. ${AGAIN}`,
  server: `هەڵەیەک لەلای ئێمە ڕوویدا. ${AGAIN}`,
  badResponse: `وەڵامێکی چاوەڕواننەکراومان وەرگرت. ${AGAIN}`,
  invalidRequest: `داواکارییەکە نەنێردرا. ژمارەی مۆبایلەکە بپشکنە و ${AGAIN}`,
  invalidPhone: 'ژمارەی مۆبایلەکە دروست نییە.',
  unsupported: 'دووبارە ناردنەوەی کۆد لێرە بەردەست نییە.',
  genericError: `هەڵەیەک ڕوویدا. ${AGAIN}`,
  retry: 'دووبارە هەوڵ بدەرەوە',

  codeRequired: 'کۆدەکە بنووسە.',
  codeIncomplete: ({ length, format }) => `کۆدەکە بە تەواوی بنووسە: ${format.number(length)} ژمارە.`,
  codeDigitsOnly: 'تەنها ژمارە بنووسە.',

  sessionExpired: 'ماوەی پشتڕاستکردنەوەکەت بەسەرچوو. تکایە دووبارە پشتڕاستی بکەرەوە.',
  sessionExpiresIn: ({ seconds, format }) => `پشتڕاستکردنەوەکەت دوای ${format.duration(seconds)} بەسەردەچێت`,

  duration: ({ minutes, seconds, format }) =>
    [
      minutes ? `${format.number(minutes)} خولەک` : '',
      seconds || !minutes ? `${format.number(seconds)} چرکە` : '',
    ]
      .filter(Boolean)
      .join(' و '),
}
