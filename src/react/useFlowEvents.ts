'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { OtpEvent } from '../core/events.js'
import type { TargetState } from '../core/store.js'
import type { OtpContextValue } from './OtpContext.js'
import { useLatest } from './useLatest.js'

/** An event before the flow stamps it. */
export type OtpEventInput = OtpEvent extends infer E ? (E extends OtpEvent ? Omit<E, 'timestamp' | 'flowId'> : never) : never

const newFlowId = () =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

/**
 * The funnel events of one flow: stamps each with the time and the flow's
 * id and hands it to the flow's and the provider's listeners. What happens
 * to the target (a code sent, a verdict, a lock) is read from the store, so
 * it counts whichever component caused it. A listener that throws is
 * reported in development and changes nothing; StrictMode's second run of
 * the effects emits nothing again.
 */
export function useFlowEvents(
  { controller, emitEvent }: OtpContextValue,
  key: string,
  onEvent: ((event: OtpEvent) => void) | undefined,
  codeSentAt: number | Date | undefined,
): (event: OtpEventInput) => void {
  const [flowId] = useState(newFlowId)
  const listeners = useLatest({ onEvent, emitEvent })
  const emit = useCallback(
    (input: OtpEventInput) => {
      const event = { ...input, timestamp: Date.now(), flowId } as OtpEvent
      for (const listener of [listeners.current.onEvent, listeners.current.emitEvent]) {
        try {
          listener?.(event)
        } catch (error) {
          if (process.env.NODE_ENV !== 'production') console.error('otp-kit: an onEvent listener threw; the flow goes on.', error)
        }
      }
    },
    [flowId, listeners],
  )

  const { store } = controller
  const seen = useRef<{ key: string; state: TargetState } | null>(null)
  const judged = useRef(0)
  useEffect(() => {
    if (seen.current?.key !== key) seen.current = { key, state: store.get(key) }
    const check = () => {
      const before = seen.current!.state
      const now = store.get(key)
      if (now === before) return
      seen.current = { key, state: now }
      if (now.isResending && !before.isResending) emit({ type: 'resend_requested' })
      if (now.cycle !== before.cycle) emit({ type: 'code_sent', by: 'resend' })
      const rateLimit = now.resendError?.kind === 'rate_limited' && now.resendError !== before.resendError ? now.resendError : null
      if (rateLimit) emit({ type: 'rate_limited', waitSeconds: rateLimit.waitSeconds })
      // Each verdict, lock or acceptance is one request the server judged.
      const verdicts = Object.keys(now.verdicts).length
      judged.current += Math.max(0, verdicts - (now.cycle === before.cycle ? Object.keys(before.verdicts).length : 0))
      if (now.verifyError && now.verifyError !== before.verifyError) emit({ type: 'verify_failed', kind: now.verifyError.kind })
      if (now.dead && !before.dead) {
        judged.current += 1
        emit({ type: 'locked', reason: now.dead })
      }
      if (now.verified && !before.verified) {
        judged.current += 1
        emit({ type: 'verified', attempts: judged.current, msSinceCodeSent: now.sentAt === null ? null : Date.now() - now.sentAt })
      }
    }
    return store.subscribe(check)
  }, [store, key, emit])

  // Said once per mount of the flow, however often StrictMode runs the effect.
  const toldHostSent = useRef(false)
  const sentAt = useLatest(codeSentAt)
  useEffect(() => {
    if (sentAt.current === undefined || toldHostSent.current) return
    toldHostSent.current = true
    emit({ type: 'code_sent', by: 'host' })
  }, [emit, sentAt])

  // StrictMode unmounts and mounts again in the same task: only an unmount
  // still in force a moment later is the shopper leaving.
  const mounted = useRef({ at: 0, live: false })
  useEffect(() => {
    const flow = mounted.current
    flow.at ||= Date.now()
    flow.live = true
    return () => {
      flow.live = false
      queueMicrotask(() => {
        if (!flow.live && !store.get(key).verified) emit({ type: 'abandoned', msSpent: Date.now() - flow.at })
      })
    }
  }, [store, key, emit])

  return emit
}
