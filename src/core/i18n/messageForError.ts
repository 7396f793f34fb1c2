import type { OtpErrorDetails } from '../errors.js'
import type { Translator } from './types.js'

/**
 * The sentence to show for an error, or `null` for `aborted`, which the
 * shopper caused (or a newer request replaced) and never needs to read.
 * Takes an `OtpError` or just its details.
 *
 * @example messageForError(error, createTranslator('en')) // 'Wrong code. 3 attempts left.'
 */
export function messageForError(error: Readonly<OtpErrorDetails>, t: Translator): string | null {
  switch (error.kind) {
    case 'invalid_code': {
      const left = error.attemptsRemaining
      // Oystr never says how many are left; ondi may answer 0 for the code
      // that used the last attempt, which means the same as "too many".
      if (left == null) return t.invalidCode
      if (left <= 0) return t.codeLocked
      return left === 1 ? t.lastAttempt : t.attemptsLeft({ count: left })
    }
    case 'code_dead':
      return error.reason === 'expired'
        ? t.codeExpired
        : error.reason === 'too_many_attempts'
          ? t.codeLocked
          : t.codeDead
    case 'rate_limited':
      return t.rateLimited({ seconds: error.waitSeconds })
    case 'already_verified':
      return t.alreadyVerified
    case 'customer_not_found':
      return t.customerNotFound
    case 'unauthorized':
      return t.unauthorized
    case 'invalid_request':
      return t.invalidRequest
    case 'network':
      return t.network
    case 'timeout':
      return t.timeout
    case 'server':
      return t.server
    case 'bad_response':
      return t.badResponse
    case 'unsupported':
      return t.unsupported
    case 'aborted':
      return null
    default:
      // A kind added to OtpErrorKind without a case fails to compile here;
      // at run time (a plain-JS adapter's own kind) the shopper still reads
      // something sensible.
      error satisfies never
      return t.genericError
  }
}
