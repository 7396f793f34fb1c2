'use client'
import { useMemo } from 'react'
import { resolveAdapter, type AdapterOption } from '../core/adapters/byName.js'
import { getMessages } from '../core/i18n/translator.js'
import type { OtpMessagesByLanguage } from '../core/i18n/types.js'
import type { Language } from '../core/types.js'
import { OtpProviderBase, type OtpProviderBaseProps } from './OtpProviderBase.js'

/** Props of {@link OtpProvider}. */
export interface OtpProviderProps extends Omit<OtpProviderBaseProps, 'adapter' | 'messages' | 'language'> {
  /**
   * `'ondi'`, `'oystr'`, or an adapter of your own (for instance one that calls
   * your server). Names work from a Server Component; they bring both
   * built-in adapters into the bundle.
   */
  adapter: AdapterOption
  /** Any of the three, chosen at render; all three tables ship. @defaultValue `'en'` */
  language?: Language
  /** Overrides of the kit's sentences, per language: only the entries you name change. */
  messages?: OtpMessagesByLanguage
}

/**
 * Holds the kit's config and the verification state of every target below it.
 * Reuses the QueryClient above it when there is one, so `<OtpProvider>` alone
 * is enough to drop the kit into any page. Its props are plain data, so a
 * Server Component can render it. It looks the adapter and the language up by
 * name, so it brings both back ends and all three message tables;
 * {@link OtpProviderBase} takes them as objects and ships only those.
 *
 * @example
 * <OtpProvider adapter="ondi" baseUrl="/api/ondi" auth={{ getAccessToken }} language="ar">
 *   <OtpVerification phone={phone} onVerified={({ customer }) => placeOrder(customer)} />
 * </OtpProvider>
 */
export function OtpProvider({ adapter, language = 'en', messages, ...rest }: OtpProviderProps) {
  const overrides = messages?.[language]
  const tables = useMemo(() => ({ [language]: getMessages(language, overrides) }), [language, overrides])
  return <OtpProviderBase {...rest} adapter={resolveAdapter(adapter)} language={language} messages={tables} />
}
