'use client'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { OtpSession } from '../core/types.js'
import { useOtpContext } from './OtpContext.js'

/** Options of {@link useVerifiedSession}. */
export interface UseVerifiedSessionOptions {
  /** Called once when the session's token expires. */
  onExpired?: (session: OtpSession) => void
}

/** What {@link useVerifiedSession} returns. */
export interface UseVerifiedSessionResult {
  session: OtpSession | null
  accessToken: string | null
  /** Epoch ms. */
  expiresAt: number | null
  /** True once the token has expired; re-renders at that moment. */
  isExpired: boolean
  /** Headers for the order APIs (`X-EXPRESS-KEY`), or `null` without a live session. */
  headers: OtpSession['headers'] | null
  /** Forgets the session (for "start over"). */
  clear: () => void
}

/**
 * The session from the last successful verify (OnDi's short-lived
 * `access_token`). Kept in memory only. The back ends document no way to
 * renew it, so this reports expiry and leaves starting over to the host.
 *
 * @example
 * const { headers, isExpired } = useVerifiedSession({ onExpired: () => setStep('phone') })
 * await fetch('/orders', { method: 'POST', headers: { ...headers } })
 */
export function useVerifiedSession(options: UseVerifiedSessionOptions = {}): UseVerifiedSessionResult {
  const { controller } = useOtpContext('useVerifiedSession')
  const { store } = controller
  const session = useSyncExternalStore(store.subscribe, store.getSession, store.getSession)
  const isExpired = useIsExpired(session)

  const onExpired = useRef(options.onExpired)
  useEffect(() => {
    onExpired.current = options.onExpired
  })
  useEffect(() => {
    if (isExpired && session) onExpired.current?.(session)
  }, [isExpired, session])

  return {
    session,
    accessToken: session?.accessToken ?? null,
    expiresAt: session?.expiresAt ?? null,
    isExpired,
    headers: session && !isExpired ? session.headers : null,
    clear: () => store.setSession(null),
  }
}

// One timer at the expiry, not a tick per second: the host's page should
// not re-render for nothing. The clock is read too, since a throttled
// background tab may run the timer late.
function useIsExpired(session: OtpSession | null): boolean {
  const [expired, setExpired] = useState<OtpSession | null>(null)
  useEffect(() => {
    if (!session) return
    const timer = setTimeout(() => setExpired(session), Math.min(Math.max(0, session.expiresAt - Date.now()), 2 ** 31 - 1))
    return () => clearTimeout(timer)
  }, [session])
  return session !== null && (expired === session || session.expiresAt <= Date.now())
}
