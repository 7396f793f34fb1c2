'use client'
import { useMemo } from 'react'
import { createTranslator } from '../core/i18n/translator.js'
import type { Translator } from '../core/i18n/types.js'
import { useOtpContext } from './OtpContext.js'

/**
 * The kit's sentences in the provider's language, with the host's overrides.
 * Exported from `otp-kit` only: it carries the en, ar and ku tables, which
 * `otp-kit/headless` leaves out so a host with its own texts ships none.
 *
 * @example
 * const t = useOtpTranslator('MyOtpWidget')
 * const message = error ? messageForError(error, t) : null
 */
export function useOtpTranslator(caller = 'useOtpTranslator'): Translator {
  const { language, messages } = useOtpContext(caller)
  return useMemo(() => createTranslator(language, messages), [language, messages])
}
