'use client'
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { createOtpController } from '../core/controller.js'
import type { OtpEvent } from '../core/events.js'
import { dirFor, htmlLangFor, localeFor } from '../core/i18n/locale.js'
import type { OtpMessages } from '../core/i18n/types.js'
import { createResendDeadlineStorage } from '../core/resendStorage.js'
import type { Language, OtpAdapter, OtpAuth } from '../core/types.js'
import { createMutationTracker } from './mutationTracker.js'
import { OtpContext, type OtpContextValue } from './OtpContext.js'
import { useLatest } from './useLatest.js'

/** Message tables by language, as imported: `{ ar }` or `{ en, ar }`. */
export type OtpMessageTables = { readonly [L in Language]?: OtpMessages | undefined }

/** Props of {@link OtpProviderBase}. */
export interface OtpProviderBaseProps {
  /**
   * The back end as an object: `ondi`, `oystr` (from `otp-kit`) or an adapter
   * of your own. Only the adapter passed here ships.
   */
  adapter: OtpAdapter<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The back end's base URL; may be relative (`/api`). */
  baseUrl: string
  /**
   * How requests authenticate. An `apiKey` in a browser bundle is public:
   * anyone can read it. Prefer a proxy on your server that adds the key.
   */
  auth?: OtpAuth
  /** @defaultValue the language of the first table in `messages`, else `'en'` */
  language?: Language
  /**
   * The kit's sentences: the tables of the languages the page may show, e.g.
   * `{ ar }` with `import { ar } from 'otp-kit'`, or `{ ar: { ...ar, verify: 'تأكيد' } }`
   * to change some. Needed by the components (`OtpVerification`, `ResendButton`,
   * `AttemptsBanner`, `OtpField`), not by the hooks.
   */
  messages?: OtpMessageTables
  /** A QueryClient to use; by default the one above, else a private one. */
  queryClient?: QueryClient
  /** @defaultValue the global `fetch` */
  fetch?: typeof globalThis.fetch
  /** @defaultValue 15000 */
  timeoutMs?: number
  /** Seconds before another resend after a successful one. @defaultValue 30 */
  resendCooldownSeconds?: number
  /**
   * The funnel events of every verification flow below (`useOtpVerification`,
   * `OtpVerification`): privacy-safe, for analytics. A listener that throws
   * changes nothing.
   */
  onEvent?: (event: OtpEvent) => void

  children?: ReactNode
}

let warnedApiKey = false

/**
 * {@link OtpProvider} without the lookups by name: it takes the adapter and
 * the message tables as objects, so a page ships one back end and only the
 * languages it imports. Objects with functions cannot cross from a Server
 * Component, so render it from a `'use client'` module of your own.
 *
 * @example
 * import { OtpProviderBase, OtpVerification, ar, ondi } from 'otp-kit'
 *
 * <OtpProviderBase adapter={ondi} baseUrl="/api/ondi" language="ar" messages={{ ar }}>
 *   <OtpVerification phone={phone} onVerified={({ customer }) => placeOrder(customer)} />
 * </OtpProviderBase>
 */
export function OtpProviderBase(props: OtpProviderBaseProps) {
  const { children, messages, queryClient: ownClient } = props
  const language: Language = props.language ?? firstLanguage(messages) ?? 'en'
  const hostClient = useContext(QueryClientContext)
  const [privateClient] = useState(() => (ownClient || hostClient ? null : new QueryClient()))
  const queryClient = ownClient ?? hostClient ?? privateClient!

  // Read on every request: a click in the same frame as a change sees the new config.
  const config = useLatest({ ...props, language })
  const client = useLatest(queryClient)
  const [tracker] = useState(() => createMutationTracker(() => client.current))
  const [controller] = useState(() =>
    createOtpController({
      getConfig: () => config.current,
      storage: createResendDeadlineStorage(() => (typeof window === 'undefined' ? undefined : window.sessionStorage)),
      track: tracker.track,
    }),
  )
  useEffect(() => () => tracker.clear(), [tracker])
  const emitEvent = useCallback((event: OtpEvent) => config.current.onEvent?.(event), [config])

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

  const table = messages?.[language]
  const value = useMemo<OtpContextValue>(
    () => ({
      controller,
      queryClient,
      language,
      dir: dirFor(language),
      locale: localeFor(language),
      htmlLang: htmlLangFor(language),
      messages: table,
      emitEvent,
    }),
    [controller, queryClient, language, table, emitEvent],
  )

  const tree = <OtpContext.Provider value={value}>{children}</OtpContext.Provider>
  return privateClient ? <QueryClientProvider client={privateClient}>{tree}</QueryClientProvider> : tree
}

function firstLanguage(messages: OtpMessageTables | undefined): Language | undefined {
  if (!messages) return undefined
  return (Object.keys(messages) as Language[]).find((language) => messages[language] !== undefined)
}
