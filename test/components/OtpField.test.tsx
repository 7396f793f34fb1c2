import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useForm } from 'react-hook-form'
import { describe, expect, it, vi } from 'vitest'
import { OtpField } from '../../src/react-hook-form'
import { renderWithOtp } from '../utils'

function Checkout({ onSubmit }: { onSubmit: (values: { code: string; email: string }) => void }) {
  const { control, register, handleSubmit } = useForm<{ code: string; email: string }>({ defaultValues: { code: '', email: '' } })
  return (
    <form onSubmit={handleSubmit(onSubmit)}>
      <input aria-label="Email" {...register('email')} />
      <OtpField control={control} name="code" aria-label="Code from the SMS" />
      <button type="submit">Pay</button>
    </form>
  )
}

describe('OtpField', () => {
  it('hands the normalised code to the host form', async () => {
    const onSubmit = vi.fn()
    const user = userEvent.setup()
    renderWithOtp(<Checkout onSubmit={onSubmit} />)
    await user.click(screen.getByRole('textbox', { name: 'Code from the SMS' }))
    await user.paste('١٢٣ ٤٥٦')
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1))
    expect(onSubmit.mock.calls[0]![0]).toEqual({ code: '123456', email: '' })
  })

  it('requires every digit, in the provider language', async () => {
    const onSubmit = vi.fn()
    const user = userEvent.setup()
    renderWithOtp(<Checkout onSubmit={onSubmit} />, { language: 'ar' })
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    const input = screen.getByRole('textbox', { name: 'Code from the SMS' })
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'))
    expect(screen.getByRole('alert').textContent).not.toBe('')
    await user.click(input)
    await user.keyboard('12')
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    await screen.findByText('أدخل الرمز كاملًا: ٦ أرقام.')
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id)
    expect(onSubmit).not.toHaveBeenCalled()
  })
})
