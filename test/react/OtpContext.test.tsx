import { renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { useOtpContext } from '../../src/react/OtpContext'
import { makeWrapper } from '../utils'

afterEach(() => vi.restoreAllMocks())

describe('useOtpContext', () => {
  it('throws a sentence naming the caller and the fix outside a provider', () => {
    // React reports the render error on the console as well, and React 18 as an uncaught error event.
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const quiet = (event: ErrorEvent) => event.preventDefault()
    window.addEventListener('error', quiet)
    onTestFinished(() => window.removeEventListener('error', quiet))
    expect(() => renderHook(() => useOtpContext('MyOtpWidget'))).toThrow(
      /^MyOtpWidget must be used inside <OtpProvider>\. Wrap the checkout in <OtpProvider adapter="ondi" baseUrl="…">/,
    )
    expect(() => renderHook(() => useOtpContext())).toThrow(/^This otp-kit hook must be used inside <OtpProvider>/)
  })

  it('gives the provider’s language facts inside one', () => {
    const { result } = renderHook(() => useOtpContext(), { wrapper: makeWrapper({ language: 'ku' }) })
    expect(result.current).toMatchObject({ language: 'ku', dir: 'rtl', locale: 'ckb-IQ', htmlLang: 'ckb' })
    expect(result.current.messages?.verify).toBeTypeOf('string')
  })
})
