'use client'
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { AdapterOption } from '../core/client.js'
import { createOtpController } from '../core/controller.js'
import { dirFor, htmlLangFor, localeFor } from '../core/i18n/locale.js'
import type { OtpMessagesByLanguage } from '../core/i18n/types.js'
import { createResendDeadlineStorage } from '../core/resendStorage.js'
import type { Language, OtpAuth } from '../core/types.js'
import { createMutationTracker } from './mutationTracker.js'
import { OtpContext, type OtpContextValue } from './OtpContext.js'
import { useLatest } from './useLatest.js'

/** Props of {@link OtpProvider}. */
export interface OtpProviderProps {
  /** `'ondi'`, `'oystr'`, or an adapter of your own (for instance one that calls your server). */
  adapter: AdapterOption
  /** The back end's base URL; may be relative (`/api`). */
  baseUrl: string
  /**
   * How requests authenticate. An `apiKey` in a browser bundle is public:
   * anyone can read it. Prefer a proxy on your server that adds the key.
   */
  auth?: OtpAuth
  /** @defaultValue `'en'` */
  language?: Language
  /** A QueryClient to use; by default the one above, else a private one. */
  queryClient?: QueryClient
  /** @defaultValue the global `fetch` */
  fetch?: typeof globalThis.fetch
  /** @defaultValue 15000 */
  timeoutMs?: number
  /** Overrides of the kit's sentences, per language. */
  messages?: OtpMessagesByLanguage
  /** Seconds before another resend after a successful one. @defaultValue 30 */
  resendCooldownSeconds?: number
  children?: ReactNode
}

let warnedApiKey = false

/**
 * Holds the kit's config and the verification state of every target below it.
 * Reuses the QueryClient above it when there is one, so `<OtpProvider>` alone
 * is enough to drop the kit into any page.
 *
 * @example
 * <OtpProvider adapter="ondi" baseUrl="/api/ondi" auth={{ getAccessToken }} language="ar">
 *   <OtpVerification phone={phone} onVerified={({ customer }) => placeOrder(customer)} />
 * </OtpProvider>
 */
export function OtpProvider(props: OtpProviderProps) {
  const { children, language = 'en', messages, queryClient: ownClient } = props
  const hostClient = useContext(QueryClientContext)
  const [privateClient] = useState(() => (ownClient || hostClient ? null : new QueryClient()))
  const queryClient = ownClient ?? hostClient ?? privateClient!

  // Read on every request: a click in the same frame as a change sees the new config.
  const config = useLatest(props)
  const client = useLatest(queryClient)
  const [tracker] = useState(() => createMutationTracker(() => client.current))
  const [controller] = useState(() =>
    createOtpController({
      getConfig: () => ({ ...config.current, language: config.current.language ?? 'en' }),
      storage: createResendDeadlineStorage(() => (typeof window === 'undefined' ? undefined : window.sessionStorage)),
      track: tracker.track,
    }),
  )
  useEffect(() => () => tracker.clear(), [tracker])

  const apiKey = props.auth && 'apiKey' in props.auth
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' && apiKey && !warnedApiKey) {
      warnedApiKey = true
      console.warn(
        'otp-kit: `auth.apiKey` is sent from the browser, so anyone can read it from the page. ' +
          'Call your own server instead (an OtpAdapter or a baseUrl that points at a proxy) and add the key there.',
      )
    }
  }, [apiKey])

  const overrides = messages?.[language]
  const value = useMemo<OtpContextValue>(
    () => ({
      controller,
      queryClient,
      language,
      dir: dirFor(language),
      locale: localeFor(language),
      htmlLang: htmlLangFor(language),
      messages: overrides,
    }),
    [controller, queryClient, language, overrides],
  )

  const tree = <OtpContext.Provider value={value}>{children}</OtpContext.Provider>
  return privateClient ? <QueryClientProvider client={privateClient}>{tree}</QueryClientProvider> : tree
}
