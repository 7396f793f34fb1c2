import { describe, expect, it } from 'vitest'
import { classifyOndiResendError, classifyOndiVerifyError } from '../../../src/core/adapters/ondiClassify'
import type { JsonResponse } from '../../../src/core/http'

function res(status: number, json: unknown, headers: Record<string, string> = {}): JsonResponse {
  return { status, headers: new Headers(headers), json, isJson: json !== undefined }
}

const NOW = 1_700_000_000_000

describe('classifyOndiVerifyError', () => {
  it('reads attempts_remaining as a wrong code, in any language', () => {
    for (const message of ['Invalid verification code', 'رمز التحقق غير صحيح', 'کۆدەکە هەڵەیە']) {
      const error = classifyOndiVerifyError(res(400, { success: false, message, attempts_remaining: 3 }), 4, NOW)
      expect(error).toMatchObject({ kind: 'invalid_code', attemptsRemaining: 3, outcome: 'verdict', status: 400, serverMessage: message })
    }
  })

  it('treats attempts_remaining 0 as locked, like "Too many failed attempts"', () => {
    const zero = classifyOndiVerifyError(res(400, { success: false, message: 'Invalid verification code', attempts_remaining: 0 }), 1, NOW)
    const text = classifyOndiVerifyError(res(400, { success: false, message: 'Too many failed attempts. Please request a new OTP.' }), 1, NOW)
    expect(zero).toMatchObject({ kind: 'code_dead', reason: 'too_many_attempts' })
    expect(text).toMatchObject({ kind: 'code_dead', reason: 'too_many_attempts' })
  })

  it('reads the English expiry text as expired even right after a wrong code', () => {
    const error = classifyOndiVerifyError(res(400, { success: false, message: 'Verification code has expired. Please request a new OTP.' }), 1, NOW)
    expect(error).toMatchObject({ kind: 'code_dead', reason: 'expired' })
  })

  // The server words these in the request's language; the kit has never seen
  // these sentences, so only the attempt count can tell them apart.
  it.each([
    ['ar', 'انتهت صلاحية هذا الرمز، اطلب رمزاً جديداً'],
    ['ku', 'ماوەی ئەم کۆدە بەسەرچووە'],
    ['ar', 'محاولات كثيرة جداً'],
    ['ku', 'هەوڵی زۆر دراوە'],
  ])('classifies an unseen %s message after one attempt left as too many attempts', (_lang, message) => {
    const error = classifyOndiVerifyError(res(400, { success: false, message }), 1, NOW)
    expect(error).toMatchObject({ kind: 'code_dead', reason: 'too_many_attempts', serverMessage: message })
  })

  it.each([
    ['ar', 'انتهت صلاحية هذا الرمز'],
    ['ku', 'ماوەی ئەم کۆدە بەسەرچووە'],
  ])('classifies an unseen %s message with attempts to spare as a dead code of unknown reason', (_lang, message) => {
    expect(classifyOndiVerifyError(res(400, { success: false, message }), 4, NOW)).toMatchObject({ kind: 'code_dead', reason: 'unknown' })
    expect(classifyOndiVerifyError(res(400, { success: false, message }), null, NOW)).toMatchObject({ kind: 'code_dead', reason: 'unknown' })
  })

  it('copes with attempts_remaining as a string, negative or unreadable', () => {
    expect(classifyOndiVerifyError(res(400, { success: false, attempts_remaining: '2' }), 3, NOW)).toMatchObject({ kind: 'invalid_code', attemptsRemaining: 2 })
    expect(classifyOndiVerifyError(res(400, { success: false, attempts_remaining: -1 }), 3, NOW)).toMatchObject({ kind: 'code_dead', reason: 'too_many_attempts' })
    expect(classifyOndiVerifyError(res(400, { success: false, attempts_remaining: 'many' }), 3, NOW)).toMatchObject({ kind: 'invalid_code', attemptsRemaining: null })
  })

  it('maps statuses that mean the same on every route', () => {
    expect(classifyOndiVerifyError(res(401, { message: 'Unauthorized' }), 5, NOW)).toMatchObject({ kind: 'unauthorized', outcome: 'failure' })
    expect(classifyOndiVerifyError(res(403, undefined), 5, NOW)).toMatchObject({ kind: 'unauthorized' })
    expect(classifyOndiVerifyError(res(404, { message: 'Customer not found' }), 5, NOW)).toMatchObject({ kind: 'customer_not_found', outcome: 'verdict' })
    expect(classifyOndiVerifyError(res(502, undefined), 5, NOW)).toMatchObject({ kind: 'server', status: 502, outcome: 'failure' })
  })

  it('calls unreadable answers bad responses, never a verdict', () => {
    expect(classifyOndiVerifyError(res(400, undefined), 5, NOW)).toMatchObject({ kind: 'bad_response', outcome: 'failure' })
    expect(classifyOndiVerifyError(res(400, { success: false }), 1, NOW)).toMatchObject({ kind: 'bad_response' })
    expect(classifyOndiVerifyError(res(200, { success: false, message: 'nope' }), 1, NOW)).toMatchObject({ kind: 'bad_response' })
    expect(classifyOndiVerifyError(res(200, [1, 2]), 1, NOW)).toMatchObject({ kind: 'bad_response' })
  })

  it('still reads a wrong code from a 200 that says success: false', () => {
    expect(classifyOndiVerifyError(res(200, { success: false, attempts_remaining: 2 }), 3, NOW)).toMatchObject({ kind: 'invalid_code', attemptsRemaining: 2 })
  })
})

describe('classifyOndiResendError', () => {
  it('reads wait_time from a 429, as a number or a string', () => {
    expect(classifyOndiResendError(res(429, { success: false, message: 'Please wait before requesting another OTP', wait_time: 45 }), NOW)).toMatchObject({ kind: 'rate_limited', waitSeconds: 45 })
    expect(classifyOndiResendError(res(429, { wait_time: '30' }), NOW)).toMatchObject({ kind: 'rate_limited', waitSeconds: 30 })
  })
  it('falls back to a readable Retry-After, then to nothing', () => {
    expect(classifyOndiResendError(res(429, { success: false }, { 'Retry-After': '12' }), NOW)).toMatchObject({ kind: 'rate_limited', waitSeconds: 12 })
    expect(classifyOndiResendError(res(429, { success: false }), NOW)).toMatchObject({ kind: 'rate_limited', waitSeconds: null })
  })
  it('reads "already verified" in English and the one documented 400 in other languages', () => {
    expect(classifyOndiResendError(res(400, { success: false, message: 'Customer is already verified' }), NOW)).toMatchObject({ kind: 'already_verified' })
    expect(classifyOndiResendError(res(400, { success: false, message: 'ئەم کڕیارە پێشتر پشتڕاستکراوەتەوە' }), NOW)).toMatchObject({ kind: 'already_verified' })
  })
  it('reads not found from a 404 or its English text', () => {
    expect(classifyOndiResendError(res(404, undefined), NOW)).toMatchObject({ kind: 'customer_not_found' })
    expect(classifyOndiResendError(res(422, { message: 'Customer not found' }), NOW)).toMatchObject({ kind: 'customer_not_found' })
  })
  it('calls an HTML 502 a server error and an HTML 200 a bad response', () => {
    expect(classifyOndiResendError(res(502, undefined), NOW)).toMatchObject({ kind: 'server' })
    expect(classifyOndiResendError(res(200, undefined), NOW)).toMatchObject({ kind: 'bad_response' })
  })
})
