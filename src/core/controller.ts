import { createAdapterClient, type OtpAdapterClientConfig } from './adapterClient.js'
import { createOtpError, toOtpError, type OtpError } from './errors.js'
import { normalizeOtp } from './normalize.js'
import type { ResendDeadlineStorage } from './resendStorage.js'
import { createVerificationStore, type TargetState, type VerificationStore } from './store.js'
import type { OtpAdapter, ResendResult, VerifyResult } from './types.js'

/** Which request {@link OtpControllerOptions.track} is given. */
export interface OtpRequestInfo {
  kind: 'verify' | 'resend'
  /** The target's store key. */
  key: string
}

/** What {@link createOtpController} takes. */
export interface OtpControllerOptions {
  /** Read on every call, so a changed language or token applies to the next request. */
  getConfig: () => OtpAdapterClientConfig & { adapter: OtpAdapter<any>; resendCooldownSeconds?: number } // eslint-disable-line @typescript-eslint/no-explicit-any
  storage?: ResendDeadlineStorage
  /**
   * Runs each request the controller makes, once per request however many
   * callers share it. The provider files it in the host's QueryClient as a
   * mutation here, so devtools and `useIsMutating` see it; the state itself
   * stays in the store.
   */
  track?: <T>(request: OtpRequestInfo, run: () => Promise<T>) => Promise<T>
}

/**
 * The rules of a verification, for every target at once: which codes may be
 * sent, what each answer changes, when a resend may go. Its store is the one
 * owner of each target's state, requests on their way and last errors
 * included; the React hooks are thin views of it.
 */
export interface OtpController {
  readonly store: VerificationStore
  adapter(): OtpAdapter<unknown>
  /** The store key of a target: the adapter's name and the target's own key. */
  keyOf(target: unknown): string
  /**
   * Sends a code, or answers from what is known. The same code as one on its
   * way joins that request; another code waits for it and is then judged as
   * if sent afterwards. `signal` cancels this caller's wait only: the request
   * is cancelled once every caller sharing it has cancelled.
   */
  verify(target: unknown, code: string, signal?: AbortSignal): Promise<VerifyResult>
  /** Asks for a new code; a second call while one is on its way joins it, with its own `signal` as above. */
  resend(target: unknown, signal?: AbortSignal): Promise<ResendResult>
  /** Clears the target's last verify or resend error. */
  clearError(target: unknown, of: 'verify' | 'resend'): void
  /** Starts the resend cooldown from a send the host's own flow made. */
  noteCodeSent(target: unknown, sentAt: number): void
  /** Loads a resend deadline kept from an earlier page. */
  restoreDeadline(target: unknown): void
}

const DEFAULT_COOLDOWN_SECONDS = 30

/** One request, shared by every caller that asked for the same thing while it was on its way. */
interface Flight<T> {
  promise: Promise<T>
  cancel: AbortController
  /** Callers that may still cancel; the request is cancelled when the last of them does. */
  callers: number
}

const aborted = () => createOtpError({ kind: 'aborted' })

function fly<T>(run: (signal: AbortSignal) => Promise<T>): Flight<T> {
  const cancel = new AbortController()
  const promise = run(cancel.signal)
  // Every caller may have gone by the time it settles: nobody is left to be told.
  promise.catch(() => undefined)
  return { promise, cancel, callers: 0 }
}

/**
 * The flight, unless it was cancelled: a request every caller left (a
 * component that unmounted, StrictMode's trial unmount) is not joined, a new
 * call sends again.
 */
function live<T extends Flight<unknown>>(flight: T | undefined): T | undefined {
  return flight && !flight.cancel.signal.aborted ? flight : undefined
}

/** Settles with `promise`, or rejects as cancelled as soon as `signal` aborts. */
function until<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const leave = () => {
      onAbort?.()
      reject(aborted())
    }
    if (signal.aborted) return leave()
    signal.addEventListener('abort', leave, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave))
  })
}

/** One caller's share of a request: its own abort ends its own wait. */
function join<T>(flight: Flight<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) {
    // A caller that cannot cancel keeps the request alive for good.
    flight.callers = Infinity
    return flight.promise
  }
  flight.callers += 1
  return until(flight.promise, signal, () => {
    flight.callers -= 1
    if (flight.callers === 0) flight.cancel.abort()
  })
}

/** Makes a controller with an empty store. */
export function createOtpController({ getConfig, storage, track = (_, run) => run() }: OtpControllerOptions): OtpController {
  const adapter = (): OtpAdapter<unknown> => getConfig().adapter
  const now = () => (getConfig().now ?? Date.now)()
  const store = createVerificationStore(() => adapter().maxAttempts)
  const verifying = new Map<string, Flight<VerifyResult> & { code: string }>()
  const resending = new Map<string, Flight<ResendResult>>()
  // Verify calls not yet settled, per target: `isVerifying` while any is.
  const verifyCalls = new Map<string, number>()

  const keyOf = (target: unknown) => {
    const current = adapter()
    try {
      return `${current.name}:${current.targetKey(target)}`
    } catch {
      return `${current.name}:invalid`
    }
  }

  const setDeadline = (key: string, deadline: number) => {
    store.update(key, () => ({ resendDeadline: deadline }))
    storage?.save(key, deadline)
  }

  // A stale answer (its cycle ended while it was on the way) must change
  // nothing: the shopper already has a new code.
  const stale = () => createOtpError({ kind: 'aborted', message: 'A new code was sent while this answer was on the way' })

  function judge(key: string, cycle: number, code: string, error: OtpError, before: TargetState): never {
    if (store.get(key).cycle !== cycle) throw stale()
    if (error.kind === 'invalid_code') {
      const left = error.attemptsRemaining ?? (before.attemptsRemaining === null ? null : Math.max(0, before.attemptsRemaining - 1))
      store.update(key, (s) => ({ attemptsRemaining: left, verdicts: { ...s.verdicts, [code]: error }, lastVerdict: error }))
    } else if (error.kind === 'code_dead') {
      store.update(key, () => ({
        dead: error.reason,
        attemptsRemaining: error.reason === 'too_many_attempts' ? 0 : before.attemptsRemaining,
        lastVerdict: error,
      }))
    } else if (error.outcome === 'verdict') {
      store.update(key, (s) => ({ verdicts: { ...s.verdicts, [code]: error } }))
    }
    throw error
  }

  async function attempt(key: string, target: unknown, code: string, signal: AbortSignal | undefined): Promise<VerifyResult> {
    const state = store.get(key)
    // Verdicts are final for a code cycle: nothing is sent that the server
    // has judged already, since a known-wrong code would burn an attempt.
    if (state.verified) return state.verified
    if (state.dead) throw createOtpError({ kind: 'code_dead', reason: state.dead, message: 'This code is dead: send a new one' })
    const verdict = state.verdicts[code]
    if (verdict) throw verdict
    // One request per target at a time. The same code (a double submit,
    // paste then Enter) joins the one on its way. Another code waits for it
    // and is then judged as if sent afterwards: its answer may have verified
    // or killed the code, or judged this one already.
    const pending = live(verifying.get(key))
    if (pending?.code === code) return join(pending, signal)
    // A code entered while a new one is being requested waits for that
    // answer: sent meanwhile, the server could judge it against the new code
    // while the kit filed the verdict under the old one. A new code ends the
    // old one; a resend that failed leaves it as it was.
    const before: Promise<unknown> | undefined = pending?.promise ?? live(resending.get(key))?.promise
    if (before) {
      await until(before.catch(() => undefined), signal)
      if (store.get(key).cycle !== state.cycle) throw stale()
      return attempt(key, target, code, signal)
    }

    // Cancelled by every caller, or by a new code: its answer could change nothing.
    const flight = fly((cancel) =>
      track({ kind: 'verify', key }, () =>
        createAdapterClient(adapter(), getConfig()).verify(target, code, { signal: cancel, previousAttemptsRemaining: state.attemptsRemaining }),
      )
        .then(
          (result) => {
            if (store.get(key).cycle !== state.cycle) throw stale()
            // Accepted is the last word of the cycle: a wrong code before it no longer applies.
            store.update(key, () => ({ verified: result, lastVerdict: null, verifyError: null }))
            if (result.session) store.setSession(result.session)
            return result
          },
          (error: unknown) => judge(key, state.cycle, code, toOtpError(error), state),
        )
        .finally(() => {
          if (verifying.get(key) === flight) verifying.delete(key)
        }),
    )
    verifying.set(key, Object.assign(flight, { code }))
    return join(flight, signal)
  }

  async function verify(target: unknown, rawCode: string, signal?: AbortSignal): Promise<VerifyResult> {
    const key = keyOf(target)
    const code = normalizeOtp(rawCode, rawCode.length)
    const { cycle } = store.get(key)
    const calls = (verifyCalls.get(key) ?? 0) + 1
    verifyCalls.set(key, calls)
    // A new try clears the last error, as a form's submit does.
    store.update(key, () => ({ isVerifying: true, verifyError: null }))
    const settle = (change: Partial<TargetState>) => {
      const left = (verifyCalls.get(key) ?? 1) - 1
      if (left === 0) verifyCalls.delete(key)
      else verifyCalls.set(key, left)
      store.update(key, () => ({ ...change, isVerifying: left > 0 }))
    }
    try {
      const result = await attempt(key, target, code, signal)
      settle({})
      return result
    } catch (error) {
      const otpError = toOtpError(error)
      // A cancelled request is no news; an error of an older code cycle no longer applies.
      const news = otpError.kind !== 'aborted' && store.get(key).cycle === cycle
      settle(news ? { verifyError: otpError } : {})
      throw otpError
    }
  }

  async function resend(target: unknown, signal?: AbortSignal): Promise<ResendResult> {
    const key = keyOf(target)
    const pending = live(resending.get(key))
    if (pending) return join(pending, signal)
    const config = getConfig()
    const cooldown = config.resendCooldownSeconds ?? DEFAULT_COOLDOWN_SECONDS
    store.update(key, () => ({ isResending: true, resendError: null, resent: false }))
    const flight = fly((cancel) =>
      track({ kind: 'resend', key }, () => createAdapterClient(config.adapter, config).resend(target, { signal: cancel }))
        .then(
          (result) => {
            store.update(key, (s) => ({
              cycle: s.cycle + 1,
              attemptsRemaining: adapter().maxAttempts,
              dead: null,
              verdicts: {},
              lastVerdict: null,
              sentAt: result.sentAt,
              verifyError: null,
              isResending: false,
              resendError: null,
              resent: true,
            }))
            setDeadline(key, result.sentAt + cooldown * 1000)
            // A verify still on its way was for the old code: the shopper is not kept waiting for it.
            verifying.get(key)?.cancel.abort()
            return result
          },
          (error: unknown) => {
            const otpError = toOtpError(error)
            // A resend cancelled and followed by another leaves the state to that one.
            if (resending.get(key) !== flight) throw otpError
            store.update(key, () => ({ isResending: false, resendError: otpError.kind === 'aborted' ? null : otpError }))
            // The server's wait wins; with none readable, the client cooldown.
            if (otpError.kind === 'rate_limited') setDeadline(key, now() + (otpError.waitSeconds ?? cooldown) * 1000)
            throw otpError
          },
        )
        .finally(() => {
          if (resending.get(key) === flight) resending.delete(key)
        }),
    )
    resending.set(key, flight)
    return join(flight, signal)
  }

  return {
    store,
    adapter,
    keyOf,
    verify,
    resend,
    clearError(target, of) {
      const key = keyOf(target)
      const state = store.get(key)
      if (of === 'verify' && state.verifyError) store.update(key, () => ({ verifyError: null }))
      if (of === 'resend' && state.resendError) store.update(key, () => ({ resendError: null }))
    },
    noteCodeSent(target, sentAt) {
      const key = keyOf(target)
      const deadline = sentAt + (getConfig().resendCooldownSeconds ?? DEFAULT_COOLDOWN_SECONDS) * 1000
      const state = store.get(key)
      if (state.sentAt === null || state.sentAt < sentAt) store.update(key, () => ({ sentAt }))
      if ((state.resendDeadline ?? 0) < deadline && deadline > now()) setDeadline(key, deadline)
    },
    restoreDeadline(target) {
      const key = keyOf(target)
      const saved = storage?.load(key, now())
      if (saved && saved > (store.get(key).resendDeadline ?? 0)) store.update(key, () => ({ resendDeadline: saved }))
    },
  }
}
