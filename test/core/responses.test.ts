import { describe, expect, it } from 'vitest'
import type { JsonResponse } from '../../src/core/http'
import { badResponse, bodyOf, errorForStatus, isSixDigits, serverMessageOf } from '../../src/core/responses'

const NOW = Date.UTC(2024, 0, 1, 12)

function answer(status: number, json: unknown, headers: Record<string, string> = {}): JsonResponse {
  return { status, headers: new Headers(headers), json, isJson: json !== undefined }
}

describe('isSixDigits', () => {
  it('takes exactly six ASCII digits', () => {
    expect(isSixDigits('012345')).toBe(true)
    for (const code of ['12345', '1234567', '12345a', '١٢٣٤٥٦', ' 123456', '123456\n']) expect(isSixDigits(code), code).toBe(false)
  })
})

describe('bodyOf and serverMessageOf', () => {
  it('read only a JSON object, never an array, null, text or a number', () => {
    expect(bodyOf(answer(200, { a: 1 }))).toEqual({ a: 1 })
    for (const json of [[1], null, 'text', 5, undefined]) expect(bodyOf(answer(200, json))).toEqual({})
  })

  it('take the server’s message, else its error, as text of at most 500 characters', () => {
    expect(serverMessageOf(answer(400, { message: 'Wrong', error: 'E' }))).toBe('Wrong')
    expect(serverMessageOf(answer(400, { error: 'Denied' }))).toBe('Denied')
    expect(serverMessageOf(answer(400, { message: 42 }))).toBeNull()
    expect(serverMessageOf(answer(502, undefined))).toBeNull()
    expect(serverMessageOf(answer(400, { message: 'x'.repeat(5000) }))).toHaveLength(500)
  })
})

describe('errorForStatus', () => {
  it('reads 5xx as server, 401 and 403 as unauthorized, 404 as customer not found, each with its status and message', () => {
    const cases: Array<[number, string]> = [[500, 'server'], [502, 'server'], [503, 'server'], [401, 'unauthorized'], [403, 'unauthorized'], [404, 'customer_not_found']]
    for (const [status, kind] of cases) {
      expect(errorForStatus(answer(status, { message: 'm' }), NOW), String(status)).toMatchObject({ kind, status, serverMessage: 'm' })
    }
  })

  it('leaves every other status to the adapter', () => {
    for (const status of [200, 201, 400, 409, 418, 422, 499]) expect(errorForStatus(answer(status, {}), NOW), String(status)).toBeNull()
  })

  it('reads a 429’s wait from wait_time first, then Retry-After seconds or date, else none', () => {
    const wait = (json: unknown, headers: Record<string, string> = {}) => {
      const error = errorForStatus(answer(429, json, headers), NOW)
      return error?.kind === 'rate_limited' ? error.waitSeconds : 'not rate_limited'
    }
    expect(wait({ wait_time: 42 }, { 'Retry-After': '10' })).toBe(42)
    expect(wait({ wait_time: '7.2' })).toBe(8)
    expect(wait({}, { 'Retry-After': '10' })).toBe(10)
    expect(wait({}, { 'Retry-After': new Date(NOW + 90_000).toUTCString() })).toBe(90)
    expect(wait({ wait_time: 'soon' }, { 'Retry-After': 'whenever' })).toBeNull()
    expect(wait(undefined)).toBeNull()
  })
})

describe('badResponse', () => {
  it('keeps the status and the server’s words beside the reason', () => {
    expect(badResponse(answer(200, { message: 'ok?' }), 'No data in a success')).toMatchObject({
      kind: 'bad_response',
      outcome: 'failure',
      status: 200,
      serverMessage: 'ok?',
      message: 'No data in a success',
    })
  })
})
