'use client'
import { forwardRef, useEffect, useId, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import type { OtpError } from '../core/errors.js'
import { messageForError } from '../core/i18n/messageForError.js'
import { isCompleteOtp } from '../core/normalize.js'
import { maskPhone } from '../core/phone.js'
import { useOtpStatus } from '../react/useOtpStatus.js'
import { useOtpTranslator } from '../react/useOtpTranslator.js'
import { useResendOtp } from '../react/useResendOtp.js'
import { useVerifyOtp, type OtpTarget, type VerifiedDetails } from '../react/useVerifyOtp.js'
import { AttemptsBanner } from './AttemptsBanner.js'
import { OtpInput } from './OtpInput.js'
import type { PartOf } from '../react/anatomy.js'
import { dataAttr, partClass } from './parts.js'

type Part = PartOf<'OtpVerification'>
import { ResendButton } from './ResendButton.js'

/** Props of {@link OtpVerification}. */
export interface OtpVerificationProps extends Omit<ComponentPropsWithoutRef<'div'>, 'title' | 'onError'> {
  /** ondi: the phone the code went to, in international format. */
  phone?: string
  /** ondi: resend by customer id; oystr: the customer to verify. */
  customerId?: string
  /** oystr: the tracking code, when there is no customer id. */
  trackingCode?: string
  /** Called once, when the code is accepted. */
  onVerified?: (details: VerifiedDetails) => void
  /** Called with each error the widget shows. */
  onError?: (error: OtpError) => void
  /** Sends the code as soon as the last digit is in. @defaultValue true */
  autoSubmit?: boolean
  /** @defaultValue 6 */
  length?: number
  /** When the host's flow sent the first code: the resend cooldown starts from then. */
  codeSentAt?: number | Date
  /** Sends a first code when the widget mounts. @defaultValue false */
  sendOnMount?: boolean
  /** Shows a "Wrong number?" action that calls this. */
  onChangePhone?: () => void
  /** Replaces the heading. */
  title?: ReactNode
  /** Replaces the sentence that says where the code went. */
  description?: ReactNode
  /** Shows dots instead of digits. @defaultValue false */
  mask?: boolean
  /** Leaves out the kit's root class: no default CSS, data attributes kept. */
  unstyled?: boolean
}

/**
 * The drop-in: where the code went, the code field, what the last answer
 * means, resend with its countdown, and a submit button. Wrong code: the
 * cells clear and focus stays. Network or server failure: the code stays and
 * Enter retries. Dead code: the field waits for a new one. A plain form: no
 * form library needed.
 *
 * @example
 * <OtpVerification phone="+9647501234567" codeSentAt={sentAt} onVerified={({ customer, session }) => placeOrder(customer, session)} />
 */
export const OtpVerification = forwardRef<HTMLDivElement, OtpVerificationProps>(function OtpVerification(
  {
    phone, customerId, trackingCode, onVerified, onError, autoSubmit = true, length = 6, codeSentAt,
    sendOnMount = false, onChangePhone, title, description, mask, unstyled, className, ...props
  },
  ref,
) {
  const t = useOtpTranslator('OtpVerification')
  const target = (phone !== undefined ? { phone, customerId } : customerId !== undefined ? { customerId } : { trackingCode }) as OtpTarget
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [code, setCode] = useState('')
  const [incomplete, setIncomplete] = useState(false)
  const verification = useVerifyOtp(target, { onVerified, onError })
  const sender = useResendOtp(target)

  const sentOnMount = useRef(false)
  useEffect(() => {
    if (sendOnMount && !sentOnMount.current) {
      sentOnMount.current = true
      sender.resend()
    }
  }, [sendOnMount, sender])

  // A new code clears a dead one, and focus goes back to the field.
  const { codeCycle, lastVerdict } = useOtpStatus(target)
  const clearAndFocus = () => {
    setCode('')
    input.current?.focus()
  }
  useEffect(() => {
    if (codeCycle > 0) clearAndFocus()
  }, [codeCycle])

  const submit = (value: string) => {
    if (verification.isPending || verification.isLocked || verification.isVerified) return
    if (!isCompleteOtp(value, length)) {
      setIncomplete(true)
      input.current?.focus()
      return
    }
    setIncomplete(false)
    // A wrong code, even one judged before, clears the cells for the next try.
    verification.verifyAsync(value).catch((error: OtpError) => {
      if (error.kind === 'invalid_code') clearAndFocus()
    })
  }

  const { error, isPending, isVerified, isLocked } = verification
  // Wrong and dead codes speak through the banner; everything else here
  // (failures keep the code for a retry; "not found" and the like are final).
  const bannerSpeaks = error?.kind === 'invalid_code' || error?.kind === 'code_dead'
  const failure = error && !bannerSpeaks ? messageForError(error, t) : incomplete ? t.codeIncomplete({ length }) : null
  const state = isVerified ? 'verified' : isPending ? 'verifying' : isLocked ? 'locked' : failure ? 'error' : 'idle'
  const titleId = `${id}-title`
  const descriptionId = `${id}-description`
  const errorId = `${id}-error`

  return (
    <div
      {...props}
      ref={ref}
      className={partClass(unstyled, className)}
      data-part={'verification' satisfies Part}
      data-state={state}
      lang={t.lang}
      dir={t.dir}
    >
      <h2 id={titleId} data-part={'title' satisfies Part}>{title ?? t.title}</h2>
      <p id={descriptionId} data-part={'description' satisfies Part}>
        {description ?? t.instructions({ phone: phone ? maskedPhone(phone) : null })}
      </p>
      {onChangePhone ? (
        <button type="button" data-part={'change-phone' satisfies Part} onClick={onChangePhone}>
          {t.wrongNumber}
        </button>
      ) : null}
      <form
        data-part={'form' satisfies Part}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          submit(code)
        }}
      >
        <OtpInput
          ref={input}
          value={code}
          onValueChange={(next) => {
            setCode(next)
            if (incomplete) setIncomplete(false)
          }}
          onComplete={autoSubmit ? submit : undefined}
          length={length}
          mask={mask}
          disabled={isLocked || isVerified}
          readOnly={isPending}
          invalid={Boolean(failure) || lastVerdict?.kind === 'invalid_code'}
          state={isVerified ? 'verified' : isPending ? 'verifying' : 'idle'}
          aria-labelledby={titleId}
          aria-describedby={`${descriptionId} ${errorId}`}
          unstyled
        />
        <AttemptsBanner target={target} unstyled />
        <div id={errorId} role="alert" data-part={'error' satisfies Part}>
          {failure}
        </div>
        <div data-part={'actions' satisfies Part}>
          {isVerified ? null : (
            <button type="submit" data-part={'submit' satisfies Part} data-pending={dataAttr(isPending)} aria-disabled={isPending || isLocked || undefined}>
              {isPending ? t.verifying : error?.outcome === 'failure' ? t.retry : t.verify}
            </button>
          )}
          {isVerified ? null : <ResendButton target={target} codeSentAt={codeSentAt} unstyled />}
        </div>
      </form>
      <div role="status" data-part={'success' satisfies Part}>
        {isVerified ? t.verified : null}
      </div>
    </div>
  )
})

// No-break spaces: the masked number never wraps across lines.
function maskedPhone(phone: string): string {
  return maskPhone(phone).replace(/ /g, '\u00a0')
}
