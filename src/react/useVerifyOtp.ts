'use client'
import { useCallback, useEffect, useRef } from 'react'
import type { CodeDeadReason, OtpError } from '../core/errors.js'
import type { OtpTarget, VerifiedDetails, VerifyResult } from '../core/types.js'
import { useOtpContext } from './OtpContext.js'
import { useCallerAborts } from './useCallerAborts.js'
import { useLatest } from './useLatest.js'
import { useTargetState } from './useTargetState.js'

export type { OtpTarget, VerifiedDetails } from '../core/types.js'

/** Options of {@link useVerifyOtp}. */
export interface UseVerifyOtpOptions {
  /** Called once per verification of the target, whichever component sent the code. */
  onVerified?: (details: VerifiedDetails) => void
  /** Called with each error of this hook's own calls (never for a cancelled request). */
  onError?: (error: OtpError) => void
}

/** What {@link useVerifyOtp} returns. */
export interface UseVerifyOtpResult {
  /** Sends a code; sends nothing for a code the server already judged in this cycle. */
  verify: (code: string) => void
  /** Like `verify`, as a promise of the result. */
  verifyAsync: (code: string) => Promise<VerifyResult>
  /** A verify of this target is on its way, from this component or another. */
  isPending: boolean
  /** The target's last verify error in the current code cycle, if any. */
  error: OtpError | null
  /** The verified customer and session, once verified. */
  data: VerifyResult | null
  isVerified: boolean
  /** Attempts left for the current code; `null` when the back end does not say. */
  attemptsRemaining: number | null
  /** The code is dead (expired or too many attempts) until a new one is sent. */
  isLocked: boolean
  /** Why it is locked, when it is. */
  lockReason: CodeDeadReason | null
  /** Clears the target's last verify error. */
  reset: () => void
}

/**
 * Verifies codes for one target: a view of the target's state in the
 * provider, which every hook on the same target shares. Verdicts are final
 * for a code cycle (a known-wrong code is never sent again); failures
 * (network, timeout, 5xx) may be retried with the same code. Never retries
 * on its own. Unmounting cancels this hook's calls, not other components'.
 *
 * @example
 * const { verify, isPending, error, attemptsRemaining } = useVerifyOtp(
 *   { phone: '+9647501234567' },
 *   { onVerified: ({ customer, session }) => placeOrder(customer, session) },
 * )
 */
export function useVerifyOtp(target: OtpTarget, options: UseVerifyOtpOptions = {}): UseVerifyOtpResult {
  const context = useOtpContext('useVerifyOtp')
  const { controller } = context
  const key = controller.keyOf(target)
  const state = useTargetState(context, key)
  const latest = useLatest({ target, options })
  const aborts = useCallerAborts()

  // Told when the target becomes verified while this hook watches, once per
  // result: the answer may come from any component's request.
  const told = useRef<VerifyResult | null>(null)
  const { store } = controller
  useEffect(() => {
    told.current = store.get(key).verified
    const check = () => {
      const result = store.get(key).verified
      if (result === null || result === told.current) return
      told.current = result
      latest.current.options.onVerified?.({ customer: result.customer, session: result.session, raw: result.raw })
    }
    check()
    return store.subscribe(check)
  }, [store, key, latest])

  const verifyAsync = useCallback(
    (code: string) =>
      aborts.run((signal) => controller.verify(latest.current.target, code, signal)).catch((error: OtpError) => {
        if (error.kind !== 'aborted') latest.current.options.onError?.(error)
        throw error
      }),
    [aborts, controller, latest],
  )
  const verify = useCallback((code: string) => void verifyAsync(code).catch(() => {}), [verifyAsync])
  const reset = useCallback(() => controller.clearError(latest.current.target, 'verify'), [controller, latest])

  return {
    verify,
    verifyAsync,
    isPending: state.isVerifying,
    error: state.verifyError,
    data: state.verified,
    isVerified: state.verified !== null,
    attemptsRemaining: state.attemptsRemaining,
    isLocked: state.dead !== null,
    lockReason: state.dead,
    reset,
  }
}
