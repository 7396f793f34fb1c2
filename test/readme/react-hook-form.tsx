import { useForm } from 'react-hook-form'
import { OtpField } from 'otp-kit/react-hook-form'

export function PaymentForm({ onPay }: { onPay: (values: { email: string; code: string }) => void }) {
  const { control, register, handleSubmit } = useForm<{ email: string; code: string }>()
  return (
    <form onSubmit={handleSubmit(onPay)}>
      <input type="email" aria-label="Email" {...register('email')} />
      <OtpField control={control} name="code" aria-label="Code from the SMS" />
      <button type="submit">Pay</button>
    </form>
  )
}
