'use client'
import { useMutation } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import { createOtpError, type OtpError } from '../core/errors.js'
import type { ResendResult } from '../core/types.js'
import { useOtpContext } from './OtpContext.js'
import { useLatest } from './useLatest.js'
import { otpKeys } from './otpKeys.js'
import { useCountdown } from './useCountdown.js'
import { useTargetState } from './useTargetState.js'
import type { OtpTarget } from './useVerifyOtp.js'

/** Options of {@link useResendOtp}. */
export interface UseResendOtpOptions {
  /**
   * When the host's own flow sent the first code (epoch ms or a Date): the
   * cooldown starts from then, so the first tap does not meet a 429. Read
   * when the hook mounts and when the target changes.
   */
  codeSentAt?: number | Date
  onSent?: (result: ResendResult) => void
  onError?: (error: OtpError) => void
}

/** What {@link useResendOtp} returns. */
export interface UseResendOtpResult {
  /** Asks for a new code; does nothing while `canResend` is false. */
  resend: () => void
  isPending: boolean
  error: OtpError | null
  /** Seconds until a resend may go; counts down once a second. */
  secondsLeft: number
  canResend: boolean
  /** Whether the back end can resend at all (Oystr cannot). */
  isSupported: boolean
  /** Epoch ms of the last code sent (through the kit or `codeSentAt`). */
  sentAt: number | null
  /** True from a successful send until the next resend or error. */
  isSent: boolean
}

/**
 * Resends codes for one target, with the countdown the server decides: a
 * 429's `wait_time` (or a readable `Retry-After`), else the provider's
 * cooldown after each send. The deadline survives a reload.
 *
 * @example
 * const { resend, canResend, secondsLeft } = useResendOtp({ phone }, { codeSentAt: sentAt })
 * <button disabled={!canResend} onClick={resend}>{canResend ? 'Resend' : `Wait ${secondsLeft}s`}</button>
 */
export function useResendOtp(target: OtpTarget, options: UseResendOtpOptions = {}): UseResendOtpResult {
  const context = useOtpContext('useResendOtp')
  const { controller, queryClient } = context
  const key = controller.keyOf(target)
  const state = useTargetState(context, key)
  const secondsLeft = useCountdown(state.resendDeadline)
  const isSupported = typeof controller.adapter().resend === 'function'

  const latest = useLatest({ target, options })

  // Storage and the clock are read after mount only: the server has neither.
  // `codeSentAt` is read once per target: an inline `Date.now()` would
  // otherwise restart the cooldown on every render.
  useEffect(() => {
    const { target: current, options: latestOptions } = latest.current
    const sentAt = latestOptions.codeSentAt
    controller.restoreDeadline(current)
    if (sentAt !== undefined) controller.noteCodeSent(current, sentAt instanceof Date ? sentAt.getTime() : sentAt)
  }, [controller, key])

  const abort = useRef<AbortController | null>(null)
  useEffect(() => () => abort.current?.abort(), [])

  const mutation = useMutation<ResendResult, OtpError, number>(
    {
      mutationKey: otpKeys.resend(key),
      mutationFn: () => {
        abort.current = new AbortController()
        return controller.resend(latest.current.target, abort.current.signal)
      },
      onSuccess: (result) => latest.current.options.onSent?.(result),
      onError: (error) => {
        if (error.kind !== 'aborted') latest.current.options.onError?.(error)
      },
      retry: 0,
      networkMode: 'always',
      // As in useVerifyOtp: the state lives in the controller; no timer after unmount.
      gcTime: 0,
    },
    queryClient,
  )

  const canResend = isSupported && secondsLeft === 0 && !mutation.isPending && state.verified === null
  const { mutate } = mutation
  const resend = useCallback(() => {
    if (canResend) mutate(state.cycle)
  }, [canResend, mutate, state.cycle])

  const rawError = mutation.error
  const error = !isSupported
    ? unsupported(controller.adapter().name)
    : rawError && rawError.kind !== 'aborted'
      ? rawError
      : null

  return {
    resend,
    isPending: mutation.isPending,
    error,
    secondsLeft,
    canResend,
    isSupported,
    sentAt: state.sentAt,
    isSent: mutation.isSuccess && mutation.variables === state.cycle - 1,
  }
}

const unsupportedErrors = new Map<string, OtpError>()
function unsupported(adapter: string): OtpError {
  let error = unsupportedErrors.get(adapter)
  if (!error) {
    error = createOtpError({ kind: 'unsupported', message: `The ${adapter} adapter cannot resend codes` })
    unsupportedErrors.set(adapter, error)
  }
  return error
}
