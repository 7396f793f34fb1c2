import { describe, expect, it } from 'vitest'
import { createTranslator, pluralCategory } from '../../../src/core/i18n/index.js'
import { allSentences } from '../../support/sentences.js'

describe('ku', () => {
  it('writes Sorani with Kurdish letters, not their Arabic look-alikes', () => {
    const text = allSentences(createTranslator('ku')).join('\n')
    // ك U+0643, ي U+064A, ى U+0649 belong to Arabic; Sorani uses ک ی and ends words with ە, not ه.
    expect(text).not.toMatch(/[\u0643\u064A\u0649]/)
    expect(text).not.toMatch(/\u0647(?![\u0600-\u06FF])/)
    expect(text).toMatch(/\u06D5/)
    expect(text).toMatch(/[\u0695\u06B5\u06CE\u06C6]/)
  })

  it('chooses the Sorani one/other forms', () => {
    const k = createTranslator('ku')
    expect(pluralCategory(1, 'ku')).toBe('one')
    expect(pluralCategory(2, 'ku')).toBe('other')
    expect(k.attemptsLeft({ count: 1 })).toBe('کۆدەکە هەڵەیە. تەنها ١ هەوڵت ماوە.')
    expect(k.attemptsLeft({ count: 4 })).toBe('کۆدەکە هەڵەیە. ٤ هەوڵت ماوە.')
  })
})
