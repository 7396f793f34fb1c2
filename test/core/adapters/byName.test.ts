import { describe, expect, it } from 'vitest'
import { adapters, resolveAdapter } from '../../../src/core/adapters/byName'
import { ondiAdapter } from '../../../src/core/adapters/ondi'
import { oystrAdapter } from '../../../src/core/adapters/oystr'
import type { OtpAdapter } from '../../../src/core/types'

describe('resolveAdapter', () => {
  it('finds each built-in back end by its name', () => {
    expect(resolveAdapter('ondi')).toBe(ondiAdapter)
    expect(resolveAdapter('oystr')).toBe(oystrAdapter)
    expect(Object.keys(adapters).sort()).toEqual(['ondi', 'oystr'])
  })

  it('passes a host’s own adapter through as it is', () => {
    const mine: OtpAdapter<{ id: string }> = { name: 'mine', maxAttempts: 3, validateTarget() {}, targetKey: (t) => t.id, verify: async () => ({ customer: {}, raw: null }) }
    expect(resolveAdapter(mine)).toBe(mine)
  })

  it('refuses an unknown name with an invalid_request that lists the choices', () => {
    for (const name of ['OnDi', 'stripe', '', 'toString', 'constructor']) {
      expect(() => resolveAdapter(name as 'ondi'), name).toThrow(`Unknown adapter "${name}": use "ondi", "oystr" or an OtpAdapter`)
    }
  })
})
