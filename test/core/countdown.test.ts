import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_WAIT_SECONDS, msUntilNextTick, parseRetryAfter, parseWaitSeconds, secondsUntil } from '../../src/core/countdown'

describe('secondsUntil', () => {
  it('rounds up partial seconds and never goes below zero', () => {
    expect(secondsUntil(10_000, 0)).toBe(10)
    expect(secondsUntil(10_000, 1)).toBe(10)
    expect(secondsUntil(10_000, 9_001)).toBe(1)
    expect(secondsUntil(10_000, 10_000)).toBe(0)
    expect(secondsUntil(10_000, 99_999)).toBe(0)
    expect(secondsUntil(null, 0)).toBe(0)
  })
  it('tells the truth after a long sleep, as a throttled tab would see it', () => {
    const deadline = 45_000
    expect(secondsUntil(deadline, 30_250)).toBe(15)
  })
})

describe('msUntilNextTick', () => {
  it('wakes exactly when the shown second changes', () => {
    expect(msUntilNextTick(10_000, 0)).toBe(1000)
    expect(msUntilNextTick(10_000, 250)).toBe(750)
    expect(msUntilNextTick(10_000, 9_999)).toBe(1)
    expect(msUntilNextTick(10_000, 10_000)).toBe(0)
  })
  it('always lands on a change of secondsUntil', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (now, left) => {
        const deadline = now + left
        const wait = msUntilNextTick(deadline, now)
        expect(secondsUntil(deadline, now + wait)).toBe(secondsUntil(deadline, now) - 1)
        expect(secondsUntil(deadline, now + wait - 1)).toBe(secondsUntil(deadline, now))
      }),
      { seed: 1, numRuns: 1000 },
    )
  })
})

describe('parseWaitSeconds', () => {
  it('reads numbers and numeric strings', () => {
    expect(parseWaitSeconds(45)).toBe(45)
    expect(parseWaitSeconds('45')).toBe(45)
    expect(parseWaitSeconds(1.2)).toBe(2)
  })
  it('treats zero and negative waits as now and caps huge ones', () => {
    expect(parseWaitSeconds(0)).toBe(0)
    expect(parseWaitSeconds(-5)).toBe(0)
    expect(parseWaitSeconds(1e12)).toBe(MAX_WAIT_SECONDS)
  })
  it('returns null for anything unusable', () => {
    for (const v of [undefined, null, '', 'soon', NaN, Infinity, {}, []]) expect(parseWaitSeconds(v)).toBeNull()
  })
})

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('30', 0)).toBe(30)
    const now = Date.parse('2026-11-23T10:00:00Z')
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:01:00 GMT', now)).toBe(60)
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(parseRetryAfter('garbage', now)).toBeNull()
  })
})
