import type { OtpMessages } from './types.js'

/** The English texts. */
export const en: OtpMessages = {
  title: 'Verify your phone number',
  codeLabel: 'Verification code',
  codeDescription: ({ length, format }) => `Enter the ${format.number(length)}-digit code`,
  cellLabel: ({ index, length, format }) => `Digit ${format.number(index)} of ${format.number(length)}`,
  instructions: ({ phone, format }) =>
    phone ? `Enter the code we sent to ${format.ltr(phone)}.` : 'Enter the code we sent to your phone.',
  verify: 'Verify',
  verifying: 'Verifying…',
  verified: 'Phone number verified',
  wrongNumber: 'Wrong number?',

  attemptsLeft: ({ count, format }) =>
    `Wrong code. ${format.plural(count, { one: '# attempt', other: '# attempts' })} left.`,
  lastAttempt: 'Wrong code. This is your last attempt.',
  invalidCode: 'That code is not right. Check it and try again.',
  codeLocked: 'Too many attempts. Request a new code.',
  codeExpired: 'This code has expired. Request a new code.',
  codeDead: 'This code can no longer be used. Request a new code.',

  resend: 'Resend code',
  resendIn: ({ seconds, format }) => `Resend in ${format.ltr(format.countdown(seconds))}`,
  resending: 'Sending…',
  codeResent: 'New code sent',
  resendAvailableIn: ({ seconds, format }) => `You can request a new code in ${format.duration(seconds)}`,
  resendAvailable: 'You can request a new code now',
  rateLimited: ({ seconds, format }) =>
    `Please wait ${seconds ? format.duration(seconds) : 'a moment'} before requesting another code.`,

  alreadyVerified: 'This phone number is already verified.',
  customerNotFound: 'We could not find this customer. Check the phone number.',
  unauthorized: 'We could not verify right now (access denied). Please try again later.',
  network: 'No connection. Check your internet and try again.',
  timeout: 'This is taking too long. Try again.',
  server: 'Something went wrong on our side. Try again.',
  badResponse: 'We got an unexpected answer. Try again.',
  invalidRequest: 'We could not send this request. Check the phone number and try again.',
  invalidPhone: 'The phone number is not valid.',
  unsupported: 'Resending codes is not available here.',
  genericError: 'Something went wrong. Try again.',
  retry: 'Try again',

  codeRequired: 'Enter the code.',
  codeIncomplete: ({ length, format }) => `Enter all ${format.number(length)} digits.`,
  codeDigitsOnly: 'Use digits only.',

  sessionExpired: 'Your verification has expired. Please verify again.',
  sessionExpiresIn: ({ seconds, format }) => `Verified session expires in ${format.duration(seconds)}`,

  duration: ({ minutes, seconds, format }) =>
    [
      minutes ? format.plural(minutes, { one: '# minute', other: '# minutes' }) : '',
      seconds || !minutes ? format.plural(seconds, { one: '# second', other: '# seconds' }) : '',
    ]
      .filter(Boolean)
      .join(' '),
}
