import { describe, expect, it } from 'vitest'
import { createResendDeadlineStorage, hashKey } from '../../src/core/resendStorage'

const KEY = 'ondi:+9647501234567'
const NOW = Date.UTC(2026, 10, 23, 10)

/** A Web Storage area in memory, with what was written kept for inspection. */
function memoryStorage(): Storage & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  return {
    entries,
    get length() {
      return entries.size
    },
    key: (index) => [...entries.keys()][index] ?? null,
    getItem: (name) => entries.get(name) ?? null,
    setItem: (name, value) => void entries.set(name, String(value)),
    removeItem: (name) => void entries.delete(name),
    clear: () => entries.clear(),
  }
}

/** Storage that refuses everything, as Safari's private mode or a full quota does. */
const refusing = {
  getItem() {
    throw new DOMException('denied', 'SecurityError')
  },
  setItem() {
    throw new DOMException('full', 'QuotaExceededError')
  },
  removeItem() {
    throw new DOMException('denied', 'SecurityError')
  },
} as unknown as Storage

describe('createResendDeadlineStorage', () => {
  it('gives back a saved deadline while it is still ahead', () => {
    const area = memoryStorage()
    const storage = createResendDeadlineStorage(() => area)
    storage.save(KEY, NOW + 30_000.4)
    expect(storage.load(KEY, NOW)).toBe(NOW + 30_000)
    expect(storage.load(KEY, NOW + 29_999)).toBe(NOW + 30_000)
  })

  it('stores the deadline and nothing else, under a name that does not spell the phone', () => {
    const area = memoryStorage()
    createResendDeadlineStorage(() => area).save(KEY, NOW + 30_000)
    expect([...area.entries]).toEqual([[`otp-kit:resend:${hashKey(KEY)}`, String(NOW + 30_000)]])
    const written = JSON.stringify([...area.entries])
    for (const part of ['7501234567', '750', '4567', 'ondi']) expect(written).not.toContain(part)
  })

  it('keeps each target under its own name', () => {
    const area = memoryStorage()
    const storage = createResendDeadlineStorage(() => area)
    storage.save(KEY, NOW + 30_000)
    storage.save('ondi:+9647501234568', NOW + 60_000)
    expect(area.entries.size).toBe(2)
    expect(storage.load(KEY, NOW)).toBe(NOW + 30_000)
    expect(storage.load('ondi:+9647501234568', NOW)).toBe(NOW + 60_000)
    expect(storage.load('ondi:+9647501234569', NOW)).toBeNull()
  })

  it('drops a deadline that has passed, so storage does not keep it', () => {
    const area = memoryStorage()
    const storage = createResendDeadlineStorage(() => area)
    storage.save(KEY, NOW + 30_000)
    expect(storage.load(KEY, NOW + 30_000)).toBeNull()
    expect(area.entries.size).toBe(0)
  })

  it.each(['soon', '', 'NaN', 'Infinity'])('drops an unreadable stored value (%j)', (value) => {
    const area = memoryStorage()
    area.setItem(`otp-kit:resend:${hashKey(KEY)}`, value)
    expect(createResendDeadlineStorage(() => area).load(KEY, NOW)).toBeNull()
    expect(area.entries.size).toBe(0)
  })

  it('works without storage: no area, or one that throws on every call, only loses the countdown across reloads', () => {
    for (const area of [() => undefined, () => refusing]) {
      const storage = createResendDeadlineStorage(area)
      expect(() => storage.save(KEY, NOW + 30_000)).not.toThrow()
      expect(storage.load(KEY, NOW)).toBeNull()
    }
    const throwingArea = () => {
      throw new DOMException('blocked in a sandboxed iframe', 'SecurityError')
    }
    const storage = createResendDeadlineStorage(throwingArea)
    expect(() => storage.save(KEY, NOW + 30_000)).not.toThrow()
    expect(storage.load(KEY, NOW)).toBeNull()
  })
})

describe('hashKey', () => {
  it('is the same for the same target and differs for near ones', () => {
    expect(hashKey(KEY)).toBe(hashKey(KEY))
    expect(hashKey(KEY)).toMatch(/^[0-9a-z]+$/)
    const near = Array.from({ length: 100 }, (_, n) => hashKey(`ondi:+96475012345${String(n).padStart(2, '0')}`))
    expect(new Set(near).size).toBe(100)
  })
})
