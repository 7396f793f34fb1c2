import { createAdapterClient, type OtpAdapterClientConfig } from './adapterClient.js'
import { createOtpError, toOtpError, type OtpError } from './errors.js'
import { normalizeOtp } from './normalize.js'
import type { ResendDeadlineStorage } from './resendStorage.js'
import { createVerificationStore, type TargetState, type VerificationStore } from './store.js'
import type { OtpAdapter, ResendResult, VerifyResult } from './types.js'

/** What {@link createOtpController} takes. */
export interface OtpControllerOptions {
  /** Read on every call, so a changed language or token applies to the next request. */
  getConfig: () => OtpAdapterClientConfig & { adapter: OtpAdapter<any>; resendCooldownSeconds?: number } // eslint-disable-line @typescript-eslint/no-explicit-any
  storage?: ResendDeadlineStorage
}

/**
 * The rules of a verification, for every target at once: which codes may be
 * sent, what each answer changes, when a resend may go. The React hooks are
 * thin views of it.
 */
export interface OtpController {
  readonly store: VerificationStore
  adapter(): OtpAdapter<unknown>
  /** The store key of a target: the adapter's name and the target's own key. */
  keyOf(target: unknown): string
  verify(target: unknown, code: string, signal?: AbortSignal): Promise<VerifyResult>
  resend(target: unknown, signal?: AbortSignal): Promise<ResendResult>
  /** Starts the resend cooldown from a send the host's own flow made. */
  noteCodeSent(target: unknown, sentAt: number): void
  /** Loads a resend deadline kept from an earlier page. */
  restoreDeadline(target: unknown): void
}

const DEFAULT_COOLDOWN_SECONDS = 30

/** Makes a controller with an empty store. */
export function createOtpController({ getConfig, storage }: OtpControllerOptions): OtpController {
  const adapter = (): OtpAdapter<unknown> => getConfig().adapter
  const now = () => (getConfig().now ?? Date.now)()
  const store = createVerificationStore(() => adapter().maxAttempts)
  const verifying = new Map<string, { code: string; promise: Promise<VerifyResult>; cancel: AbortController }>()
  const resending = new Map<string, Promise<ResendResult>>()

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

  async function verify(target: unknown, rawCode: string, signal?: AbortSignal): Promise<VerifyResult> {
    const key = keyOf(target)
    const code = normalizeOtp(rawCode, rawCode.length)
    const state = store.get(key)
    // Verdicts are final for a code cycle: nothing is sent that the server
    // has judged already, since a known-wrong code would burn an attempt.
    if (state.verified) return state.verified
    if (state.dead) throw createOtpError({ kind: 'code_dead', reason: state.dead, message: 'This code is dead: send a new one' })
    const verdict = state.verdicts[code]
    if (verdict) throw verdict
    // One request per target at a time: a double submit, or paste then Enter,
    // joins the request already on the way.
    const pending = verifying.get(key)
    if (pending) return pending.promise
    // A code entered while a new one is being requested waits for that
    // answer: sent meanwhile, the server could judge it against the new code
    // while the kit filed the verdict under the old one. A new code ends the
    // old one; a resend that failed leaves it as it was.
    const sending = resending.get(key)
    if (sending) {
      await sending.catch(() => undefined)
      if (store.get(key).cycle !== state.cycle) throw stale()
      return verify(target, rawCode, signal)
    }

    // Cancelled by the caller, or by a new code: its answer could change nothing.
    const cancel = new AbortController()
    if (signal?.aborted) cancel.abort()
    else signal?.addEventListener('abort', () => cancel.abort(), { once: true })
    const client = createAdapterClient(adapter(), getConfig())
    const promise = client
      .verify(target, code, { signal: cancel.signal, previousAttemptsRemaining: state.attemptsRemaining })
      .then(
        (result) => {
          if (store.get(key).cycle !== state.cycle) throw stale()
          // Accepted is the last word of the cycle: a wrong code before it no longer applies.
          store.update(key, () => ({ verified: result, lastVerdict: null }))
          if (result.session) store.setSession(result.session)
          return result
        },
        (error: unknown) => judge(key, state.cycle, code, toOtpError(error), state),
      )
      .finally(() => verifying.delete(key))
    verifying.set(key, { code, promise, cancel })
    return promise
  }

  async function resend(target: unknown, signal?: AbortSignal): Promise<ResendResult> {
    const key = keyOf(target)
    const pending = resending.get(key)
    if (pending) return pending
    const config = getConfig()
    const cooldown = config.resendCooldownSeconds ?? DEFAULT_COOLDOWN_SECONDS
    const promise = createAdapterClient(config.adapter, config)
      .resend(target, { signal })
      .then(
        (result) => {
          store.update(key, (s) => ({
            cycle: s.cycle + 1,
            attemptsRemaining: adapter().maxAttempts,
            dead: null,
            verdicts: {},
            lastVerdict: null,
            sentAt: result.sentAt,
          }))
          setDeadline(key, result.sentAt + cooldown * 1000)
          // A verify still on its way was for the old code: the shopper is not kept waiting for it.
          verifying.get(key)?.cancel.abort()
          return result
        },
        (error: unknown) => {
          const otpError = toOtpError(error)
          // The server's wait wins; with none readable, the client cooldown.
          if (otpError.kind === 'rate_limited') setDeadline(key, now() + (otpError.waitSeconds ?? cooldown) * 1000)
          throw otpError
        },
      )
      .finally(() => resending.delete(key))
    resending.set(key, promise)
    return promise
  }

  return {
    store,
    adapter,
    keyOf,
    verify,
    resend,
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
