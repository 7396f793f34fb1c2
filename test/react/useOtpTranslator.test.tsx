import { QueryClient } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { ar, ku, ondi, OtpProviderBase } from '../../src/index'
import { useOtpTranslator } from '../../src/react/useOtpTranslator'
import { BASE_URL, makeWrapper } from '../utils'

afterEach(() => vi.restoreAllMocks())

const base = (props: { language?: 'en' | 'ar' | 'ku'; messages?: Record<string, typeof ar> }) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <OtpProviderBase adapter={ondi} baseUrl={BASE_URL} queryClient={new QueryClient()} {...props}>
        {children}
      </OtpProviderBase>
    )
  }

describe('useOtpTranslator', () => {
  it('speaks the provider’s language with the host’s overrides', () => {
    const { result } = renderHook(() => useOtpTranslator(), { wrapper: makeWrapper({ language: 'ar', messages: { ar: { verify: 'تأكيد' } } }) })
    expect(result.current.language).toBe('ar')
    expect(result.current.verify).toBe('تأكيد')
    expect(result.current.attemptsLeft({ count: 3 })).toBe('رمز غير صحيح. تبقّت لديك ٣ محاولات.')
  })

  it('speaks the one table an OtpProviderBase was given', () => {
    const { result } = renderHook(() => useOtpTranslator(), { wrapper: base({ language: 'ku', messages: { ku } }) })
    expect(result.current.verify).toBe(ku.verify)
  })

  it('hands back the same translator on every render while nothing changed', () => {
    const { result, rerender } = renderHook(() => useOtpTranslator(), { wrapper: makeWrapper({ language: 'ku' }) })
    const first = result.current
    rerender()
    expect(result.current).toBe(first)
  })

  it('tells a caller whose provider has no table for its language how to give it one', () => {
    // React reports the render error on the console as well, and React 18 as an uncaught error event.
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const quiet = (event: ErrorEvent) => event.preventDefault()
    window.addEventListener('error', quiet)
    onTestFinished(() => window.removeEventListener('error', quiet))
    expect(() => renderHook(() => useOtpTranslator('MyWidget'), { wrapper: base({ language: 'ar', messages: { ku } }) })).toThrow(
      `MyWidget needs the kit's sentences in "ar": give <OtpProviderBase> messages={{ ar }} (import { ar } from 'otp-kit'), or use <OtpProvider>, which has all three languages.`,
    )
  })
})
