'use client'
import { forwardRef, type ComponentPropsWithoutRef } from 'react'
import { messageForError } from '../core/i18n/messageForError.js'
import { useOtpTranslator } from '../react/useOtpTranslator.js'
import { useOtpStatus } from '../react/useOtpStatus.js'
import type { OtpTarget } from '../core/types.js'
import type { PartOf } from '../react/anatomy.js'
import { dataAttr } from '../react/dataAttr.js'
import { partClass } from './parts.js'

type Part = PartOf<'AttemptsBanner'>

/** Props of {@link AttemptsBanner}. */
export interface AttemptsBannerProps extends ComponentPropsWithoutRef<'div'> {
  /** Whose attempts to show: the same target as the input's. */
  target: OtpTarget
  /** Leaves out the kit's root class: no default CSS, data attributes kept. */
  unstyled?: boolean
}

/**
 * Says what the last verdict means: attempts left after a wrong code (a
 * warning at the last one), locked, or expired; nothing when there is
 * nothing to say. A wrong code is announced politely; a dead code, which
 * blocks the field, as an alert. Each verdict is announced once.
 *
 * @example
 * <AttemptsBanner target={{ phone }} />
 */
export const AttemptsBanner = forwardRef<HTMLDivElement, AttemptsBannerProps>(function AttemptsBanner(
  { target, unstyled, className, ...props },
  ref,
) {
  const t = useOtpTranslator('AttemptsBanner')
  const { lastVerdict, isLocked, verdictCount, attemptsRemaining } = useOtpStatus(target)
  const text = lastVerdict ? messageForError(lastVerdict, t) : null
  const tone = isLocked ? 'error' : attemptsRemaining === 1 ? 'warning' : 'info'
  // Both regions stay in the DOM so screen readers are listening before the
  // text arrives; the key makes a repeated sentence a new announcement.
  return (
    <div
      {...props}
      ref={ref}
      className={partClass(unstyled, className)}
      data-part={'banner' satisfies Part}
      data-tone={text ? tone : undefined}
      data-locked={dataAttr(isLocked)}
      data-empty={dataAttr(!text)}
    >
      <div role="status" aria-live="polite" data-part={'banner-status' satisfies Part}>
        {text && !isLocked ? <span key={verdictCount}>{text}</span> : null}
      </div>
      <div role="alert" data-part={'banner-alert' satisfies Part}>
        {text && isLocked ? <span key={verdictCount}>{text}</span> : null}
      </div>
    </div>
  )
})
