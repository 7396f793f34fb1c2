'use client'
import { useEffect, useRef, useState } from 'react'
import type {
  ChangeEvent,
  FocusEvent,
  FocusEventHandler,
  InputHTMLAttributes,
  KeyboardEvent,
  MouseEvent as ReactMouseEvent,
  PointerEvent as ReactPointerEvent,
  Ref,
  RefCallback,
} from 'react'
import {
  applyKey,
  createOtpFieldState,
  fromRange,
  insertText,
  otpCells,
  replaceFromDom,
  selectAll,
  selectSlots,
  toRange,
  type OtpCell,
  type OtpFieldState,
  type OtpInputSource,
  type OtpValueDetails,
} from '../core/otpField.js'
import { normalizeOtp } from '../core/normalize.js'
import type { PartOf } from './anatomy.js'
import { composeEventHandlers } from './composeEventHandlers.js'
import { dataAttr } from './dataAttr.js'

type FieldPart = PartOf<'OtpInput'>

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
  /** Disables the input and any WebOTP request: nothing can change the code. @defaultValue false */
  disabled?: boolean
  /**
   * Keeps the code as it is (typing, paste, drop, cut, undo, autofill and
   * WebOTP change nothing) while the input stays focusable and selectable:
   * the drop-in sets it while a code is checked. @defaultValue false
   */
  readOnly?: boolean
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

/**
 * Props for the element around the input and the cells: `dir="ltr"`, and the
 * pointer handlers that turn a click, tap or drag into a selection of cells.
 */
export type OtpFieldRootProps = DataAttributes & {
  dir: 'ltr'
  onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void
  onMouseDown: (event: ReactMouseEvent<HTMLElement>) => void
  onClick: (event: ReactMouseEvent<HTMLElement>) => void
}

/** What {@link useOtpField} returns. */
export interface UseOtpFieldResult {
  /** The code so far: ASCII digits only. */
  value: string
  /** Whether all `length` digits are in. */
  isComplete: boolean
  /** What each cell shows, in order. */
  cells: OtpCell[]
  /** Replaces the code with the digits of `value` (even while read-only: it is the host's own write). */
  setValue: (value: string) => void
  /** Empties the field. */
  clear: () => void
  /** Moves focus to the input. */
  focus: () => void
  /**
   * Props for the root: `data-part="root"`, `data-complete`, `data-disabled`,
   * `data-invalid`, `dir="ltr"` and the pointer handlers. The root must hold
   * the cells (the kit finds them by `data-part="cell"` to tell which one was
   * clicked) and the input.
   */
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

/**
 * How a change the browser made arrived, from its `inputType`: autofill and
 * a value written from outside come with `insertReplacementText` or none.
 */
function sourceOf(event: Event): OtpInputSource {
  const type = (event as InputEvent).inputType ?? ''
  return /^$|Replacement/.test(type) ? 'autofilled' : /Paste|Drop/.test(type) ? 'pasted' : 'typed'
}

/**
 * The cell under `x`, or the nearest one: the cells are the root's
 * `[data-part="cell"]` elements, in order. With no cell laid out (hidden
 * cells, no layout at all), the insert position.
 */
function slotAt(root: Element, x: number): number {
  let slot = Infinity
  // The right edge of the last cell laid out: past the middle of the gap after it, the next cell is nearer.
  let edge = -Infinity
  root.querySelectorAll(`[data-part="${'cell' satisfies FieldPart}"]`).forEach((cell, index) => {
    const { left, right } = cell.getBoundingClientRect()
    if (right > left) {
      if (x >= (left + edge) / 2) slot = index
      edge = right
    }
  })
  return slot
}

// Edits are refused while the input is disabled or read-only, whoever set it (the hook's props or the host's).
const locked = (el: HTMLInputElement) => el.disabled || el.readOnly

/**
 * The behaviour of a one-time-code field without its markup: one real
 * `<input>` holds the code (so SMS autofill, paste, password managers and
 * screen readers work) and the cells are drawn from it, as slots: a caret on
 * a digit selects that digit, typing replaces it and moves on, a click
 * selects the cell clicked, a drag or Shift selects a range.
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
  const { length = 6, disabled, invalid } = props
  // The code as the host gave it or as the field last set it, normalised on each render.
  const [own, setOwn] = useState(props.defaultValue ?? '')
  const value = normalizeOtp(props.value ?? own, length)
  // The selection, as slots: [anchor, focus].
  const [selection, setSelection] = useState([Infinity, Infinity])
  const [focused, setFocused] = useState(false)
  // The raw text of an IME composition under way: shown as it is, applied once at its end.
  const [composition, setComposition] = useState<string | null>(null)
  // The selection last asked for: the browser reports every caret move again
  // (onSelect after typing), and asking React for the same state once more
  // still costs a render, on every keystroke.
  const asked = useRef(selection)
  const input = useRef<HTMLInputElement | null>(null)
  // A write of ours on its way through the DOM `input` event.
  const pending = useRef<[OtpFieldState, OtpInputSource, boolean?] | null>(null)
  // Whether the last input event changed the code (the host's onChange hears only those),
  // and whether the last pointer pressed was a finger or a pen (their click places the selection).
  const changed = useRef(false)
  const touch = useRef(false)
  // The field's own undo and redo (writing the value from script breaks the browser's):
  // the states before the last 20 edits, and the states undone since.
  const [[past, future]] = useState<[OtpFieldState[], OtpFieldState[]]>(() => [[], []])
  const state = selectSlots(value, length, selection[0]!, selection[1]!)
  const isComplete = value.length === length

  const select = (el: HTMLInputElement | null, next: OtpFieldState) => {
    const [start, end, direction] = toRange(next)
    if (el?.ownerDocument.activeElement === el && (el!.selectionStart !== start || el!.selectionEnd !== end)) el!.setSelectionRange(start, end, direction)
    if (asked.current[0] !== next.anchor || asked.current[1] !== next.focus) setSelection((asked.current = [next.anchor, next.focus]))
  }
  // Every change ends here. The DOM is written with setRangeText, which React's change
  // tracking does not see: React's onChange then fires (and with it the host's, and
  // react-hook-form's `register`) exactly when the code differs from what React last knew.
  const apply = (next: OtpFieldState, el: HTMLInputElement | null, source: OtpInputSource, travelling?: boolean) => {
    if (el && el.value !== next.value) el.setRangeText(next.value, 0, el.value.length)
    select(el, next)
    if (!(changed.current = next.value !== value)) return
    if (!travelling) {
      if (past.push(state) > 20) past.shift()
      future.length = 0
    }
    if (props.value === undefined) setOwn(next.value)
    props.onValueChange?.(next.value, { source })
    if (next.value.length === length) props.onComplete?.(next.value, { source })
  }

  // Writes as the browser would, then fires `input`, so that a drop, undo, WebOTP and
  // setValue reach the host's onChange like typing does.
  const commit = (next: OtpFieldState, source: OtpInputSource, travelling?: boolean) => {
    const el = input.current
    if (!el || next.value === value) return apply(next, el, source, travelling)
    pending.current = [next, source, travelling]
    // Through React's own setter first, so that its change tracking knows the code as it was.
    el.value = value
    el.setRangeText(next.value, 0, value.length)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  }

  // WebOTP: while the field may change, the browser is asked for the code of an incoming SMS,
  // where it has the API. The request is aborted when the field may no longer change, on
  // unmount, and when the shopper types or pastes. Aborts and refusals are expected: ignored.
  // `deliver` is set on each commit (in `ref` below): the code goes through the latest state.
  const deliver = useRef<((code: string) => void) | null>(null)
  const webOtp = useRef<AbortController | null>(null)
  const asking = props.webOtp !== false && !disabled && !props.readOnly
  useEffect(() => {
    if (!asking || !('OTPCredential' in window)) return
    const controller = (webOtp.current = new AbortController())
    // `otp` is not in TypeScript's DOM types yet.
    navigator.credentials.get({ otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions).then(
      (credential) => {
        const code = (credential as { code?: string } | null)?.code
        if (code && !controller.signal.aborted) deliver.current!(code)
      },
      () => {},
    )
    return () => controller.abort()
  }, [asking])

  // A shopper's edit: refused while locked (the input shows the code again), else applied.
  const edit = (el: HTMLInputElement, next: OtpFieldState, source: OtpInputSource, travelling?: boolean) => {
    if (locked(el)) return apply(state, el, source)
    webOtp.current?.abort()
    commit(next, source, travelling)
  }

  // Undo and redo: nothing to do while locked, and the history stays as it is.
  const travel = (el: HTMLInputElement, back: boolean) => {
    const target = !locked(el) && (back ? past : future).pop()
    if (target) {
      ;(back ? future : past).push(state)
      edit(el, target, 'typed', true)
    }
  }

  // What the browser did, read from the DOM. A paste is the browser's too: it puts the text in
  // place of the selection, and reading it as text typed over the selection gives the field's
  // paste (a whole code found in it replaces everything). Nothing is applied mid-composition
  // (the IME's own text is shown as it is); its end applies the composed text once.
  const read = (el: HTMLInputElement, event: Event, source = sourceOf(event)) => {
    const [queued, queuedSource, travelling] = pending.current ?? []
    pending.current = null
    changed.current = false
    if (queued?.value === el.value) return apply(queued, el, queuedSource!, travelling)
    if ((event as InputEvent).isComposing) return setComposition(el.value)
    if (el.value === value) return
    if (locked(el)) return apply(state, el, source)
    webOtp.current?.abort()
    apply(replaceFromDom(state, el.value, el.selectionStart!, length), el, source)
  }

  // Listened to on the element itself, before React's own listener, and set again on each
  // commit (the ref callback getInputProps gives is new on each render) so that they see the
  // latest state.
  // `input` and `change`: whatever wrote the value (keys, an IME, autofill, a browser
  // driver or an extension through React's own setter, which React would not report),
  // the field reads it from the DOM. `beforeinput`: React's onBeforeInput is built on
  // `textInput` and never sees the Edit menu's undo.
  const ref = (el: HTMLInputElement | null) => {
    if (el) {
      el.oninput = el.onchange = (event) => read(el, event)
      el.onbeforeinput = (event) => {
        // historyUndo or historyRedo, the only input types of that name.
        if (!/^history/.test(event.inputType)) return
        event.preventDefault()
        travel(el, event.inputType === 'historyUndo')
      }
    }
    deliver.current = (code) => commit(createOtpFieldState(code, length), 'webotp')
    input.current = el
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const el = event.currentTarget
    if (event.nativeEvent.isComposing) return
    const next = applyKey(state, event, length)
    if (next === undefined) return
    event.preventDefault()
    // The keys the field takes itself only move and select, or undo and redo.
    if (typeof next === 'string') travel(el, next === 'undo')
    else select(el, next)
  }

  // A mouse press: the kit places the selection itself (the input's own text does not line up
  // with the cells), and follows a drag. Touch and pen are left to the browser, so that a tap
  // opens the keyboard and a long press offers Paste; their click then selects the cell.
  const press = (event: ReactMouseEvent<HTMLElement>, click?: boolean) => {
    const el = input.current
    if (!el || el.disabled || event.button || (click ? !touch.current || !event.detail : touch.current)) return
    if (!click) event.preventDefault()
    el.focus()
    const root = event.currentTarget
    const anchor = event.shiftKey ? state.anchor : slotAt(root, event.clientX)
    const to = (x: number) => select(el, event.detail > 1 ? selectAll(state, length) : selectSlots(value, length, anchor, slotAt(root, x)))
    to(event.clientX)
    if (click) return
    const doc = el.ownerDocument
    const move = (moved: MouseEvent) => to(moved.clientX)
    doc.addEventListener('mousemove', move)
    doc.addEventListener('mouseup', () => doc.removeEventListener('mousemove', move), { once: true })
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
      'data-part': 'root' satisfies FieldPart,
      'data-complete': dataAttr(isComplete),
      'data-disabled': dataAttr(disabled),
      'data-invalid': dataAttr(invalid),
      dir: 'ltr',
      onPointerDown: (event) => void (touch.current = event.pointerType !== 'mouse'),
      onMouseDown: (event) => press(event),
      onClick: (event) => press(event, true),
    }),
    getInputProps: ({ ref: hostRef, ...host } = {}) => ({
      id: props.id,
      name: props.name,
      'aria-invalid': invalid || undefined,
      autoComplete: 'one-time-code',
      ...host,
      ref: (el: HTMLInputElement | null) => {
        ref(el)
        if (typeof hostRef === 'function') hostRef(el)
        else if (hostRef) hostRef.current = el
      },
      type: 'text',
      inputMode: 'numeric',
      pattern: '[0-9]*',
      spellCheck: false,
      dir: 'ltr',
      'data-part': 'input' satisfies FieldPart,
      value: composition ?? value,
      defaultValue: undefined,
      maxLength: undefined,
      disabled: disabled || host.disabled,
      readOnly: props.readOnly || host.readOnly,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        if (changed.current) host.onChange?.(event)
      },
      onKeyDown: composeEventHandlers(host.onKeyDown, onKeyDown),
      // A drop lands where the selection is, not where the pointer let go.
      onDrop: composeEventHandlers(host.onDrop, (event) => {
        event.preventDefault()
        edit(event.currentTarget, insertText(state, event.dataTransfer.getData('text'), length), 'pasted')
      }),
      onSelect: composeEventHandlers(host.onSelect, (event) => {
        // The selection the browser made (a tap, a long press, select-all), in slot form.
        const el = event.currentTarget
        if (composition === null) select(el, fromRange(value, length, el.selectionStart!, el.selectionEnd!, el.selectionDirection === 'backward'))
      }),
      onFocus: composeEventHandlers(host.onFocus, (event: FocusEvent<HTMLInputElement>) => {
        setFocused(true)
        // The keyboard brings the shopper to where the next digit goes; a click says where itself, next.
        select(event.currentTarget, createOtpFieldState(value, length))
        props.onFocus?.(event)
      }),
      onBlur: composeEventHandlers(host.onBlur, (event: FocusEvent<HTMLInputElement>) => {
        setFocused(false)
        props.onBlur?.(event)
      }),
      onCompositionEnd: composeEventHandlers(host.onCompositionEnd, (event) => {
        setComposition(null)
        read(event.currentTarget, event.nativeEvent, 'typed')
      }),
    }),
    getCellProps: (index) => {
      const cell = cells[index]
      return {
        'data-part': 'cell' satisfies FieldPart,
        'data-active': dataAttr(cell?.isActive),
        'data-filled': dataAttr(cell?.isFilled),
        'data-caret': dataAttr(cell?.hasCaret),
        'aria-hidden': true,
        children: cell?.char ?? '',
      }
    },
  }
}
