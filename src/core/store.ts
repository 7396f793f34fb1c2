import type { CodeDeadReason, OtpError } from './errors.js'
import type { OtpSession, VerifyResult } from './types.js'

/**
 * What the kit knows about one target (a phone, a customer id, a tracking
 * code): the current code cycle and its verdicts, the requests on their way
 * and their last errors, and the resend deadline. It is the one owner of
 * this state: every hook on the same target reads the same object. A new
 * cycle starts each time a code is sent.
 */
export interface TargetState {
  /** Counts the codes sent; a verify answer from an older cycle is ignored. */
  readonly cycle: number
  /** Attempts left for the current code; `null` when the back end does not say. */
  readonly attemptsRemaining: number | null
  /** Set once the current code can no longer be used. */
  readonly dead: CodeDeadReason | null
  /** The server's verdict on each code it judged in this cycle. */
  readonly verdicts: Readonly<Record<string, OtpError>>
  /** The latest verdict of this cycle (a wrong or dead code), for banners. */
  readonly lastVerdict: OtpError | null
  readonly verified: VerifyResult | null
  /** Epoch ms before which a resend would be refused; `null` when free. */
  readonly resendDeadline: number | null
  /** Epoch ms of the last code sent through the kit. */
  readonly sentAt: number | null
  /** A verify of this target is on its way, or waiting for one that is. */
  readonly isVerifying: boolean
  /** The last error of a verify in this code cycle (never a cancelled one); cleared by the next verify. */
  readonly verifyError: OtpError | null
  /** A resend of this target is on its way. */
  readonly isResending: boolean
  /** The last resend's error (never a cancelled one); cleared by the next resend. */
  readonly resendError: OtpError | null
  /** The current code came from a resend of the kit's, and no resend has been tried since. */
  readonly resent: boolean
}

/** A store of {@link TargetState} by target key, with one subscription list. */
export interface VerificationStore {
  get(key: string): TargetState
  update(key: string, change: (state: TargetState) => Partial<TargetState>): TargetState
  /** The session of the last successful verify, whatever the target. */
  getSession(): OtpSession | null
  setSession(session: OtpSession | null): void
  subscribe(listener: () => void): () => void
}

/** The state of a target nothing has happened to yet. */
export function initialTargetState(maxAttempts: number | null): TargetState {
  return {
    cycle: 0,
    attemptsRemaining: maxAttempts,
    dead: null,
    verdicts: {},
    lastVerdict: null,
    verified: null,
    resendDeadline: null,
    sentAt: null,
    isVerifying: false,
    verifyError: null,
    isResending: false,
    resendError: null,
    resent: false,
  }
}

/**
 * Makes an empty store. States are replaced, never mutated, so a snapshot
 * read by React stays what it was.
 */
export function createVerificationStore(maxAttemptsOf: (key: string) => number | null): VerificationStore {
  const states = new Map<string, TargetState>()
  const listeners = new Set<() => void>()
  let session: OtpSession | null = null
  const emit = () => listeners.forEach((listener) => listener())

  const get = (key: string) => {
    let state = states.get(key)
    if (!state) {
      state = initialTargetState(maxAttemptsOf(key))
      states.set(key, state)
    }
    return state
  }

  return {
    get,
    update(key, change) {
      const next = { ...get(key), ...change(get(key)) }
      states.set(key, next)
      emit()
      return next
    },
    getSession: () => session,
    setSession(next) {
      session = next
      emit()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
