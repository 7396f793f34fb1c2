'use client'
import { useId } from 'react'
import { useController, type Control, type FieldPath, type FieldValues, type UseControllerProps } from 'react-hook-form'
import { isCompleteOtp } from '../core/isCompleteOtp.js'
import { useOtpTranslator } from '../react/useOtpTranslator.js'
import { OtpInput, type OtpInputProps } from './OtpInput.js'
import type { PartOf } from '../react/anatomy.js'
import { partClass } from './parts.js'

type Part = PartOf<'OtpField'>

/** Props of {@link OtpField}. */
export interface OtpFieldProps<TValues extends FieldValues = FieldValues, TName extends FieldPath<TValues> = FieldPath<TValues>>
  extends Omit<OtpInputProps, 'value' | 'defaultValue' | 'onValueChange' | 'name' | 'invalid'> {
  name: TName
  control?: Control<TValues>
  /** Extra rules; the field always requires exactly `length` digits. */
  rules?: UseControllerProps<TValues, TName>['rules']
  /** @defaultValue 6 */
  length?: number
}

/**
 * An {@link OtpInput} bound to a react-hook-form field, for a code that sits
 * inside the host's own checkout form. Requires exactly `length` digits, with
 * messages in the provider's language.
 *
 * @example
 * const { control, handleSubmit } = useForm<{ code: string }>()
 * <form onSubmit={handleSubmit(({ code }) => verify(code))}>
 *   <OtpField control={control} name="code" aria-label="Code from the SMS" />
 * </form>
 */
export function OtpField<TValues extends FieldValues = FieldValues, TName extends FieldPath<TValues> = FieldPath<TValues>>({
  name, control, rules, length = 6, unstyled, className, ...inputProps
}: OtpFieldProps<TValues, TName>) {
  const t = useOtpTranslator('OtpField')
  const errorId = useId()
  const { field, fieldState } = useController<TValues, TName>({
    name,
    control,
    rules: {
      ...rules,
      required: t.codeRequired,
      validate: {
        ...(typeof rules?.validate === 'function' ? { host: rules.validate } : rules?.validate),
        complete: (value: unknown) => isCompleteOtp(String(value ?? ''), length) || t.codeIncomplete({ length }),
      },
    } as UseControllerProps<TValues, TName>['rules'],
  })
  const message = fieldState.error?.message
  return (
    <div className={partClass(unstyled, className)} data-part={'field' satisfies Part}>
      <OtpInput
        aria-describedby={message ? errorId : undefined}
        {...inputProps}
        ref={field.ref}
        name={field.name}
        value={String(field.value ?? '')}
        onValueChange={field.onChange}
        onBlur={field.onBlur}
        disabled={field.disabled || inputProps.disabled}
        invalid={Boolean(fieldState.error)}
        length={length}
        unstyled
      />
      <p id={errorId} role="alert" data-part={'error' satisfies Part}>
        {message}
      </p>
    </div>
  )
}
