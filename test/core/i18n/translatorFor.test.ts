import { describe, expect, it } from 'vitest'
import { ar, en, translatorFor, type OtpMessages } from '../../../src/core/i18n/index.js'

describe('translatorFor', () => {
  it('speaks from the one table it is given, with that language’s facts and digits', () => {
    const t = translatorFor('ar', ar)
    expect([t.language, t.locale, t.lang, t.dir]).toEqual(['ar', 'ar-IQ', 'ar', 'rtl'])
    expect(t.verify).toBe(ar.verify)
    expect(t.attemptsLeft({ count: 3 })).toBe('رمز غير صحيح. تبقّت لديك ٣ محاولات.')
    expect(t.messages).toBe(ar)
  })

  it('speaks a host’s own table, passing the language’s formatters to its functions', () => {
    const own: OtpMessages = {
      ...en,
      verify: 'Confirm',
      attemptsLeft: ({ count, format }) => `Left: ${format.number(count)}`,
    }
    const t = translatorFor('ar', own)
    expect(t.verify).toBe('Confirm')
    expect(t.attemptsLeft({ count: 12 })).toBe('Left: ١٢')
    expect(translatorFor('en', own).attemptsLeft({ count: 12 })).toBe('Left: 12')
  })

  it('hands back the same translator for the same table and language, so renders and ticks build none', () => {
    expect(translatorFor('en', en)).toBe(translatorFor('en', en))
    expect(translatorFor('ar', en)).not.toBe(translatorFor('en', en))
    expect(translatorFor('en', { ...en })).not.toBe(translatorFor('en', en))
  })
})
