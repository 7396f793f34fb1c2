'use client'
import { createContext, useContext } from 'react'
import type { QueryClient } from '@tanstack/react-query'
import type { OtpController } from '../core/controller.js'
import type { OtpEvent } from '../core/events.js'
import type { OtpDir, OtpHtmlLang, OtpLocale } from '../core/i18n/locale.js'
import type { OtpMessages } from '../core/i18n/types.js'
import type { Language } from '../core/types.js'

/** What {@link OtpProviderBase} (and so {@link OtpProvider}) gives the hooks below it. */
export interface OtpContextValue {
  controller: OtpController
  queryClient: QueryClient
  language: Language
  /** `rtl` for `ar` and `ku`. */
  dir: OtpDir
  /** The `Intl` locale: `en`, `ar-IQ` or `ckb-IQ`. */
  locale: OtpLocale
  /** The HTML `lang`: `ku` is Sorani, `ckb` to browsers. */
  htmlLang: OtpHtmlLang
  /**
   * The message table of the current language, the host's overrides laid
   * over it; `undefined` when the provider was given none (an
   * `OtpProviderBase` without `messages`), which is enough for hooks and
   * markup of the host's own.
   */
  messages: OtpMessages | undefined
  /** Hands a flow's event to the provider's `onEvent`, when it has one. */
  emitEvent?: (event: OtpEvent) => void
}

export const OtpContext = createContext<OtpContextValue | null>(null)

/**
 * The provider's value; throws a sentence naming the fix outside one.
 *
 * @example
 * const { language, dir } = useOtpContext('MyOtpWidget')
 */
export function useOtpContext(caller = 'This otp-kit hook'): OtpContextValue {
  const value = useContext(OtpContext)
  if (!value) {
    throw new Error(
      `${caller} must be used inside <OtpProvider>. Wrap the checkout in <OtpProvider adapter="ondi" baseUrl="…"> or <OtpProviderBase adapter={ondi} baseUrl="…"> (from 'otp-kit').`,
    )
  }
  return value
}
