import { QueryClient } from '@tanstack/react-query'
import { render, renderHook, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OtpVerification } from '../../src/components/OtpVerification'
import { ResendButton } from '../../src/components/ResendButton'
import { ar, ku, ondi, OtpProviderBase, oystr, useOtpContext, useVerifyOtp } from '../../src/index'
import { BASE_URL, newSandbox, PHONE, useSandboxServer } from '../utils'

useSandboxServer()
afterEach(() => vi.restoreAllMocks())

describe('OtpProviderBase', () => {
  it('verifies through the adapter object it is given, in the language of the one table it holds', async () => {
    const sandbox = newSandbox()
    const onVerified = vi.fn()
    render(
      <OtpProviderBase adapter={ondi} baseUrl={BASE_URL} messages={{ ar }} queryClient={new QueryClient()}>
        <OtpVerification phone={PHONE} onVerified={onVerified} />
      </OtpProviderBase>,
    )
    expect(screen.getByRole('heading').textContent).toBe(ar.title)
    await userEvent.type(screen.getByRole('textbox'), sandbox.sendCode(PHONE).code)
    await vi.waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1))
    expect(await screen.findByText(ar.verified)).toBeTruthy()
  })

  it('shows the table of the language it is told when it holds several', () => {
    render(
      <OtpProviderBase adapter={ondi} baseUrl={BASE_URL} language="ku" messages={{ ar, ku }} queryClient={new QueryClient()}>
        <OtpVerification phone={PHONE} />
      </OtpProviderBase>,
    )
    expect(screen.getByRole('heading').textContent).toBe(ku.title)
  })

  it('runs the hooks with no message table at all', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <OtpProviderBase adapter={oystr} baseUrl={BASE_URL} queryClient={new QueryClient()}>
        {children}
      </OtpProviderBase>
    )
    const { result } = renderHook(() => ({ context: useOtpContext(), verify: useVerifyOtp({ customerId: 'c1' }) }), { wrapper })
    expect(result.current.context).toMatchObject({ language: 'en', messages: undefined })
    expect(result.current.context.controller.adapter()).toBe(oystr)
    expect(result.current.verify.isPending).toBe(false)
  })

  it('tells a component without its language table how to give it one', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() =>
      render(
        <OtpProviderBase adapter={ondi} baseUrl={BASE_URL} language="ar" queryClient={new QueryClient()}>
          <ResendButton target={{ phone: PHONE }} />
        </OtpProviderBase>,
      ),
    ).toThrow(/ResendButton needs the kit's sentences in "ar": give <OtpProviderBase> messages=\{\{ ar \}\}/)
  })
})
