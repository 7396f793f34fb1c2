import { afterEach, describe, expect, it, vi } from 'vitest'
import { createOtpSandbox } from '../../src/testing.js'
import { createSandboxClock } from '../../src/testing/createSandboxClock.js'
import { T0 } from './transports.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('the sandbox clock', () => {
  it('moves on top of its time source with clock.advance and clock.set', () => {
    const sandbox = createOtpSandbox({ now: () => T0 })
    sandbox.clock.advance(1500)
    expect(sandbox.clock.now()).toBe(T0 + 1500)
    sandbox.clock.set(Date.UTC(2030, 0, 1))
    expect(sandbox.clock.now()).toBe(Date.UTC(2030, 0, 1))
    expect(() => sandbox.clock.advance(-1)).toThrow(RangeError)
    expect(() => sandbox.clock.set(Number.NaN)).toThrow(RangeError)
  })

  it('ends a sleep by a real (or fake) timer or by moving the clock', async () => {
    vi.useFakeTimers({ now: T0 })
    const sandbox = createOtpSandbox()
    const byTimer = vi.fn()
    void sandbox.clock.sleep(1000).then(byTimer)
    await vi.advanceTimersByTimeAsync(999)
    expect(byTimer).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(byTimer).toHaveBeenCalled()
    const byClock = vi.fn()
    void sandbox.clock.sleep(60_000).then(byClock)
    sandbox.clock.advance(60_000)
    await Promise.resolve()
    expect(byClock).toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('createSandboxClock', () => {
  it('reads its time source on each call, plus what advance and set added', () => {
    let source = T0
    const clock = createSandboxClock(() => source)
    expect(clock.now()).toBe(T0)
    source += 250
    expect(clock.now()).toBe(T0 + 250)
    clock.advance(1000)
    source += 10
    expect(clock.now()).toBe(T0 + 1260)
    clock.set(T0)
    source += 5
    expect(clock.now()).toBe(T0 + 5)
  })

  it('follows Date.now when given no source, so fake timers move it', () => {
    vi.useFakeTimers({ now: T0 })
    const clock = createSandboxClock()
    vi.advanceTimersByTime(42)
    expect(clock.now()).toBe(T0 + 42)
  })

  it('refuses a negative or non-finite step and a non-finite time, with a sentence, and stays where it was', () => {
    const clock = createSandboxClock(() => T0)
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => clock.advance(ms)).toThrow(/clock.advance takes a duration >= 0/)
    expect(() => clock.set(Number.POSITIVE_INFINITY)).toThrow(/clock.set takes epoch milliseconds/)
    expect(clock.now()).toBe(T0)
  })

  it('wakes only the sleepers whose time has come, when set jumps past them', async () => {
    const clock = createSandboxClock(() => T0)
    const woke: string[] = []
    void clock.sleep(1000).then(() => woke.push('1s'))
    void clock.sleep(5000).then(() => woke.push('5s'))
    clock.set(T0 + 1000)
    await Promise.resolve()
    expect(woke).toEqual(['1s'])
    clock.advance(3999)
    await Promise.resolve()
    expect(woke).toEqual(['1s'])
    clock.advance(1)
    await Promise.resolve()
    expect(woke).toEqual(['1s', '5s'])
  })

  it('ends a sleep of zero or less on the next timer tick', async () => {
    vi.useFakeTimers({ now: T0 })
    const clock = createSandboxClock()
    const woke = vi.fn()
    void clock.sleep(-50).then(woke)
    await vi.advanceTimersByTimeAsync(0)
    expect(woke).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('moving the clock backwards wakes nobody', async () => {
    const clock = createSandboxClock(() => T0)
    const woke = vi.fn()
    void clock.sleep(1000).then(woke)
    clock.set(T0 - 60_000)
    await Promise.resolve()
    expect(woke).not.toHaveBeenCalled()
    clock.advance(61_000)
    await Promise.resolve()
    expect(woke).toHaveBeenCalledTimes(1)
  })
})
