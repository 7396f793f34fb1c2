'use client'
import type { CodeDeadReason, OtpError } from '../core/errors.js'
import { useOtpContext } from './OtpContext.js'
import { useTargetState } from './useTargetState.js'
import type { OtpTarget } from '../core/types.js'

/** What {@link useOtpStatus} returns. */
export interface UseOtpStatusResult {
  /** Attempts left for the current code; `null` when the back end does not say. */
  attemptsRemaining: number | null
  isLocked: boolean
  lockReason: CodeDeadReason | null
  /** The latest verdict of the current code cycle (a wrong or dead code). */
  lastVerdict: OtpError | null
  /** Counts the verdicts of this cycle, so the same sentence twice still reads as news. */
  verdictCount: number
  isVerified: boolean
  /** Counts the codes sent; changes when a new code goes out. */
  codeCycle: number
}

/**
 * The shared state of one target, read-only: what every part of the widget
 * shows, whichever hook changed it.
 *
 * @example
 * const { attemptsRemaining, isLocked } = useOtpStatus({ phone })
 */
export function useOtpStatus(target: OtpTarget): UseOtpStatusResult {
  const context = useOtpContext('useOtpStatus')
  const state = useTargetState(context, context.controller.keyOf(target))
  return {
    attemptsRemaining: state.attemptsRemaining,
    isLocked: state.dead !== null,
    lockReason: state.dead,
    lastVerdict: state.lastVerdict,
    verdictCount: Object.keys(state.verdicts).length + (state.dead ? 1 : 0),
    isVerified: state.verified !== null,
    codeCycle: state.cycle,
  }
}
