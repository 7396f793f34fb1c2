import { describe, expect, it } from 'vitest'
import { dataAttr } from '../../src/react/dataAttr'

describe('dataAttr', () => {
  it('gives a state attribute present as "" or absent, never "false"', () => {
    for (const on of [true, 1, 'yes', {}]) expect(dataAttr(on)).toBe('')
    for (const off of [false, 0, '', null, undefined]) expect(dataAttr(off)).toBeUndefined()
  })
})
