import { describe, expect, it } from 'vitest'
import { OtpErrorKind, type OtpErrorDetails } from '../../../src/core/errors.js'
import { createTranslator, messageForError } from '../../../src/core/i18n/index.js'
import { LANGUAGES } from '../../support/sentences.js'

describe('messageForError', () => {
  const sample = (kind: OtpErrorKind): OtpErrorDetails =>
    kind === 'invalid_code'
      ? { kind, attemptsRemaining: 3 }
      : kind === 'code_dead'
        ? { kind, reason: 'expired' }
        : kind === 'rate_limited'
          ? { kind, waitSeconds: 45 }
          : { kind }

  it('has its own sentence for every error kind except aborted, in every language', () => {
    for (const language of LANGUAGES) {
      const t = createTranslator(language)
      for (const kind of Object.values(OtpErrorKind)) {
        const message = messageForError(sample(kind), t)
        if (kind === 'aborted') {
          expect(message).toBeNull()
          continue
        }
        expect(message, `${language} ${kind}`).toBeTruthy()
        expect(message, `${language} ${kind} falls back to the generic sentence`).not.toBe(t.genericError)
      }
    }
  })

  it('gives distinct sentences to distinct kinds', () => {
    const t = createTranslator('en')
    const messages = Object.values(OtpErrorKind).map((kind) => messageForError(sample(kind), t))
    expect(new Set(messages).size).toBe(messages.length)
  })

  it('reads attempts left: a count, a last-attempt warning, locked at zero, unknown', () => {
    const t = createTranslator('en')
    const wrong = (attemptsRemaining: number | null) => messageForError({ kind: 'invalid_code', attemptsRemaining }, t)
    expect(wrong(3)).toBe('Wrong code. 3 attempts left.')
    expect(wrong(1)).toBe('Wrong code. This is your last attempt.')
    expect(wrong(0)).toBe('Too many attempts. Request a new code.')
    expect(wrong(null)).toBe('That code is not right. Check it and try again.')
    expect(messageForError({ kind: 'invalid_code', attemptsRemaining: 2 }, createTranslator('ar'))).toBe(
      'رمز غير صحيح. تبقّت لديك محاولتان.',
    )
  })

  it('reads why a code died', () => {
    const t = createTranslator('ku')
    expect(messageForError({ kind: 'code_dead', reason: 'expired' }, t)).toBe(t.codeExpired)
    expect(messageForError({ kind: 'code_dead', reason: 'too_many_attempts' }, t)).toBe(t.codeLocked)
    expect(messageForError({ kind: 'code_dead', reason: 'unknown' }, t)).toBe(t.codeDead)
    expect(new Set([t.codeExpired, t.codeLocked, t.codeDead]).size).toBe(3)
  })

  it('speaks the rate-limit wait, or asks for a moment when the server gave none', () => {
    const t = createTranslator('en')
    expect(messageForError({ kind: 'rate_limited', waitSeconds: 90 }, t)).toBe(
      'Please wait 1 minute 30 seconds before requesting another code.',
    )
    expect(messageForError({ kind: 'rate_limited', waitSeconds: null }, t)).toBe(
      'Please wait a moment before requesting another code.',
    )
    expect(messageForError({ kind: 'rate_limited', waitSeconds: 45 }, createTranslator('ar'))).toBe(
      'يُرجى الانتظار ٤٥ ثانية قبل طلب رمز آخر.',
    )
  })

  it('falls back to the generic sentence for a kind it does not know', () => {
    const t = createTranslator('en')
    expect(messageForError({ kind: 'brand_new' } as unknown as OtpErrorDetails, t)).toBe(t.genericError)
  })
})
