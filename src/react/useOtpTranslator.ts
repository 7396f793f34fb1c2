'use client'
import { useMemo } from 'react'
import { translatorFor } from '../core/i18n/translatorFor.js'
import type { Translator } from '../core/i18n/types.js'
import { useOtpContext } from './OtpContext.js'

/**
 * The kit's sentences in the provider's language, with the host's overrides,
 * from the table the provider holds (`OtpProvider` has all three;
 * `OtpProviderBase` the ones given to `messages`). Throws a sentence naming
 * the fix when the provider has no table for its language.
 *
 * @example
 * const t = useOtpTranslator('MyOtpWidget')
 * const message = error ? messageForError(error, t) : null
 */
export function useOtpTranslator(caller = 'useOtpTranslator'): Translator {
  const { language, messages } = useOtpContext(caller)
  return useMemo(() => {
    if (!messages) {
      throw new Error(
        `${caller} needs the kit's sentences in "${language}": give <OtpProviderBase> messages={{ ${language} }} ` +
          `(import { ${language} } from 'otp-kit'), or use <OtpProvider>, which has all three languages.`,
      )
    }
    return translatorFor(language, messages)
  }, [caller, language, messages])
}
