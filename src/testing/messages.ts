import type { SandboxLanguage } from './types.js'

/**
 * The `message` strings of every answer, per language. English is verbatim
 * from the OnDi documents where they show one; Arabic and Sorani Kurdish are
 * this sandbox's own wording, because the back end's is not published. The kit
 * must not depend on them: they exist so a UI can be seen in all three.
 */
const en = {
  verified: 'OTP verified successfully. Customer is now verified.',
  invalidCode: 'Invalid verification code',
  expired: 'Verification code has expired. Please request a new OTP.',
  tooManyAttempts: 'Too many failed attempts. Please request a new OTP.',
  sent: 'OTP sent successfully to your phone.',
  rateLimited: 'Please wait before requesting another OTP',
  alreadyVerified: 'Customer is already verified',
  customerNotFound: 'Customer not found',
  unauthorized: 'Unauthorized',
  sessionExpired: 'Session token has expired. Verify again to renew it.',
  badJson: 'The request body is not valid JSON',
  badPhone: 'Phone number must be in international format, for example +9647501234567',
  badCode: 'The verification code must be 6 digits',
  targetRequired: 'Either phone or customer_id is required',
  oystrTargetRequired: 'Either customer_id or tracking_code is required',
  oystrBadOtp: 'otp must be a 6 digit numeric string',
  oystrVerified: 'Customer verified',
  orderCreated: 'Order created',
  serverError: 'Internal server error',
  notFound: 'Not found',
  methodNotAllowed: 'Method not allowed',
  tooLarge: 'Request body is too large',
}

/** Keys of the message table. */
export type MessageKey = keyof typeof en

// A left-to-right mark keeps the leading + of a phone number on the left in right-to-left text.
const ar: Record<MessageKey, string> = {
  verified: 'تم التحقق من الرمز بنجاح. أصبح حساب العميل موثقاً الآن.',
  invalidCode: 'رمز التحقق غير صحيح',
  expired: 'انتهت صلاحية رمز التحقق. يرجى طلب رمز جديد.',
  tooManyAttempts: 'تجاوزت عدد المحاولات المسموح بها. يرجى طلب رمز جديد.',
  sent: 'تم إرسال رمز التحقق إلى هاتفك بنجاح.',
  rateLimited: 'يرجى الانتظار قبل طلب رمز جديد',
  alreadyVerified: 'تم التحقق من هذا العميل مسبقاً',
  customerNotFound: 'العميل غير موجود',
  unauthorized: 'غير مصرح بالوصول',
  sessionExpired: 'انتهت صلاحية رمز الجلسة. تحقق مرة أخرى لتجديده.',
  badJson: 'محتوى الطلب ليس بصيغة JSON صحيحة',
  badPhone: 'يجب كتابة رقم الهاتف بالصيغة الدولية، مثل \u200E+9647501234567',
  badCode: 'يجب أن يتكون رمز التحقق من 6 أرقام',
  targetRequired: 'يجب إرسال رقم الهاتف أو معرّف العميل',
  oystrTargetRequired: 'يجب إرسال معرّف العميل أو رمز التتبع',
  oystrBadOtp: 'يجب أن يتكون رمز التحقق من 6 أرقام',
  oystrVerified: 'تم التحقق من العميل',
  orderCreated: 'تم إنشاء الطلب',
  serverError: 'حدث خطأ داخلي في الخادم',
  notFound: 'غير موجود',
  methodNotAllowed: 'طريقة الطلب غير مسموح بها',
  tooLarge: 'حجم الطلب كبير جداً',
}

const ku: Record<MessageKey, string> = {
  verified: 'کۆدەکە بە سەرکەوتوویی پشتڕاستکرایەوە. کڕیار ئێستا پشتڕاستکراوەتەوە.',
  invalidCode: 'کۆدی پشتڕاستکردنەوە هەڵەیە',
  expired: 'کاتی کۆدی پشتڕاستکردنەوە بەسەرچووە. تکایە داوای کۆدێکی نوێ بکە.',
  tooManyAttempts: 'ژمارەی هەوڵە هەڵەکان لە سنوور تێپەڕی. تکایە داوای کۆدێکی نوێ بکە.',
  sent: 'کۆدی پشتڕاستکردنەوە بە سەرکەوتوویی بۆ مۆبایلەکەت نێردرا.',
  rateLimited: 'تکایە پێش داواکردنی کۆدێکی تر چاوەڕێ بکە',
  alreadyVerified: 'ئەم کڕیارە پێشتر پشتڕاستکراوەتەوە',
  customerNotFound: 'کڕیار نەدۆزرایەوە',
  unauthorized: 'ڕێگەپێنەدراو',
  sessionExpired: 'کاتی تۆکنی دانیشتن بەسەرچووە. بۆ نوێکردنەوەی دووبارە پشتڕاستی بکەرەوە.',
  badJson: 'ناوەڕۆکی داواکارییەکە JSONی دروست نییە',
  badPhone: 'ژمارەی مۆبایل دەبێت بە شێوازی نێودەوڵەتی بێت، بۆ نموونە \u200E+9647501234567',
  badCode: 'کۆدی پشتڕاستکردنەوە دەبێت 6 ژمارە بێت',
  targetRequired: 'ژمارەی مۆبایل یان ناسنامەی کڕیار پێویستە',
  oystrTargetRequired: 'ناسنامەی کڕیار یان کۆدی بەدواداچوون پێویستە',
  oystrBadOtp: 'کۆدی پشتڕاستکردنەوە دەبێت 6 ژمارە بێت',
  oystrVerified: 'کڕیار پشتڕاستکرایەوە',
  orderCreated: 'داواکارییەکە تۆمارکرا',
  serverError: 'هەڵەیەکی ناوخۆیی لە ڕاژەکار ڕوویدا',
  notFound: 'نەدۆزرایەوە',
  methodNotAllowed: 'ئەم شێوازە ڕێگەپێدراو نییە',
  tooLarge: 'قەبارەی داواکارییەکە زۆر گەورەیە',
}

const tables: Record<SandboxLanguage, Record<MessageKey, string>> = { en, ar, ku }

/** The `message` for a key in a language. */
export function message(key: MessageKey, language: SandboxLanguage): string {
  return tables[language][key]
}

/** Reads `?language=`; anything but `ar` or `ku` (absent, `fr`, `EN`) means English. */
export function languageOf(url: URL): SandboxLanguage {
  const value = url.searchParams.get('language')?.trim().toLowerCase()
  return value === 'ar' || value === 'ku' ? value : 'en'
}

/** The SMS body. Arabic counts minutes with its own plural forms. */
export function smsText(code: string, ttlMs: number, language: SandboxLanguage): string {
  const minutes = Math.max(1, Math.ceil(ttlMs / 60_000))
  switch (language) {
    case 'ar':
      return `رمز التحقق الخاص بك: ${code}. صالح لمدة ${arabicMinutes(minutes)}.`
    case 'ku':
      return `کۆدی پشتڕاستکردنەوەکەت: ${code}. بۆ ماوەی ${minutes} خولەک کار دەکات.`
    default:
      return `Your verification code is ${code}. It expires in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  }
}

function arabicMinutes(n: number): string {
  if (n === 1) return 'دقيقة واحدة'
  if (n === 2) return 'دقيقتين'
  const lastTwo = n % 100
  if (lastTwo >= 3 && lastTwo <= 10) return `${n} دقائق`
  return `${n} دقيقة`
}
