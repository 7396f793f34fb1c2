'use client'
import { useCallback, useRef, useState } from 'react'
import type {
  ChangeEvent,
  ClipboardEvent,
  FocusEvent,
  FocusEventHandler,
  InputHTMLAttributes,
  KeyboardEvent,
  Ref,
  RefCallback,
} from 'react'
import { isCompleteOtp, normalizeOtp } from '../core/normalize.js'
import {
  createOtpFieldState,
  createOtpHistory,
  insertText,
  moveCaret,
  otpCells,
  otpKeyAction,
  replaceFromDom,
  selectAll,
  type OtpCell,
  type OtpFieldState,
  type OtpInputSource,
  type OtpValueDetails,
} from '../core/otpField.js'
import { composeEventHandlers } from './composeEventHandlers.js'
import { mergeRefs } from './mergeRefs.js'
import { useLatest } from './useLatest.js'
import { useWebOtp } from './useWebOtp.js'

/** Options of {@link useOtpField}. */
export interface UseOtpFieldProps {
  /** The code, when the host holds it (controlled). Normalised before use. */
  value?: string
  /** The starting code when the hook holds it (uncontrolled). */
  defaultValue?: string
  /** Called with the normalised code after every change, and how that input arrived. */
  onValueChange?: (value: string, details: OtpValueDetails) => void
  /**
   * Called once each time the code becomes complete: typed, pasted, autofilled
   * or read by WebOTP (`details.source` says which).
   */
  onComplete?: (code: string, details: OtpValueDetails) => void
  /** How many digits the code has. @defaultValue 6 */
  length?: number
  /** Disables the input and any WebOTP request. @defaultValue false */
  disabled?: boolean
  /** Marks the code as wrong: `aria-invalid` on the input, `data-invalid` on the root. @defaultValue false */
  invalid?: boolean
  /** Reads the code from an incoming SMS where the browser offers WebOTP. @defaultValue true */
  webOtp?: boolean
  /** The input's `name`, for forms. */
  name?: string
  /** The input's `id`, for a `<label htmlFor>`. */
  id?: string
  /** Called when the input gets focus. */
  onFocus?: FocusEventHandler<HTMLInputElement>
  /** Called when the input loses focus (react-hook-form's `field.onBlur` fits). */
  onBlur?: FocusEventHandler<HTMLInputElement>
}

type DataAttributes = { [attribute: `data-${string}`]: string | undefined }

/** Props for the one real input; the host's own props and `ref` go through {@link UseOtpFieldResult.getInputProps}. */
export type OtpFieldInputProps = InputHTMLAttributes<HTMLInputElement> & DataAttributes & { ref: RefCallback<HTMLInputElement> }

/** Props for a cell element: hidden from assistive technology, which reads the input. */
export type OtpFieldCellProps = DataAttributes & { 'aria-hidden': true; children: string }

/** Props for the element around the input and the cells. */
export type OtpFieldRootProps = DataAttributes & { dir: 'ltr' }

/** What {@link useOtpField} returns. */
export interface UseOtpFieldResult {
  /** The code so far: ASCII digits only. */
  value: string
  /** Whether all `length` digits are in. */
  isComplete: boolean
  /** What each cell shows, in order. */
  cells: OtpCell[]
  /** Replaces the code with the digits of `value`, as if the shopper had entered them. */
  setValue: (value: string) => void
  /** Empties the field. */
  clear: () => void
  /** Moves focus to the input. */
  focus: () => void
  /** Props for the root: `data-part="root"`, `data-complete`, `data-disabled`, `data-invalid`, `dir="ltr"`. */
  getRootProps: () => OtpFieldRootProps
  /**
   * Props for the `<input>`. The host's props are kept, its handlers run
   * before ours (a `preventDefault()` skips ours; `onChange` runs after ours,
   * on the normalised value) and its `ref` is merged. `maxLength` is dropped:
   * it would cut a pasted SMS before the code is found in it.
   */
  getInputProps: (userProps?: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) => OtpFieldInputProps
  /** Props for cell `index`: `data-part="cell"`, `data-active`, `data-filled`, `data-caret`, and its digit as children. */
  getCellProps: (index: number) => OtpFieldCellProps
}

const attr = (on: boolean) => (on ? '' : undefined)

/**
 * How a change the browser made arrived, from its `inputType`: autofill and
 * a value written from outside come with `insertReplacementText` or none.
 */
function sourceOf(event: Event): OtpInputSource {
  const type = (event as InputEvent).inputType
  if (!type || type === 'insertReplacementText') return 'autofilled'
  return type === 'insertFromPaste' || type === 'insertFromDrop' ? 'pasted' : 'typed'
}

/**
 * The behaviour of a one-time-code field without its markup: one real
 * `<input>` holds the code (so SMS autofill, paste, password managers and
 * screen readers work) and the cells are drawn from it.
 *
 * @example
 * const field = useOtpField({ onComplete: (code) => verify(code) })
 * return (
 *   <div {...field.getRootProps()}>
 *     <input {...field.getInputProps({ 'aria-label': 'Code from the SMS' })} />
 *     {field.cells.map((cell) => <div key={cell.index} {...field.getCellProps(cell.index)} />)}
 *   </div>
 * )
 */
export function useOtpField(props: UseOtpFieldProps = {}): UseOtpFieldResult {
  const { length = 6, disabled = false, invalid = false } = props
  const [own, setOwn] = useState(() => normalizeOtp(props.defaultValue ?? '', length))
  const value = normalizeOtp(props.value ?? own, length)
  const [[start, end], setSelection] = useState<[number, number]>(() => [value.length, value.length])
  // The selection last asked for: the browser reports every caret move again
  // (onSelect after typing), and asking React for the same state once more
  // still costs a render, on every keystroke.
  const asked = useRef<[number, number]>([start, end])
  const [focused, setFocused] = useState(false)
  const input = useRef<HTMLInputElement | null>(null)
  // A write of ours on its way through the DOM `input` event, and whether it is an undo or redo.
  const pending = useRef<[OtpFieldState, boolean, OtpInputSource] | null>(null)
  const [history] = useState(() => createOtpHistory())
  const state = createOtpFieldState(value, length, start, end)
  const isComplete = isCompleteOtp(value, length)

  const select = (el: HTMLInputElement | null, next: OtpFieldState) => {
    if (el && el.ownerDocument.activeElement === el) el.setSelectionRange(next.selectionStart, next.selectionEnd)
    if (asked.current[0] === next.selectionStart && asked.current[1] === next.selectionEnd) return
    asked.current = [next.selectionStart, next.selectionEnd]
    setSelection(asked.current)
  }
  const fromDom = (el: HTMLInputElement) => createOtpFieldState(value, length, el.selectionStart ?? value.length, el.selectionEnd ?? value.length)

  // Every change ends here, inside the input's change event once an input is mounted,
  // so the DOM already holds the normalised value when the host's onChange runs.
  const apply = (next: OtpFieldState, el: HTMLInputElement | null, travelling: boolean, source: OtpInputSource) => {
    if (el) el.value = next.value
    select(el, next)
    if (next.value === value) return false
    if (!travelling) history.record(state)
    if (props.value === undefined) setOwn(next.value)
    props.onValueChange?.(next.value, { source })
    if (isCompleteOtp(next.value, length)) props.onComplete?.(next.value, { source })
    return true
  }

  // Writes as the browser would, then fires `input`, so that React's onChange, and with it
  // react-hook-form's `register`, hear of paste, undo, WebOTP and setValue like of typing.
  const commit = (next: OtpFieldState, source: OtpInputSource, travelling = false) => {
    const el = input.current
    if (!el || el.value === next.value) return void apply(next, el, travelling, source)
    pending.current = [next, travelling, source]
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set?.call(el, next.value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  }

  const travel = (back: boolean) => {
    const target = history.travel(back, state)
    if (target) commit(target, 'typed', true)
  }

  const abortWebOtp = useWebOtp(props.webOtp !== false && !disabled, (code) => commit(createOtpFieldState(code, length), 'webotp'))

  const latest = useLatest(travel)
  const onBeforeInput = useCallback((event: InputEvent) => {
    if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return
    event.preventDefault()
    latest.current(event.inputType === 'historyUndo')
  }, [])
  // React's onBeforeInput is built on `textInput` and never sees the Edit menu's undo, so listen natively.
  const ref = useCallback(
    (el: HTMLInputElement | null) => {
      input.current?.removeEventListener('beforeinput', onBeforeInput)
      el?.addEventListener('beforeinput', onBeforeInput)
      input.current = el
    },
    [onBeforeInput],
  )

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const el = event.currentTarget
    const [queued, travelling = false, source = 'typed'] = pending.current ?? []
    pending.current = null
    if (queued?.value === el.value) return apply(queued, el, travelling, source)
    abortWebOtp()
    return apply(replaceFromDom(state, el.value, el.selectionStart ?? el.value.length, length), el, false, sourceOf(event.nativeEvent))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const action = otpKeyAction(event)
    if (!action) return
    event.preventDefault()
    if (action === 'undo' || action === 'redo') travel(action === 'undo')
    else select(event.currentTarget, action === 'selectAll' ? selectAll(state) : moveCaret(fromDom(event.currentTarget), action))
  }

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault()
    abortWebOtp()
    commit(insertText(fromDom(event.currentTarget), event.clipboardData.getData('text'), length), 'pasted')
  }

  const onSelect = (event: { currentTarget: HTMLInputElement }) => select(null, fromDom(event.currentTarget))
  const onFocus = (event: FocusEvent<HTMLInputElement>) => {
    setFocused(true)
    onSelect(event)
    props.onFocus?.(event)
  }
  const onBlur = (event: FocusEvent<HTMLInputElement>) => {
    setFocused(false)
    props.onBlur?.(event)
  }

  const cells = otpCells(state, length, focused)

  return {
    value,
    isComplete,
    cells,
    setValue: (next) => commit(createOtpFieldState(next, length), 'autofilled'),
    clear: () => commit(createOtpFieldState('', length), 'typed'),
    focus: () => input.current?.focus(),
    getRootProps: () => ({
      'data-part': 'root',
      'data-complete': attr(isComplete),
      'data-disabled': attr(disabled),
      'data-invalid': attr(invalid),
      dir: 'ltr',
    }),
    getInputProps: ({ ref: hostRef, ...host } = {}) => ({
      id: props.id,
      name: props.name,
      'aria-invalid': invalid || undefined,
      autoComplete: 'one-time-code',
      ...host,
      ref: hostRef ? mergeRefs(ref, hostRef) : ref,
      type: 'text',
      inputMode: 'numeric',
      pattern: '[0-9]*',
      spellCheck: false,
      dir: 'ltr',
      'data-part': 'input',
      value,
      defaultValue: undefined,
      maxLength: undefined,
      disabled: disabled || host.disabled,
      onChange: (event) => {
        if (onChange(event)) host.onChange?.(event)
      },
      onKeyDown: composeEventHandlers(host.onKeyDown, onKeyDown),
      onPaste: composeEventHandlers(host.onPaste, onPaste),
      onSelect: composeEventHandlers(host.onSelect, onSelect),
      onFocus: composeEventHandlers(host.onFocus, onFocus),
      onBlur: composeEventHandlers(host.onBlur, onBlur),
    }),
    getCellProps: (index) => {
      const cell = cells[index]
      return {
        'data-part': 'cell',
        'data-active': attr(!!cell?.isActive),
        'data-filled': attr(!!cell?.isFilled),
        'data-caret': attr(!!cell?.hasCaret),
        'aria-hidden': true,
        children: cell?.char ?? '',
      }
    },
  }
}
