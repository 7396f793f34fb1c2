import { describe, expect, it } from 'vitest'
import { createTranslator, pluralCategory } from '../../../src/core/i18n/index.js'
import { allSentences } from '../../support/sentences.js'

describe('ar', () => {
  it('writes Arabic with Arabic letters, not Persian or Kurdish ones', () => {
    const text = allSentences(createTranslator('ar')).join('\n')
    expect(text).not.toMatch(/[\u06A9\u06CC\u06D5\u06CE\u06C6\u0695\u06B5\u06F0-\u06F9]/)
  })

  it('chooses each of the six Arabic forms, with the count in Arabic-Indic digits where Arabic writes one', () => {
    const t = createTranslator('ar')
    const cases: [number, Intl.LDMLPluralRule, string][] = [
      [0, 'zero', 'رمز غير صحيح. لم تتبقَّ لديك أي محاولة.'],
      [1, 'one', 'رمز غير صحيح. تبقّت لديك محاولة واحدة.'],
      [2, 'two', 'رمز غير صحيح. تبقّت لديك محاولتان.'],
      [3, 'few', 'رمز غير صحيح. تبقّت لديك ٣ محاولات.'],
      [11, 'many', 'رمز غير صحيح. تبقّت لديك ١١ محاولة.'],
      [100, 'other', 'رمز غير صحيح. تبقّت لديك ١٠٠ محاولة.'],
    ]
    for (const [count, category, sentence] of cases) {
      expect(pluralCategory(count, 'ar')).toBe(category)
      expect(t.attemptsLeft({ count })).toBe(sentence)
    }
    expect(new Set(cases.map(([count]) => t.attemptsLeft({ count }).replace(/[\u0660-\u0669]+/g, 'N'))).size).toBe(5)
  })

  it('counts digits with the right Arabic form in validation', () => {
    const t = createTranslator('ar')
    expect(t.codeIncomplete({ length: 6 })).toBe('أدخل الرمز كاملًا: ٦ أرقام.')
    expect(t.codeIncomplete({ length: 12 })).toBe('أدخل الرمز كاملًا: ١٢ رقمًا.')
    expect(t.codeDescription({ length: 6 })).toBe('أدخل الرمز المكوّن من ٦ أرقام')
    expect(createTranslator('en').codeIncomplete({ length: 6 })).toBe('Enter all 6 digits.')
  })
})
