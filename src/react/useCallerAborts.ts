'use client'
import { useEffect, useMemo } from 'react'

/** What {@link useCallerAborts} returns. */
export interface CallerAborts {
  /** Runs `call` with a signal of its own, aborted if the component unmounts first. */
  run<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T>
}

/**
 * One abort signal per call a component makes, all aborted when it
 * unmounts: the component's own calls end with it, while a request it shares
 * with another component goes on for that one.
 */
export function useCallerAborts(): CallerAborts {
  const live = useMemo(() => new Set<AbortController>(), [])
  useEffect(() => () => live.forEach((abort) => abort.abort()), [live])
  return useMemo(
    () => ({
      run(call) {
        const abort = new AbortController()
        live.add(abort)
        return call(abort.signal).finally(() => live.delete(abort))
      },
    }),
    [live],
  )
}
