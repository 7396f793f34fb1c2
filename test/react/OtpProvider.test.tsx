import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { render, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OtpProvider } from '../../src/react/OtpProvider'
import { useOtpContext } from '../../src/react/OtpContext'

afterEach(() => vi.restoreAllMocks())

describe('OtpProvider', () => {
  it('warns once in development that an API key in the browser is public, without printing it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(
      <>
        <OtpProvider adapter="ondi" baseUrl="/api" auth={{ apiKey: 'pk_live_secret' }} />
        <OtpProvider adapter="ondi" baseUrl="/api" auth={{ apiKey: 'pk_live_secret' }} />
      </>,
    )
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/anyone can read it/)
    expect(String(warn.mock.calls[0]![0])).not.toContain('pk_live_secret')
  })

  it('reuses the host QueryClient, or brings its own', () => {
    const host = new QueryClient()
    const withHost = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={host}>
        <OtpProvider adapter="ondi" baseUrl="/api">{children}</OtpProvider>
      </QueryClientProvider>
    )
    expect(renderHook(() => useOtpContext().queryClient, { wrapper: withHost }).result.current).toBe(host)
    const alone = ({ children }: { children: ReactNode }) => <OtpProvider adapter="ondi" baseUrl="/api">{children}</OtpProvider>
    const { result } = renderHook(() => [useOtpContext().queryClient, useQueryClient()], { wrapper: alone })
    expect(result.current[0]).toBeInstanceOf(QueryClient)
    expect(result.current[0]).toBe(result.current[1])
  })

  it('exposes direction and locale for the language', () => {
    const wrapper = ({ children }: { children: ReactNode }) => <OtpProvider adapter="ondi" baseUrl="/api" language="ku">{children}</OtpProvider>
    const { result } = renderHook(() => useOtpContext(), { wrapper })
    expect(result.current).toMatchObject({ dir: 'rtl', locale: 'ckb-IQ', htmlLang: 'ckb', language: 'ku' })
  })
})
