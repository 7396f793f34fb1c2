import type { OtpMessages, Translator } from '../../src/core/i18n/index.js'
import type { Language } from '../../src/core/types.js'

/** The kit's three languages, in the order tests report them. */
export const LANGUAGES: Language[] = ['en', 'ar', 'ku']

// Fails to compile when OtpMessages gains or loses a key this list does not
// name, so the runtime check below always walks the whole interface.
export const KEYS = {
  codeLabel: 1, codeDescription: 1, cellLabel: 1, instructions: 1, verify: 1, verifying: 1, verified: 1,
  wrongNumber: 1, attemptsLeft: 1, lastAttempt: 1, invalidCode: 1, codeLocked: 1, codeExpired: 1,
  codeDead: 1, resend: 1, resendIn: 1, resending: 1, codeResent: 1, resendAvailableIn: 1,
  resendAvailable: 1, rateLimited: 1, alreadyVerified: 1, customerNotFound: 1, unauthorized: 1,
  network: 1, timeout: 1, server: 1, badResponse: 1, invalidRequest: 1, invalidPhone: 1,
  unsupported: 1, genericError: 1, retry: 1, codeRequired: 1, codeIncomplete: 1, codeDigitsOnly: 1,
  sessionExpired: 1, sessionExpiresIn: 1, duration: 1, title: 1,
} satisfies Record<keyof OtpMessages, 1>

/** Every sentence a table can produce for a spread of values. */
export function allSentences(t: Translator): string[] {
  const out: string[] = []
  for (const key of Object.keys(KEYS) as (keyof OtpMessages)[]) {
    const entry = t[key]
    if (typeof entry === 'string') {
      out.push(entry)
      continue
    }
    for (const n of [0, 1, 2, 3, 6, 11, 59, 60, 61, 90, 100, 102, 3600]) {
      const call = entry as (p: Record<string, unknown>) => string
      out.push(call({ count: n, seconds: n, length: n, index: n, minutes: n, phone: '+964 ••• ••• 4567' }))
    }
    if (key === 'instructions' || key === 'rateLimited') out.push(t[key]({ phone: null, seconds: null }))
  }
  return out
}
