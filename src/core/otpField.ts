/**
 * The value and selection of a code field, and every edit a shopper can make
 * to them, as pure functions: the hook feeds them DOM events, tests fuzz them.
 *
 * Invariants kept by every function here, whatever text it is given: `value`
 * holds only ASCII digits, at most `length` of them, with no gaps (cells fill
 * left to right), and `0 <= selectionStart <= selectionEnd <= value.length`,
 * so the caret never sits past the first empty cell.
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

/** A code field's digits and its selection, in the input's own offsets. */
export interface OtpFieldState {
  /** The digits so far: ASCII only, at most `length`, no gaps. */
  value: string
  /** Where the selection starts, from 0 to `value.length`. */
  selectionStart: number
  /** Where the selection ends; equal to `selectionStart` for a caret. */
  selectionEnd: number
}

// NaN counts as 0 and Infinity as the end, so DOM nulls and guesses are safe.
const clamp = (n: number, max: number): number => Math.min(Math.max(Math.trunc(n) || 0, 0), max)

const collapsed = (value: string, at: number): OtpFieldState => ({ value, selectionStart: at, selectionEnd: at })

const cut = (state: OtpFieldState, from: number, to: number): OtpFieldState =>
  collapsed(state.value.slice(0, from) + state.value.slice(to), from)

/**
 * Builds a valid state from any text: the digits `normalizeOtp` finds, and the
 * selection clamped into them (by default a caret after the last digit).
 */
export function createOtpFieldState(
  text: string,
  length: number,
  selectionStart = Infinity,
  selectionEnd = selectionStart,
): OtpFieldState {
  const value = normalizeOtp(text, length)
  const start = clamp(selectionStart, value.length)
  return { value, selectionStart: start, selectionEnd: clamp(Math.max(selectionEnd, start), value.length) }
}

/**
 * Puts the digits of `text` (typed, pasted, dropped) in place of the selection.
 *
 * Text that holds a whole code (a pasted `١٢٣ ٤٥٦`, an SMS sentence) replaces
 * the whole value. Otherwise the digits go in at the selection; when the field
 * then overflows, the digits right after the insertion give way, so typing into
 * a full code overwrites the active cell and a digit past the end is ignored.
 * Text without digits changes nothing.
 */
export function insertText(state: OtpFieldState, text: string, length: number): OtpFieldState {
  const digits = normalizeOtp(text, length)
  if (!digits) return state
  if (digits.length === length) return createOtpFieldState(digits, length)
  const head = (state.value.slice(0, state.selectionStart) + digits).slice(0, length)
  const tail = state.value.slice(state.selectionEnd)
  return collapsed(head + tail.slice(Math.max(0, head.length + tail.length - length)), head.length)
}

/** Backspace: removes the selected digits, or the one before the caret. */
export function deleteBackward(state: OtpFieldState): OtpFieldState {
  const { selectionStart: start, selectionEnd: end } = state
  return cut(state, start === end ? Math.max(0, start - 1) : start, end)
}

/** Delete: removes the selected digits, or the one after the caret. */
export function deleteForward(state: OtpFieldState): OtpFieldState {
  const { selectionStart: start, selectionEnd: end } = state
  return cut(state, start, start === end ? Math.min(state.value.length, end + 1) : end)
}

/** Where {@link moveCaret} can send the caret. */
export type CaretMove = 'left' | 'right' | 'home' | 'end'

/**
 * Collapses the selection and moves the caret one digit left or right, or to
 * either end. The row is always left to right, so `left` goes towards index 0
 * whatever the page's direction. A selection collapses to its own edge first.
 */
export function moveCaret(state: OtpFieldState, move: CaretMove): OtpFieldState {
  const { value, selectionStart: start, selectionEnd: end } = state
  const ranged = start !== end
  const at =
    move === 'home' ? 0
    : move === 'end' ? value.length
    : move === 'left' ? (ranged ? start : start - 1)
    : ranged ? end : end + 1
  return collapsed(value, clamp(at, value.length))
}

/** A key press the field handles itself rather than leave to the browser. */
export type OtpKeyAction = CaretMove | 'selectAll' | 'undo' | 'redo'

/** The parts of a keyboard event that {@link otpKeyAction} reads. */
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

const MOVES: Partial<Record<string, CaretMove>> = { ArrowLeft: 'left', ArrowRight: 'right', Home: 'home', End: 'end' }

/**
 * What a key press means to the field: the plain arrows, Home and End (the
 * row is left to right in every language, so they move the caret by what the
 * shopper sees, not by the page's direction), Ctrl/Cmd+A, and Ctrl/Cmd+Z, Y
 * and Shift+Z (programmatic writes break the browser's own undo). Anything
 * else, Shift+Arrow selection included, is left to the browser: `undefined`.
 */
export function otpKeyAction(press: OtpKeyPress): OtpKeyAction | undefined {
  const { key, shiftKey } = press
  if (press.altKey) return undefined
  if (!press.ctrlKey && !press.metaKey) return shiftKey ? undefined : MOVES[key]
  // Arabic and Kurdish layouts report the letter they type, so fall back to the physical key.
  const letter = (/^[a-z]$/i.test(key) ? key : press.code.slice(3)).toLowerCase()
  if (letter === 'a') return 'selectAll'
  if (letter === 'y' || (letter === 'z' && shiftKey)) return 'redo'
  return letter === 'z' ? 'undo' : undefined
}

/** Selects every digit, so that the next keystroke or paste replaces the code. */
export function selectAll(state: OtpFieldState): OtpFieldState {
  return { value: state.value, selectionStart: 0, selectionEnd: state.value.length }
}

/**
 * Works out what the browser did to the input (typing, deleting, an IME,
 * autofill writing a whole value) from the value before, the raw DOM value
 * after and the caret after, and replays it as one of the edits above.
 *
 * The browser turns `before[0, s) + before[e, end)` into
 * `before[0, s) + inserted + before[e, end)` and leaves the caret after
 * `inserted`; whatever cannot be read that way (a value set from outside)
 * counts as new text and is normalised as a whole.
 */
export function replaceFromDom(state: OtpFieldState, raw: string, caret: number, length: number): OtpFieldState {
  const before = state.value
  const at = clamp(caret, raw.length)
  const kept = before.length - (raw.length - at)
  if (kept < 0 || raw.slice(at) !== before.slice(kept)) return createOtpFieldState(raw, length)
  let start = 0
  while (start < at && start < kept && raw[start] === before[start]) start++
  const replaced: OtpFieldState = { value: before, selectionStart: start, selectionEnd: kept }
  const inserted = raw.slice(start, at)
  return inserted ? insertText(replaced, inserted, length) : cut(replaced, start, kept)
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
   * Whether the next digit lands here: the cell at the caret (the last cell
   * when the code is full), or every selected cell. Only while focused.
   */
  isActive: boolean
  /** Whether to draw the caret here: the active cell while the selection is collapsed. */
  hasCaret: boolean
}

/** The `length` cells drawn for `state`; `focused` says whether the input has focus. */
export function otpCells(state: OtpFieldState, length: number, focused: boolean): OtpCell[] {
  const { value, selectionStart: start, selectionEnd: end } = state
  return Array.from({ length }, (_, index) => {
    const isActive = focused && (start === end ? index === Math.min(start, length - 1) : index >= start && index < end)
    return { index, char: value[index] ?? '', isFilled: index < value.length, isActive, hasCaret: isActive && start === end }
  })
}

/** The field's own undo and redo: writing the value from script breaks the browser's. */
export interface OtpHistory {
  /** Remembers `state`, the state before an edit, and forgets what could be redone. */
  record(state: OtpFieldState): void
  /** Takes the state to go back (or forward) to, remembering `current` for the way back; `undefined` at the end. */
  travel(back: boolean, current: OtpFieldState): OtpFieldState | undefined
}

/** An empty {@link OtpHistory} that keeps the last `limit` states. */
export function createOtpHistory(limit = 20): OtpHistory {
  const past: OtpFieldState[] = []
  const future: OtpFieldState[] = []
  return {
    record(state) {
      if (past.push(state) > limit) past.shift()
      future.length = 0
    },
    travel(back, current) {
      const target = (back ? past : future).pop()
      if (target) (back ? future : past).push(current)
      return target
    },
  }
}
