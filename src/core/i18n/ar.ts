import type { Formatters, OtpMessages } from './types.js'

// Arabic counts its nouns in six CLDR forms: 1 and 2 are said by the noun
// alone (محاولة واحدة, محاولتان) without a digit, 3-10 take a plural, 11-99
// an accusative singular, 100+ a genitive singular. Durations and digits
// follow "بعد" or "انتظار", hence the oblique dual (ثانيتين).
const digits = (n: number, f: Formatters) =>
  f.plural(n, { one: 'رقم واحد', two: 'رقمين', few: '# أرقام', many: '# رقمًا', other: '# رقم' })

const NEW_CODE = 'اطلب رمزًا جديدًا.'
const AGAIN = 'حاول مرة أخرى.'

/** The Arabic texts (Modern Standard Arabic). */
export const ar: OtpMessages = {
  title: 'تأكيد رقم الهاتف',
  codeLabel: 'رمز التحقق',
  codeDescription: ({ length, format }) => `أدخل الرمز المكوّن من ${digits(length, format)}`,
  cellLabel: ({ index, length, format }) => `الرقم ${format.number(index)} من ${format.number(length)}`,
  instructions: ({ phone, format }) =>
    `أدخل الرمز الذي أرسلناه إلى ${phone ? format.ltr(phone) : 'هاتفك'}.`,
  verify: 'تحقّق',
  verifying: 'جارٍ التحقق…',
  verified: 'تم التحقق من رقم الهاتف',
  wrongNumber: 'رقم خاطئ؟',

  attemptsLeft: ({ count, format }) =>
    `رمز غير صحيح. ${format.plural(count, {
      zero: 'لم تتبقَّ لديك أي محاولة',
      one: 'تبقّت لديك محاولة واحدة',
      two: 'تبقّت لديك محاولتان',
      few: 'تبقّت لديك # محاولات',
      many: 'تبقّت لديك # محاولة',
      other: 'تبقّت لديك # محاولة',
    })}.`,
  lastAttempt: 'رمز غير صحيح. هذه محاولتك الأخيرة.',
  invalidCode: `الرمز غير صحيح. تحقّق منه و${AGAIN}`,
  codeLocked: `محاولات كثيرة جدًا. ${NEW_CODE}`,
  codeExpired: `انتهت صلاحية هذا الرمز. ${NEW_CODE}`,
  codeDead: `لم يعد بالإمكان استخدام هذا الرمز. ${NEW_CODE}`,

  resend: 'أعد إرسال الرمز',
  resendIn: ({ seconds, format }) => `إعادة الإرسال بعد ${format.ltr(format.countdown(seconds))}`,
  resending: 'جارٍ الإرسال…',
  codeResent: 'تم إرسال رمز جديد',
  resendAvailableIn: ({ seconds, format }) => `يمكنك طلب رمز جديد بعد ${format.duration(seconds)}`,
  resendAvailable: 'يمكنك الآن طلب رمز جديد',
  rateLimited: ({ seconds, format }) =>
    `يُرجى الانتظار ${seconds ? format.duration(seconds) : 'قليلًا'} قبل طلب رمز آخر.`,

  alreadyVerified: 'تم التحقق من رقم الهاتف هذا مسبقًا.',
  customerNotFound: 'لم نعثر على هذا العميل. تحقّق من رقم الهاتف.',
  unauthorized: 'تعذّر التحقق الآن (تم رفض الوصول). يُرجى المحاولة لاحقًا.',
  network: `لا يوجد اتصال. تحقّق من اتصالك بالإنترنت و${AGAIN}`,
  timeout: `استغرق الأمر وقتًا طويلًا. ${AGAIN}`,
  server: `حدث خطأ من جهتنا. ${AGAIN}`,
  badResponse: `تلقّينا ردًا غير متوقع. ${AGAIN}`,
  invalidRequest: `تعذّر إرسال الطلب. تحقّق من رقم الهاتف و${AGAIN}`,
  invalidPhone: 'رقم الهاتف غير صالح.',
  unsupported: 'إعادة إرسال الرمز غير متاحة هنا.',
  genericError: `حدث خطأ ما. ${AGAIN}`,
  retry: 'حاول مرة أخرى',

  codeRequired: 'أدخل الرمز.',
  codeIncomplete: ({ length, format }) => `أدخل الرمز كاملًا: ${digits(length, format)}.`,
  codeDigitsOnly: 'استخدم الأرقام فقط.',

  sessionExpired: 'انتهت صلاحية التحقق. يُرجى التحقق مرة أخرى.',
  sessionExpiresIn: ({ seconds, format }) => `تنتهي صلاحية التحقق بعد ${format.duration(seconds)}`,

  duration: ({ minutes, seconds, format }) =>
    [
      minutes
        ? format.plural(minutes, { one: 'دقيقة واحدة', two: 'دقيقتين', few: '# دقائق', other: '# دقيقة' })
        : '',
      seconds || !minutes
        ? format.plural(seconds, { one: 'ثانية واحدة', two: 'ثانيتين', few: '# ثوانٍ', other: '# ثانية' })
        : '',
    ]
      .filter(Boolean)
      .join(' و'),
}
