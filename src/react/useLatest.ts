'use client'
import { useEffect, useLayoutEffect, useRef } from 'react'

/** useLayoutEffect in the browser, useEffect on the server (where neither runs). */
export const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * A ref that always holds the latest `value`, updated before effects and
 * event handlers run: callbacks read the host's newest props without being
 * re-created on every render.
 */
export function useLatest<T>(value: T) {
  const ref = useRef(value)
  useIsomorphicLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
