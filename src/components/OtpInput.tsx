'use client'
import { forwardRef, type InputHTMLAttributes } from 'react'
import { useOtpField, type UseOtpFieldProps } from '../react/useOtpField.js'
import type { PartOf } from '../react/anatomy.js'

type Part = PartOf<'OtpInput'>

/** Props of {@link OtpInput}. */
export interface OtpInputProps
  extends UseOtpFieldProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, keyof UseOtpFieldProps | 'children' | 'maxLength' | 'type'> {
  /** Shows a dot instead of each digit. @defaultValue false */
  mask?: boolean
  /** The look of the row while a code is checked or once it is accepted. */
  state?: 'idle' | 'verifying' | 'verified'
  /** Leaves out the kit's root class: no default CSS, data attributes kept. */
  unstyled?: boolean
  /** Class of the root element (the row). */
  className?: string
  /** Class of the real input. */
  inputClassName?: string
}

/**
 * A one-time-code field: cells drawn over one real input, so SMS autofill,
 * paste, password managers and screen readers all see an ordinary field.
 * The row stays left-to-right in Arabic and Kurdish. The ref is the input's.
 *
 * @example
 * <OtpInput aria-label="Verification code" onComplete={(code) => verify(code)} />
 */
export const OtpInput = forwardRef<HTMLInputElement, OtpInputProps>(function OtpInput(props, ref) {
  // What the hook reads stays off the input (the input props put the value in place of
  // `value` and `defaultValue` themselves); the rest is the host's, for the input.
  const {
    onValueChange, onComplete, length, invalid, webOtp, onFocus, onBlur,
    mask, state, unstyled, className, inputClassName, ...inputProps
  } = props
  const field = useOtpField(props)
  // partClass(unstyled, className) of parts.ts, written out (its ROOT_CLASS too, which a
  // test holds the same): a bundler that keeps a shared module whole (Turbopack) would
  // otherwise ship parts.js with the field, for this one line.
  const rowClass = `${unstyled ? '' : 'otp-kit'} ${className ?? ''}`.trim() || undefined
  return (
    <div {...field.getRootProps()} className={rowClass} data-state={state !== 'idle' ? state : undefined}>
      <input {...field.getInputProps({ ...inputProps, ref, className: inputClassName })} />
      <div data-part={'cells' satisfies Part} aria-hidden>
        {field.cells.map((cell) => (
          <div key={cell.index} {...field.getCellProps(cell.index)}>
            {mask && cell.char ? '•' : cell.char}
          </div>
        ))}
      </div>
    </div>
  )
})
