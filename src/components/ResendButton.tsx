'use client'
import { forwardRef, useEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react'
import { messageForError } from '../core/i18n/messageForError.js'
import { composeEventHandlers } from '../react/composeEventHandlers.js'
import type { Translator } from '../core/i18n/types.js'
import { useOtpTranslator } from '../react/useOtpTranslator.js'
import { useResendOtp, type UseResendOtpOptions } from '../react/useResendOtp.js'
import type { OtpTarget } from '../core/types.js'
import type { PartOf } from '../react/anatomy.js'
import { dataAttr } from '../react/dataAttr.js'
import { partClass } from './parts.js'

type Part = PartOf<'ResendButton'>

/** Props of {@link ResendButton}. */
export interface ResendButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children' | 'onError'>, UseResendOtpOptions {
  /** Whom to send a new code to. */
  target: OtpTarget
  /** Leaves out the kit's root class: no default CSS, data attributes kept. */
  unstyled?: boolean
}

/**
 * "Resend code", disabled with "Resend in 0:45" while the server's wait or
 * the cooldown runs, and "New code sent" after a send. Renders nothing when
 * the back end cannot resend. The countdown is not read out each second:
 * screen readers hear when it starts and when resending is possible again.
 *
 * @example
 * <ResendButton target={{ phone }} codeSentAt={sentAt} />
 */
export const ResendButton = forwardRef<HTMLButtonElement, ResendButtonProps>(function ResendButton(
  { target, codeSentAt, onSent, onError, unstyled, className, disabled, onClick, ...props },
  ref,
) {
  const t = useOtpTranslator('ResendButton')
  const { resend, canResend, secondsLeft, isPending, isSupported, isSent, error } = useResendOtp(target, { codeSentAt, onSent, onError })
  const announcement = useCountdownAnnouncement(secondsLeft, t)
  if (!isSupported) return null
  const rateLimited = error?.kind === 'rate_limited'

  const label = isPending ? t.resending : secondsLeft > 0 ? t.resendIn({ seconds: secondsLeft }) : t.resend
  return (
    <div className={partClass(unstyled, undefined)} data-part={'resend' satisfies Part}>
      <button
        type="button"
        {...props}
        ref={ref}
        className={className}
        data-part={'resend-button' satisfies Part}
        data-counting={dataAttr(secondsLeft > 0)}
        data-pending={dataAttr(isPending)}
        // aria-disabled keeps the button focusable, so a keyboard user can find it and hear why it waits.
        aria-disabled={!canResend || disabled ? true : undefined}
        onClick={composeEventHandlers(onClick, () => {
          if (!disabled) resend()
        })}
      >
        {label}
      </button>
      <span role="status" aria-live="polite" data-part={'resend-status' satisfies Part}>
        {isSent ? <span data-part={'resend-sent' satisfies Part}>{t.codeResent}</span> : null}
        {error && !rateLimited ? <span data-part={'resend-error' satisfies Part}>{messageForError(error, t)}</span> : null}
        {announcement ? <span data-visually-hidden="">{announcement}</span> : null}
      </span>
      {/* Counts down with the button, so it stays out of the live region: the
          countdown's own announcement tells screen readers how long to wait. */}
      {rateLimited && secondsLeft > 0 ? <span data-part={'resend-error' satisfies Part}>{t.rateLimited({ seconds: secondsLeft })}</span> : null}
    </div>
  )
})

// Announces when a countdown starts and when it ends, never each second.
function useCountdownAnnouncement(secondsLeft: number, t: Translator): string | null {
  const [text, setText] = useState<string | null>(null)
  const counting = secondsLeft > 0
  const wasCounting = useRef(counting)
  useEffect(() => {
    if (counting === wasCounting.current) return
    wasCounting.current = counting
    setText(counting ? t.resendAvailableIn({ seconds: secondsLeft }) : t.resendAvailable)
  }, [counting, secondsLeft, t])
  return text
}
