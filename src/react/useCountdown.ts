'use client'
import { useCallback, useSyncExternalStore } from 'react'
import { msUntilNextTick, secondsUntil } from '../core/countdown.js'

const serverSeconds = () => 0

/**
 * Whole seconds left until `deadline` (epoch ms), re-rendering once each time
 * the number changes and never otherwise. One timer, woken exactly when the
 * shown second changes; the number is always `deadline - now`, so a throttled
 * background tab shows the truth the moment it wakes. Renders 0 on the server
 * and during hydration, then the true value.
 *
 * @example
 * const secondsLeft = useCountdown(resendDeadline)
 * return secondsLeft > 0 ? <span>{secondsLeft}</span> : <button>Resend</button>
 */
export function useCountdown(deadline: number | null | undefined): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (deadline == null) return () => {}
      let timer: ReturnType<typeof setTimeout> | undefined
      const schedule = () => {
        const wait = msUntilNextTick(deadline, Date.now())
        if (wait <= 0) return
        timer = setTimeout(() => {
          onChange()
          schedule()
        }, wait)
      }
      schedule()
      return () => clearTimeout(timer)
    },
    [deadline],
  )
  const read = useCallback(() => secondsUntil(deadline, Date.now()), [deadline])
  return useSyncExternalStore(subscribe, read, serverSeconds)
}
