'use client'
import { useMutation } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import type { OtpError } from '../core/errors.js'
import type { OtpCustomer, OtpSession, OndiTarget, OystrTarget, VerifyResult } from '../core/types.js'
import { useOtpContext } from './OtpContext.js'
import { useLatest } from './useLatest.js'
import { otpKeys } from './otpKeys.js'
import { useTargetState } from './useTargetState.js'

/** Whom a code belongs to: `{ phone }` for ondi, `{ customerId }` or `{ trackingCode }` for oystr. */
export type OtpTarget = OndiTarget | OystrTarget

/** What `onVerified` gets. */
export interface VerifiedDetails {
  customer: OtpCustomer
  session?: OtpSession
  raw: unknown
}

/** Options of {@link useVerifyOtp}. */
export interface UseVerifyOtpOptions {
  /** Called once, when the server accepts a code. */
  onVerified?: (details: VerifiedDetails) => void
  /** Called with each error shown to the user (never for a cancelled request). */
  onError?: (error: OtpError) => void
}

/** What {@link useVerifyOtp} returns. */
export interface UseVerifyOtpResult {
  /** Sends a code; sends nothing for a code the server already judged in this cycle. */
  verify: (code: string) => void
  /** Like `verify`, as a promise of the result. */
  verifyAsync: (code: string) => Promise<VerifyResult>
  isPending: boolean
  /** The last error of the current code cycle, if any. */
  error: OtpError | null
  /** The verified customer and session, once verified. */
  data: VerifyResult | null
  isVerified: boolean
  /** Attempts left for the current code; `null` when the back end does not say. */
  attemptsRemaining: number | null
  /** The code is dead (expired or too many attempts) until a new one is sent. */
  isLocked: boolean
  /** Why it is locked, when it is. */
  lockReason: 'expired' | 'too_many_attempts' | 'unknown' | null
  /** Clears this hook's error. */
  reset: () => void
}

interface Variables {
  code: string
  cycle: number
}

/**
 * Verifies codes for one target. Verdicts are final for a code cycle (a
 * known-wrong code is never sent again); failures (network, timeout, 5xx)
 * may be retried with the same code. Never retries on its own.
 *
 * @example
 * const { verify, isPending, error, attemptsRemaining } = useVerifyOtp(
 *   { phone: '+9647501234567' },
 *   { onVerified: ({ customer, session }) => placeOrder(customer, session) },
 * )
 */
export function useVerifyOtp(target: OtpTarget, options: UseVerifyOtpOptions = {}): UseVerifyOtpResult {
  const context = useOtpContext('useVerifyOtp')
  const { controller, queryClient } = context
  const key = controller.keyOf(target)
  const state = useTargetState(context, key)

  const latest = useLatest({ target, options })
  const controllers = useRef(new Set<AbortController>())
  useEffect(() => {
    const live = controllers.current
    return () => live.forEach((c) => c.abort())
  }, [])

  const mutation = useMutation<VerifyResult, OtpError, Variables>(
    {
      mutationKey: otpKeys.verify(key),
      mutationFn: async ({ code }) => {
        const abort = new AbortController()
        controllers.current.add(abort)
        try {
          return await controller.verify(latest.current.target, code, abort.signal)
        } finally {
          controllers.current.delete(abort)
        }
      },
      // A blind retry can burn an attempt, and offline must end in `network`
      // rather than wait: whatever the host's QueryClient defaults say.
      retry: 0,
      networkMode: 'always',
      // The verdicts live in the controller, not in the mutation: drop it as
      // soon as nothing watches it, rather than keep a timer and the answer
      // for five minutes after every unmount.
      gcTime: 0,
    },
    queryClient,
  )

  const notified = useRef<VerifyResult | null>(null)
  const { mutateAsync } = mutation
  const verifyAsync = useCallback(
    (code: string) =>
      mutateAsync({ code, cycle: controller.store.get(key).cycle }).then(
        (result) => {
          if (notified.current !== result) {
            notified.current = result
            latest.current.options.onVerified?.({ customer: result.customer, session: result.session, raw: result.raw })
          }
          return result
        },
        (error: OtpError) => {
          if (error.kind !== 'aborted') latest.current.options.onError?.(error)
          throw error
        },
      ),
    [mutateAsync, controller, key],
  )
  const verify = useCallback((code: string) => void verifyAsync(code).catch(() => {}), [verifyAsync])

  // An error belongs to the cycle it came from: once a new code is sent,
  // "wrong code" no longer applies. A cancelled request is no news to anyone.
  const { error: rawError, variables } = mutation
  const error = rawError && rawError.kind !== 'aborted' && variables?.cycle === state.cycle ? rawError : null

  return {
    verify,
    verifyAsync,
    isPending: mutation.isPending,
    error,
    data: state.verified,
    isVerified: state.verified !== null,
    attemptsRemaining: state.attemptsRemaining,
    isLocked: state.dead !== null,
    lockReason: state.dead,
    reset: mutation.reset,
  }
}
