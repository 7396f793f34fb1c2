import { useOtpField, useResendOtp, useVerifyOtp } from 'otp-kit/headless'

export function MyCodeStep({ phone }: { phone: string }) {
  const { verify, isPending, error, attemptsRemaining, isLocked } = useVerifyOtp(
    { phone },
    { onVerified: ({ customer }) => console.info('verified', customer.customerId) },
  )
  const { resend, canResend, secondsLeft } = useResendOtp({ phone })
  const field = useOtpField({ disabled: isLocked, onComplete: verify })

  return (
    <div>
      <div {...field.getRootProps()} className="my-row">
        <input {...field.getInputProps({ 'aria-label': 'Code from the SMS' })} className="my-input" />
        {field.cells.map((cell) => (
          <span key={cell.index} {...field.getCellProps(cell.index)} className="my-cell" />
        ))}
      </div>
      {error?.kind === 'invalid_code' && <p>Wrong code, {attemptsRemaining} attempts left</p>}
      {isPending && <p>Checking…</p>}
      <button type="button" disabled={!canResend} onClick={resend}>
        {canResend ? 'Send a new code' : `New code in ${secondsLeft}s`}
      </button>
    </div>
  )
}
