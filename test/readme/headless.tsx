import { useOtpVerification } from 'otp-kit/headless'

export function MyCodeStep({ phone, sentAt }: { phone: string; sentAt: number }) {
  const flow = useOtpVerification(
    { phone },
    { codeSentAt: sentAt, onVerified: ({ customer }) => console.info('verified', customer.customerId) },
  )
  const { field, bannerError, inlineError } = flow

  return (
    <form {...flow.getFormProps()} data-state={flow.state}>
      <div {...field.getRootProps()} className="my-row">
        <input {...field.getInputProps({ 'aria-label': 'Code from the SMS' })} className="my-input" />
        {field.cells.map((cell) => (
          <span key={cell.index} {...field.getCellProps(cell.index)} className="my-cell" />
        ))}
      </div>
      {bannerError?.kind === 'invalid_code' && <p>Wrong code, {flow.attemptsRemaining} attempts left</p>}
      {bannerError?.kind === 'code_dead' && <p>This code can no longer be used: ask for a new one</p>}
      {inlineError && <p role="alert">Could not check the code ({inlineError.kind})</p>}
      {flow.isIncomplete && <p role="alert">Enter all 6 digits</p>}
      <button type="submit">{flow.state === 'verifying' ? 'Checking…' : flow.canRetry ? 'Try again' : 'Verify'}</button>
      <button type="button" disabled={!flow.canResend} onClick={flow.resend}>
        {flow.canResend ? 'Send a new code' : `New code in ${flow.secondsLeft}s`}
      </button>
    </form>
  )
}
