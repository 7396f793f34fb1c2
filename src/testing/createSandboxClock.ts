import type { SandboxClock } from './types.js'

interface Sleeper {
  deadline: number
  wake: () => void
}

/**
 * A clock over a time source plus an offset that `advance` and `set` move.
 * Sleeps end by a real timer or by moving the clock, whichever comes first,
 * so tests can use fake timers, a frozen time source, or both.
 */
export function createSandboxClock(source: () => number = () => Date.now()): SandboxClock {
  let offset = 0
  const sleepers = new Set<Sleeper>()
  const now = () => source() + offset

  const wakeDue = () => {
    const t = now()
    for (const sleeper of [...sleepers]) if (sleeper.deadline <= t) sleeper.wake()
  }

  return {
    now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance takes a duration >= 0 in ms, got ${ms}`)
      offset += ms
      wakeDue()
    },
    set(epochMs) {
      if (!Number.isFinite(epochMs)) throw new RangeError(`clock.set takes epoch milliseconds, got ${epochMs}`)
      offset = epochMs - source()
      wakeDue()
    },
    sleep(ms) {
      return new Promise<void>((resolve) => {
        const delay = Math.max(0, ms)
        const sleeper: Sleeper = {
          deadline: now() + delay,
          wake: () => {
            sleepers.delete(sleeper)
            globalThis.clearTimeout(timer)
            resolve()
          },
        }
        // globalThis is read here, not at import, so vi.useFakeTimers() applies.
        const timer = globalThis.setTimeout(() => sleeper.wake(), delay)
        sleepers.add(sleeper)
      })
    },
  }
}
