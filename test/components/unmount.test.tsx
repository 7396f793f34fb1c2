import { QueryClient } from '@tanstack/react-query'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { OtpVerification } from '../../src/components/OtpVerification'
import { PHONE, newSandbox, renderWithOtp, useSandboxServer } from '../utils'

useSandboxServer()

describe('OtpVerification unmounted', () => {
  it('leaves no verify or resend mutation behind in the host QueryClient', async () => {
    const sandbox = newSandbox({ resendCooldownMs: 0 })
    const queryClient = new QueryClient()
    const user = userEvent.setup()
    const { unmount } = renderWithOtp(<OtpVerification phone={PHONE} />, { queryClient })
    await user.click(screen.getByRole('button', { name: 'Resend code' }))
    await screen.findByText('New code sent')
    await user.click(screen.getByRole('textbox', { name: /verify your phone number/i }))
    await user.keyboard(sandbox.lastCodeFor(PHONE) === '000000' ? '000001' : '000000')
    await screen.findByText(/Wrong code/)
    expect(queryClient.getMutationCache().getAll()).toHaveLength(2)

    unmount()
    // Each one otherwise keeps a timer and its answer alive for five minutes.
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toHaveLength(0))
  })
})
