import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../../src/core/i18n/index.js'

describe('en', () => {
  it('chooses the English one/other forms', () => {
    const e = createTranslator('en')
    expect(e.attemptsLeft({ count: 1 })).toBe('Wrong code. 1 attempt left.')
    expect(e.attemptsLeft({ count: 0 })).toBe('Wrong code. 0 attempts left.')
    expect(e.attemptsLeft({ count: 4 })).toBe('Wrong code. 4 attempts left.')
  })
})
