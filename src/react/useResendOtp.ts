'use client'
import { useCallback, useEffect } from 'react'
import { createOtpError, type OtpError } from '../core/errors.js'
import type { OtpTarget, ResendResult } from '../core/types.js'
import { useOtpContext } from './OtpContext.js'
import { useCallerAborts } from './useCallerAborts.js'
import { useCountdown } from './useCountdown.js'
import { useLatest } from './useLatest.js'
import { useTargetState } from './useTargetState.js'

/** Options of {@link useResendOtp}. */
export interface UseResendOtpOptions {
  /**
   * When the host's own flow sent the first code (epoch ms or a Date): the
   * cooldown starts from then, so the first tap does not meet a 429. Read
   * when the hook mounts and when the target changes.
   */
  codeSentAt?: number | Date
  /** Called when a resend of this hook's own is accepted. */
  onSent?: (result: ResendResult) => void
  /** Called with each error of this hook's own resends (never for a cancelled one). */
  onError?: (error: OtpError) => void
}

/** What {@link useResendOtp} returns. */
export interface UseResendOtpResult {
  /** Asks for a new code; does nothing while `canResend` is false. */
  resend: () => void
  /** A resend of this target is on its way, from this component or another. */
  isPending: boolean
  /** The target's last resend error (`unsupported` when the back end cannot resend). */
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
  /** Clears the target's last resend error. */
  reset: () => void
}

/**
 * Resends codes for one target, with the countdown the server decides: a
 * 429's `wait_time` (or a readable `Retry-After`), else the provider's
 * cooldown after each send. The deadline survives a reload. A view of the
 * target's state in the provider: every hook on the same target shows the
 * same `isPending`, `error` and `isSent`.
 *
 * @example
 * const { resend, canResend, secondsLeft } = useResendOtp({ phone }, { codeSentAt: sentAt })
 * <button disabled={!canResend} onClick={resend}>{canResend ? 'Resend' : `Wait ${secondsLeft}s`}</button>
 */
export function useResendOtp(target: OtpTarget, options: UseResendOtpOptions = {}): UseResendOtpResult {
  const context = useOtpContext('useResendOtp')
  const { controller } = context
  const key = controller.keyOf(target)
  const state = useTargetState(context, key)
  const secondsLeft = useCountdown(state.resendDeadline)
  const isSupported = typeof controller.adapter().resend === 'function'
  const latest = useLatest({ target, options })
  const aborts = useCallerAborts()

  // Storage and the clock are read after mount only: the server has neither.
  // `codeSentAt` is read once per target: an inline `Date.now()` would
  // otherwise restart the cooldown on every render.
  useEffect(() => {
    const { target: current, options: latestOptions } = latest.current
    const sentAt = latestOptions.codeSentAt
    controller.restoreDeadline(current)
    if (sentAt !== undefined) controller.noteCodeSent(current, sentAt instanceof Date ? sentAt.getTime() : sentAt)
  }, [controller, key, latest])

  const canResend = isSupported && secondsLeft === 0 && !state.isResending && state.verified === null
  const resend = useCallback(() => {
    if (!canResend) return
    aborts.run((signal) => controller.resend(latest.current.target, signal)).then(
      (result) => latest.current.options.onSent?.(result),
      (error: OtpError) => {
        if (error.kind !== 'aborted') latest.current.options.onError?.(error)
      },
    )
  }, [aborts, canResend, controller, latest])
  const reset = useCallback(() => controller.clearError(latest.current.target, 'resend'), [controller, latest])

  return {
    resend,
    isPending: state.isResending,
    error: isSupported ? state.resendError : unsupported(controller.adapter().name),
    secondsLeft,
    canResend,
    isSupported,
    sentAt: state.sentAt,
    isSent: state.resent,
    reset,
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
