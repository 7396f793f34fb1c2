'use client'
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type { CodeDeadReason, OtpError } from '../core/errors.js'
import type { OtpEvent } from '../core/events.js'
import { isCompleteOtp } from '../core/isCompleteOtp.js'
import type { OtpTarget, VerifiedDetails, VerifyResult } from '../core/types.js'
import { useOtpContext } from './OtpContext.js'
import { useFlowEvents } from './useFlowEvents.js'
import { useLatest } from './useLatest.js'
import { useOtpField, type UseOtpFieldResult } from './useOtpField.js'
import { useOtpStatus } from './useOtpStatus.js'
import { useResendOtp } from './useResendOtp.js'
import { useVerifyOtp } from './useVerifyOtp.js'

/** The one state a verification flow is in. */
export type OtpVerificationState = 'idle' | 'verifying' | 'verified' | 'locked' | 'error'

/** Options of {@link useOtpVerification}. */
export interface UseOtpVerificationOptions {
  /** Called once, when the code is accepted. */
  onVerified?: (details: VerifiedDetails) => void
  /** Called with each verify error of this flow (never for a cancelled one). */
  onError?: (error: OtpError) => void
  /** Sends the code as soon as the last digit is in. @defaultValue true */
  autoSubmit?: boolean
  /** @defaultValue 6 */
  length?: number
  /** When the host's flow sent the first code: the resend cooldown starts from then. */
  codeSentAt?: number | Date
  /** Sends a first code when the flow mounts. @defaultValue false */
  sendOnMount?: boolean
  /** What "Wrong number?" does; `changePhone` is absent without it. */
  onChangePhone?: () => void
  /** The flow's funnel events (see {@link OtpEvent}), beside the provider's `onEvent`. */
  onEvent?: (event: OtpEvent) => void
}

/** What {@link useOtpVerification} returns. */
export interface UseOtpVerificationResult {
  /** One state at a time: verified, else verifying, else locked, else error, else idle. */
  state: OtpVerificationState
  /** The code field: spread `getRootProps`, `getInputProps` and `getCellProps` on your markup. */
  field: UseOtpFieldResult
  /** Sends the code in the field (or `code`): asks for every digit first, and does nothing while verifying, locked or verified. */
  submit: (code?: string) => void
  /** Props for a `<form>` around the field: Enter or a submit button calls `submit`. */
  getFormProps: () => { noValidate: true; onSubmit: (event: FormEvent<HTMLFormElement>) => void }
  /** A wrong or dead code: the verdict for a banner beside the field (with `attemptsRemaining`). */
  bannerError: OtpError | null
  /** Any other error of the last verify (network, server, not found...): shown inline, by the field. */
  inlineError: OtpError | null
  /** Submitted before every digit was in: shown inline, by the field. */
  isIncomplete: boolean
  /** The inline error is a failure: the same code may be sent again ("Try again"). */
  canRetry: boolean
  isPending: boolean
  isVerified: boolean
  isLocked: boolean
  lockReason: CodeDeadReason | null
  attemptsRemaining: number | null
  /** The verified customer and session, once verified. */
  data: VerifyResult | null
  /** Asks for a new code; does nothing while `canResend` is false. */
  resend: () => void
  canResend: boolean
  /** Seconds until a resend may go. */
  secondsLeft: number
  /** Whether the back end can resend at all (Oystr cannot). */
  isResendSupported: boolean
  isResending: boolean
  /** The last resend's error (a 429 is `rate_limited` with `waitSeconds`). */
  resendError: OtpError | null
  /** True from a successful resend until the next resend or error. */
  isSent: boolean
  /** Calls `onChangePhone`, when given. */
  changePhone: (() => void) | undefined
}

// Wrong and dead codes speak through the banner; everything else inline
// (failures keep the code for a retry; "not found" and the like are final).
const speaksInBanner = (error: OtpError | null) => error?.kind === 'invalid_code' || error?.kind === 'code_dead'

/**
 * The whole verification flow of `OtpVerification`, without its markup: the
 * field, submit with its guards, one state, which error to show and where,
 * clear-and-refocus after a wrong code and after a new code, auto-submit,
 * send-on-mount, resend with its countdown, and the funnel events. It
 * returns errors, not sentences: `messageForError(error, t)` from `otp-kit`
 * gives the kit's, or bring your own.
 *
 * @example
 * const flow = useOtpVerification({ phone }, { onVerified: ({ customer }) => placeOrder(customer) })
 * <form {...flow.getFormProps()} data-state={flow.state}>
 *   <div {...flow.field.getRootProps()}>
 *     <input {...flow.field.getInputProps({ 'aria-label': 'Code from the SMS' })} />
 *     {flow.field.cells.map((cell) => <span key={cell.index} {...flow.field.getCellProps(cell.index)} />)}
 *   </div>
 * </form>
 */
export function useOtpVerification(target: OtpTarget, options: UseOtpVerificationOptions = {}): UseOtpVerificationResult {
  const { onVerified, onError, autoSubmit = true, length = 6, codeSentAt, sendOnMount = false, onChangePhone, onEvent } = options
  const context = useOtpContext('useOtpVerification')
  const key = context.controller.keyOf(target)
  const verification = useVerifyOtp(target, { onVerified, onError })
  const sender = useResendOtp(target, { codeSentAt })
  const { codeCycle, lastVerdict } = useOtpStatus(target)
  const emit = useFlowEvents(context, key, onEvent, codeSentAt)
  const [code, setCode] = useState('')
  const [isIncomplete, setIncomplete] = useState(false)

  const { error, isPending, isVerified, isLocked } = verification
  const inlineError = error && !speaksInBanner(error) ? error : null
  const invalid = Boolean(inlineError) || isIncomplete || lastVerdict?.kind === 'invalid_code'

  const submit = (value: string = code) => {
    if (isPending || isLocked || isVerified) return
    if (!isCompleteOtp(value, length)) {
      setIncomplete(true)
      field.focus()
      return
    }
    setIncomplete(false)
    // A wrong code, even one judged before, clears the cells for the next try.
    verification.verifyAsync(value).catch((failure: OtpError) => {
      if (failure.kind === 'invalid_code') clearAndFocus.current()
    })
  }

  const field = useOtpField({
    value: code,
    length,
    disabled: isLocked || isVerified,
    readOnly: isPending,
    invalid,
    onValueChange: (next) => {
      setCode(next)
      if (isIncomplete) setIncomplete(false)
    },
    onComplete: (value, { source }) => {
      emit({ type: 'code_entered', source })
      if (autoSubmit) submit(value)
    },
  })

  // Read through a ref, so the effect below runs when a new code arrives
  // and not on every render: the field is a new object each time, and an
  // effect that listed it would clear the shopper's typing on each one.
  const clearAndFocus = useLatest(() => {
    setCode('')
    field.focus()
  })
  // A new code clears a dead one, and focus goes back to the field.
  useEffect(() => {
    if (codeCycle > 0) clearAndFocus.current()
  }, [codeCycle, key, clearAndFocus])

  // Once per mount: the effect lists no value that changes while a code is
  // sent. Under StrictMode the trial unmount cancels the first request
  // before it leaves, and the second run sends the one that goes.
  const { resend } = sender
  const latestResend = useLatest(resend)
  useEffect(() => {
    if (sendOnMount) latestResend.current()
  }, [sendOnMount, latestResend])

  const changePhoneOf = useLatest(onChangePhone)
  const changePhone = useCallback(() => {
    emit({ type: 'change_phone' })
    changePhoneOf.current?.()
  }, [emit, changePhoneOf])

  const state: OtpVerificationState = isVerified ? 'verified' : isPending ? 'verifying' : isLocked ? 'locked' : inlineError || isIncomplete ? 'error' : 'idle'
  return {
    state,
    field,
    submit,
    getFormProps: () => ({
      noValidate: true,
      onSubmit: (event) => {
        event.preventDefault()
        submit()
      },
    }),
    bannerError: speaksInBanner(lastVerdict) ? lastVerdict : null,
    inlineError,
    isIncomplete,
    canRetry: error?.outcome === 'failure',
    isPending,
    isVerified,
    isLocked,
    lockReason: verification.lockReason,
    attemptsRemaining: verification.attemptsRemaining,
    data: verification.data,
    resend,
    canResend: sender.canResend,
    secondsLeft: sender.secondsLeft,
    isResendSupported: sender.isSupported,
    isResending: sender.isPending,
    resendError: sender.isSupported ? sender.error : null,
    isSent: sender.isSent,
    changePhone: onChangePhone ? changePhone : undefined,
  }
}
