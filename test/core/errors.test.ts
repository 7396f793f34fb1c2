import { describe, expect, it, vi } from 'vitest'
import { createOtpError, isOtpError, isVerdictKind, OtpErrorKind, toOtpError } from '../../src/core/errors'

describe('createOtpError', () => {
  it('makes a real Error carrying its kind, facts, status and the server’s words', () => {
    const error = createOtpError({ kind: 'invalid_code', attemptsRemaining: 2, status: 400, serverMessage: 'Wrong' })
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name: 'OtpError',
      kind: 'invalid_code',
      attemptsRemaining: 2,
      outcome: 'verdict',
      status: 400,
      serverMessage: 'Wrong',
    })
    expect(error.message).toBe('invalid_code {"attemptsRemaining":2}')
    expect(String(error)).toBe('OtpError: invalid_code {"attemptsRemaining":2}')
  })

  it('defaults status and server message to null and keeps a given message and cause', () => {
    const cause = new TypeError('Failed to fetch')
    const error = createOtpError({ kind: 'network', message: 'No answer', cause })
    expect(error).toMatchObject({ status: null, serverMessage: null, message: 'No answer', outcome: 'failure' })
    expect(error.cause).toBe(cause)
    expect('cause' in createOtpError({ kind: 'network' })).toBe(false)
    expect(createOtpError({ kind: 'server' }).message).toBe('server')
  })

  it('calls only the server’s word on the code a verdict, so nothing retries it', () => {
    const verdicts = Object.values(OtpErrorKind).filter(isVerdictKind)
    expect(verdicts.sort()).toEqual(['already_verified', 'code_dead', 'customer_not_found', 'invalid_code'])
    for (const kind of Object.values(OtpErrorKind)) {
      const details = kind === 'invalid_code' ? { kind, attemptsRemaining: null } : kind === 'code_dead' ? { kind, reason: 'expired' as const } : kind === 'rate_limited' ? { kind, waitSeconds: null } : { kind }
      expect(createOtpError(details).outcome, kind).toBe(isVerdictKind(kind) ? 'verdict' : 'failure')
    }
  })
})

describe('isOtpError', () => {
  it('knows the kit’s errors and nothing that merely looks like one', () => {
    expect(isOtpError(createOtpError({ kind: 'timeout' }))).toBe(true)
    for (const value of [
      null,
      undefined,
      0,
      'OtpError',
      new Error('timeout'),
      { name: 'OtpError', kind: 'timeout', outcome: 'failure' },
      Object.assign(new Error('x'), { name: 'OtpError', kind: 'timeout' }),
      JSON.parse(JSON.stringify(createOtpError({ kind: 'timeout' }))),
    ]) {
      expect(isOtpError(value), String(value)).toBe(false)
    }
  })

  it('knows an error made by another copy of the kit on the same page', async () => {
    vi.resetModules()
    try {
      const other = await import('../../src/core/errors')
      expect(other.createOtpError).not.toBe(createOtpError)
      const foreign = other.createOtpError({ kind: 'rate_limited', waitSeconds: 30 })
      expect(isOtpError(foreign)).toBe(true)
      expect(toOtpError(foreign)).toBe(foreign)
      expect(other.isOtpError(createOtpError({ kind: 'server' }))).toBe(true)
    } finally {
      vi.resetModules()
    }
  })
})

describe('toOtpError', () => {
  it('passes an OtpError through as the same object', () => {
    const error = createOtpError({ kind: 'code_dead', reason: 'expired' })
    expect(toOtpError(error)).toBe(error)
  })

  it('turns any other thrown value into a bad_response that keeps it as the cause', () => {
    const odd: unknown[] = [new Error('boom'), 'a string', 42, null, undefined, { kind: 'invalid_code' }, Symbol('s'), [1, 2]]
    for (const value of odd) {
      const error = toOtpError(value)
      expect(isOtpError(error)).toBe(true)
      expect(error).toMatchObject({ kind: 'bad_response', outcome: 'failure', status: null, serverMessage: null })
      if (value === undefined) expect('cause' in error).toBe(false)
      else expect(error.cause).toBe(value)
    }
  })
})
