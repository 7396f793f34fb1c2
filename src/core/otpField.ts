/**
 * The value and selection of a code field, and every edit a shopper can make
 * to them, as pure functions: the hook feeds them DOM events, tests fuzz them.
 *
 * The field is a row of slots, and the selection runs from an anchor slot to
 * a focus slot (the one Shift moves). Invariants kept by every function
 * here, whatever it is given: `value` holds only ASCII digits, at most
 * `length` of them, with no gaps; a selection of one slot or more covers
 * filled slots only (one slot is a block caret: that digit is selected);
 * the only empty slot that can be selected is the insert position, after the
 * last digit of a partial code, and then alone (a line caret). On a full
 * code the insert position becomes the last slot.
 */
import { normalizeOtp } from './normalize.js'

/**
 * How the input that last changed a code arrived: keys or an IME (`typed`),
 * the clipboard or a drop (`pasted`), the browser or a password manager
 * writing the whole value (`autofilled`), or the WebOTP API (`webotp`).
 */
export type OtpInputSource = 'typed' | 'pasted' | 'autofilled' | 'webotp'

/** What `onComplete` and `onValueChange` learn besides the code. */
export interface OtpValueDetails {
  /** How the input that made this change arrived. */
  source: OtpInputSource
}

/** A code field's digits and its selection, in slots. */
export interface OtpFieldState {
  /** The digits so far: ASCII only, at most `length`, no gaps. */
  value: string
  /** The slot the selection started from: it stays put under Shift. */
  anchor: number
  /** The slot the selection reaches: Shift+Arrow and a drag move it. */
  focus: number
}

// NaN counts as 0 and Infinity as the end, so DOM nulls and guesses are safe.
const clamp = (n: number, max: number): number => Math.max(Math.min(Math.trunc(n) || 0, max), 0)

/**
 * The state of `value` with the selection from slot `anchor` to slot
 * `focus`, both brought into the slots they may reach: one slot alone may be
 * the insert position, a range only covers digits.
 */
export function selectSlots(value: string, length: number, anchor: number, focus: number): OtpFieldState {
  const last = anchor === focus ? Math.min(value.length, length - 1) : value.length - 1
  return { value, anchor: clamp(anchor, last), focus: clamp(focus, last) }
}

/**
 * Builds a valid state from any text: the digits `normalizeOtp` finds, with
 * the caret on slot `at` (by default the insert position, or the last slot
 * of a full code).
 */
export function createOtpFieldState(text: string, length: number, at = Infinity): OtpFieldState {
  return selectSlots(normalizeOtp(text, length), length, at, at)
}

/**
 * The selection as the input's own offsets: `[start, end, direction]`. A
 * block on slot 2 is `[2, 3]`; the insert position of `123` is `[3, 3]`.
 */
export function toRange({ value, anchor, focus }: OtpFieldState): [number, number, 'forward' | 'backward'] {
  const start = Math.min(anchor, focus)
  return [start, start === value.length ? start : Math.max(anchor, focus) + 1, focus < anchor ? 'backward' : 'forward']
}

/** The state for a selection the input reports in its own offsets, in slot form. */
export function fromRange(value: string, length: number, start: number, end: number, backward = false): OtpFieldState {
  return start >= end ? selectSlots(value, length, start, start) : backward ? selectSlots(value, length, end - 1, start) : selectSlots(value, length, start, end - 1)
}

/** The state with `value` and a caret at offset `at`, in slot form. */
const caret = (value: string, length: number, at: number) => selectSlots(value, length, at, at)

/**
 * Puts the digits of `text` (typed, pasted, dropped, composed) in place of the
 * selection, and moves to the slot after them.
 *
 * Text that holds a whole code (a pasted `١٢٣ ٤٥٦`, an SMS sentence) replaces
 * the whole value, wherever the caret is. Otherwise the digits replace the
 * selection, and those the selection has no room for overwrite the slots
 * after it, up to the last one: typing on a block replaces that digit, and
 * pasting `1111` over the first digit of `12` gives `1111`. Text without
 * digits changes nothing.
 */
export function insertText(state: OtpFieldState, text: string, length: number): OtpFieldState {
  const digits = normalizeOtp(text, length)
  // A whole code goes in from the first slot, over everything.
  const [start, end] = digits.length < length ? toRange(state) : [0, 0]
  const at = start + digits.length
  return digits ? caret((state.value.slice(0, start) + digits + state.value.slice(Math.max(end, at))).slice(0, length), length, at) : state
}

/**
 * The arrows, Home and End: the selection goes `by` slots to the right, to
 * the left when negative; `-Infinity` and `Infinity` are the first and the
 * last slot. The row is left to right in every language, so the left is
 * towards the first digit. Without `extend` the selection becomes one slot
 * (a range collapses to its edge: its first slot, or the slot after it);
 * with it the focus moves and the anchor stays, never past the filled digits.
 */
export function moveSelection(state: OtpFieldState, by: number, length: number, extend = false): OtpFieldState {
  const { value, anchor, focus } = state
  const to =
    extend ? focus + by
    : by < 0 ? Math.min(anchor, focus) + by + +(anchor !== focus)
    : Math.max(anchor, focus) + by
  if (!extend) return caret(value, length, to)
  // From the insert position there is nothing to the right to take.
  return anchor === value.length && to > focus ? state : selectSlots(value, length, anchor, to)
}

/** Selects every digit, so that the next keystroke or paste replaces the code. */
export function selectAll(state: OtpFieldState, length: number): OtpFieldState {
  return selectSlots(state.value, length, 0, Infinity)
}

/** The parts of a keyboard event that {@link applyKey} reads. */
export interface OtpKeyPress {
  /** The character or key name the layout produces (`'a'`, `'ش'`, `'ArrowLeft'`). */
  key: string
  /** The physical key (`'KeyA'`), the same on every layout. */
  code: string
  /** Whether Control is held. */
  ctrlKey: boolean
  /** Whether Command (Windows key) is held. */
  metaKey: boolean
  /** Whether Shift is held. */
  shiftKey: boolean
  /** Whether Alt (Option) is held. */
  altKey: boolean
}

// How far each key moves, in slots (Ctrl, Alt or Cmd make an arrow go to the end).
const MOVES: Partial<Record<string, number>> = {
  ArrowLeft: -1,
  ArrowRight: 1,
  ArrowUp: -Infinity,
  Home: -Infinity,
  ArrowDown: Infinity,
  End: Infinity,
}

/**
 * What a key press does to the field, for the keys it handles itself rather
 * than leave to the browser, so that they act the same in every engine: the
 * arrows (Ctrl, Alt or Cmd with them jump to either end), Home, End,
 * ArrowUp and ArrowDown, each with Shift to select; Ctrl/Cmd+A; and
 * Ctrl/Cmd+Z, Y and Shift+Z (programmatic writes break the browser's own
 * undo). Backspace, Delete and cut are the browser's: on a block caret they
 * remove the selected digit, and the field reads the result from the DOM.
 *
 * Returns the next state, `'undo'` or `'redo'`, or `undefined` for a key the
 * browser should handle (digits, Backspace, Tab, copy). Whether an edit may
 * happen (a read-only field still moves and selects) is the caller's to say.
 */
export function applyKey(state: OtpFieldState, press: OtpKeyPress, length: number): OtpFieldState | 'undo' | 'redo' | undefined {
  const { key, shiftKey, ctrlKey, metaKey, altKey } = press
  const move = MOVES[key]
  if (move) return moveSelection(state, ctrlKey || metaKey || altKey ? move * Infinity : move, length, shiftKey)
  if (!(ctrlKey || metaKey) || altKey) return undefined
  // Arabic and Kurdish layouts report the letter they type, so fall back to the physical key.
  const letter = (/^[a-z]$/i.test(key) ? key : press.code.slice(3)).toLowerCase()
  if (letter === 'a') return selectAll(state, length)
  return letter === 'y' || (letter === 'z' && shiftKey) ? 'redo' : letter === 'z' ? 'undo' : undefined
}

/**
 * Works out what the browser did to the input (typing, Backspace, Delete,
 * cut, an IME, autofill writing a whole value) from the raw DOM value after
 * and the caret after, and replays it as one of the edits above.
 *
 * Mostly the browser replaced the selection the field showed with some text
 * (none, for a deletion); text with no digit in it (a letter) is turned
 * back. Whatever cannot be read that way (a value set from outside, the
 * digit before the insert position deleted) counts as new text, normalised
 * as a whole, with the caret at its end.
 */
export function replaceFromDom(state: OtpFieldState, raw: string, at: number, length: number): OtpFieldState {
  const { value } = state
  const after = clamp(at, raw.length)
  const [start, end] = toRange(state)
  if (after < start || raw.slice(0, start) !== value.slice(0, start) || raw.slice(after) !== value.slice(end)) {
    return createOtpFieldState(raw, length)
  }
  // Text typed over the selection (a letter changes nothing), or the selection deleted.
  const inserted = raw.slice(start, after)
  return inserted ? insertText(state, inserted, length) : caret(value.slice(0, start) + value.slice(end), length, start)
}

/** What one cell of the row shows. */
export interface OtpCell {
  /** The cell's position in the row, from 0. */
  index: number
  /** The digit in the cell, or `''` while it is empty. */
  char: string
  /** Whether the cell holds a digit. */
  isFilled: boolean
  /**
   * Whether the next digit lands here: every selected cell (one for a block
   * caret), or the cell at the insert position. Only while focused.
   */
  isActive: boolean
  /** Whether to draw a line caret here: the insert position, while focused. */
  hasCaret: boolean
}

/** The `length` cells drawn for `state`; `focused` says whether the input has focus. */
export function otpCells(state: OtpFieldState, length: number, focused: boolean): OtpCell[] {
  const { value, anchor, focus } = state
  return Array.from({ length }, (_, index) => {
    const isActive = focused && index >= Math.min(anchor, focus) && index <= Math.max(anchor, focus)
    return { index, char: value[index] ?? '', isFilled: index < value.length, isActive, hasCaret: isActive && index === value.length }
  })
}
