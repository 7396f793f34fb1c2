import { describe, expect, it } from 'vitest'
import { header, isInternationalPhone, isoSeconds, json, JSON_TYPE, lowerKeys, parseUrl, readJsonObject, stringField } from '../../src/testing/http.js'

describe('the sandbox’s HTTP helpers', () => {
  it('answer JSON with a UTF-8 content type and header names in lower case', () => {
    expect(json(429, { wait_time: 3 }, { 'Retry-After': '3' })).toEqual({
      status: 429,
      headers: { 'content-type': JSON_TYPE, 'retry-after': '3' },
      body: '{"wait_time":3}',
    })
    expect(JSON_TYPE).toBe('application/json; charset=utf-8')
    expect(lowerKeys({ 'X-A': '1', b: '2' })).toEqual({ 'x-a': '1', b: '2' })
  })

  it('read a header whatever the case of its name, an empty one as absent', () => {
    const request = { method: 'POST', url: '/', headers: { 'X-Api-Key': 'k', Authorization: '', 'x-none': undefined } }
    expect(header(request, 'x-api-key')).toBe('k')
    expect(header(request, 'X-API-KEY')).toBe('k')
    expect(header(request, 'authorization')).toBeUndefined()
    expect(header(request, 'x-none')).toBeUndefined()
    expect(header({ method: 'GET', url: '/' }, 'x-api-key')).toBeUndefined()
  })

  it('read a bare path with its query as well as an absolute URL', () => {
    expect(parseUrl('/api/verify?language=ar').searchParams.get('language')).toBe('ar')
    expect(parseUrl('https://shop.test/a').host).toBe('shop.test')
  })

  it('take only a JSON object as a body', () => {
    expect(readJsonObject('{"phone":"+964"}')).toEqual({ phone: '+964' })
    for (const body of ['[1]', 'null', '"text"', '5', '', '{', undefined]) expect(readJsonObject(body), String(body)).toBeNull()
  })

  it('take a string field as sent, an empty string as absent, and nothing else as a string', () => {
    const body = { phone: ' +964 ', empty: '', number: 5, nothing: null }
    expect(stringField(body, 'phone')).toBe(' +964 ')
    for (const name of ['empty', 'number', 'nothing', 'missing']) expect(stringField(body, name), name).toBeUndefined()
  })

  it('call a phone international only as + and 8 to 15 digits, no spaces, no leading zero', () => {
    for (const phone of ['+12345678', '+964750123456789', '+9647501234567']) expect(isInternationalPhone(phone), phone).toBe(true)
    for (const phone of ['+1234567', '+9647501234567890', '+0964750123456', '9647501234567', '+964 750 123 4567', '+964750123456a']) {
      expect(isInternationalPhone(phone), phone).toBe(false)
    }
  })

  it('write times as ISO 8601 without milliseconds', () => {
    expect(isoSeconds(Date.UTC(2024, 0, 1, 12, 0, 0, 999))).toBe('2024-01-01T12:00:00Z')
  })
})
