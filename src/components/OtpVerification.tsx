'use client'
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import { messageForError } from '../core/i18n/messageForError.js'
import { maskPhone } from '../core/phone.js'
import type { OtpTarget } from '../core/types.js'
import { useOtpTranslator } from '../react/useOtpTranslator.js'
import { useOtpVerification, type UseOtpVerificationOptions } from '../react/useOtpVerification.js'
import type { PartOf } from '../react/anatomy.js'
import { AttemptsBanner } from './AttemptsBanner.js'
import { dataAttr } from '../react/dataAttr.js'
import { partClass } from './parts.js'
import { ResendButton } from './ResendButton.js'

type Part = PartOf<'OtpVerification'>
type FieldPart = PartOf<'OtpInput'>

/**
 * Props of {@link OtpVerification}: the target, the flow's options (those of
 * {@link useOtpVerification}: `onVerified`, `onError`, `onEvent`,
 * `autoSubmit`, `length`, `codeSentAt`, `sendOnMount`, `onChangePhone`,
 * which also shows the "Wrong number?" action), and the markup's own.
 */
export interface OtpVerificationProps
  extends UseOtpVerificationOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'title' | keyof UseOtpVerificationOptions> {
  /** ondi: the phone the code went to, in international format. */
  phone?: string
  /** ondi: resend by customer id; oystr: the customer to verify. */
  customerId?: string
  /** oystr: the tracking code, when there is no customer id. */
  trackingCode?: string
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
 * form library needed. Markup over {@link useOtpVerification}, which has
 * the whole flow for a host's own markup.
 *
 * @example
 * <OtpVerification phone="+9647501234567" codeSentAt={sentAt} onVerified={({ customer, session }) => placeOrder(customer, session)} />
 */
export const OtpVerification = forwardRef<HTMLDivElement, OtpVerificationProps>(function OtpVerification(
  {
    phone, customerId, trackingCode, onVerified, onError, onEvent, autoSubmit, length = 6, codeSentAt,
    sendOnMount, onChangePhone, title, description, mask, unstyled, className, ...props
  },
  ref,
) {
  const t = useOtpTranslator('OtpVerification')
  const target = (phone !== undefined ? { phone, customerId } : customerId !== undefined ? { customerId } : { trackingCode }) as OtpTarget
  const flow = useOtpVerification(target, { onVerified, onError, onEvent, autoSubmit, length, codeSentAt, sendOnMount, onChangePhone })
  const { field, state, inlineError, isPending, isVerified, isLocked } = flow
  const id = useId()
  const titleId = `${id}-title`
  const descriptionId = `${id}-description`
  const errorId = `${id}-error`
  const failure = inlineError ? messageForError(inlineError, t) : flow.isIncomplete ? t.codeIncomplete({ length }) : null

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
      {flow.changePhone ? (
        <button type="button" data-part={'change-phone' satisfies Part} onClick={flow.changePhone}>
          {t.wrongNumber}
        </button>
      ) : null}
      <form data-part={'form' satisfies Part} {...flow.getFormProps()}>
        <div {...field.getRootProps()} data-state={isVerified ? 'verified' : isPending ? 'verifying' : undefined}>
          <input {...field.getInputProps({ 'aria-labelledby': titleId, 'aria-describedby': `${descriptionId} ${errorId}` })} />
          <div data-part={'cells' satisfies FieldPart} aria-hidden>
            {field.cells.map((cell) => (
              <div key={cell.index} {...field.getCellProps(cell.index)}>
                {mask && cell.char ? '•' : cell.char}
              </div>
            ))}
          </div>
        </div>
        <AttemptsBanner target={target} unstyled />
        <div id={errorId} role="alert" data-part={'error' satisfies Part}>
          {failure}
        </div>
        <div data-part={'actions' satisfies Part}>
          {isVerified ? null : (
            <button type="submit" data-part={'submit' satisfies Part} data-pending={dataAttr(isPending)} aria-disabled={isPending || isLocked || undefined}>
              {isPending ? t.verifying : flow.canRetry ? t.retry : t.verify}
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
