import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyKey,
  createOtpFieldState,
  fromRange,
  insertText,
  moveSelection,
  otpCells,
  replaceFromDom,
  selectAll,
  selectSlots,
  toRange,
  type OtpFieldState,
  type OtpKeyPress,
} from '../../src/core/otpField'
import { hostileText } from '../arbitraries'
import { checkProperty, propertyTimeout } from '../fuzz'

/**
 * A state written the way the cells look: `12|` is the insert position,
 * `1[2]3` a block on the second digit, `[12]3` a range, `<12>3` a range whose
 * start moves under Shift (its focus is the first slot).
 */
function s(picture: string): OtpFieldState {
  const value = picture.replace(/[|[\]<>]/g, '')
  const caret = picture.indexOf('|')
  if (caret >= 0) return { value, anchor: caret, focus: caret }
  const open = Math.max(picture.indexOf('['), picture.indexOf('<'))
  const last = Math.max(picture.indexOf(']'), picture.indexOf('>')) - 2
  return picture.includes('<') ? { value, anchor: last, focus: open } : { value, anchor: open, focus: last }
}

/** The picture of a state, for readable failures. */
function p(state: OtpFieldState): string {
  const { value } = state
  const [start, end, direction] = toRange(state)
  if (start === end) return `${value.slice(0, start)}|${value.slice(start)}`
  const [open, close] = direction === 'backward' && end - start > 1 ? ['<', '>'] : ['[', ']']
  return `${value.slice(0, start)}${open}${value.slice(start, end)}${close}${value.slice(end)}`
}

// Slot moves by name: moveSelection takes slots to the right, ±Infinity for the ends.
const MOVE = { left: -1, right: 1, first: -Infinity, last: Infinity }
type OtpSlotMove = keyof typeof MOVE

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}, code = ''): OtpKeyPress => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})
const press = (picture: string, k: string, mods: Parameters<typeof key>[1] = {}, length = 6) => {
  const next = applyKey(s(picture), key(k, mods), length)
  return typeof next === 'object' ? p(next) : next
}

describe('createOtpFieldState: the slot rules', () => {
  it('keeps the digits and puts the caret at the insert position', () => {
    expect(p(createOtpFieldState('١٢٣ ٤٥٦', 6))).toBe('12345[6]')
    expect(p(createOtpFieldState('12a', 6))).toBe('12|')
    expect(p(createOtpFieldState('', 6))).toBe('|')
  })
  it('turns a caret on a filled slot into a block on that digit', () => {
    expect(p(createOtpFieldState('123', 6, 0))).toBe('[1]23')
    expect(p(createOtpFieldState('123', 6, 2))).toBe('12[3]')
    expect(p(createOtpFieldState('123', 6, Number.NaN))).toBe('[1]23')
  })
  it('puts the insert position of a full code on its last slot', () => {
    expect(p(createOtpFieldState('123456', 6, 6))).toBe('12345[6]')
    expect(p(createOtpFieldState('1234', 4))).toBe('123[4]')
  })
  it('reads any selection the input reports, clamped into the digits', () => {
    expect(p(fromRange('123', 6, -4, 99))).toBe('[123]')
    expect(p(fromRange('123', 6, 2, 1))).toBe('12[3]')
    expect(p(fromRange('123', 6, 3, 3))).toBe('123|')
    expect(p(fromRange('1234', 6, 1, 3, true))).toBe('1<23>4')
    expect(p(fromRange('1234', 6, 1, 2, true))).toBe('1[2]34')
  })
  it('gives the input its own offsets and direction for each selection', () => {
    expect(toRange(s('12|'))).toEqual([2, 2, 'forward'])
    expect(toRange(s('1[2]3'))).toEqual([1, 2, 'forward'])
    expect(toRange(s('1<23>4'))).toEqual([1, 3, 'backward'])
    expect(toRange(s('12345[6]'))).toEqual([5, 6, 'forward'])
  })
})

describe('insertText: typing', () => {
  it('types at the insert position and moves on', () => {
    expect(p(insertText(s('|'), '1', 6))).toBe('1|')
    expect(p(insertText(s('12|'), '3', 6))).toBe('123|')
  })
  it('replaces the digit under a block and selects the next one', () => {
    expect(p(insertText(s('1[2]3'), '9', 6))).toBe('19[3]')
    expect(p(insertText(s('12[3]'), '9', 6))).toBe('129|')
  })
  it('moves on even when the digit typed is the one already there', () => {
    expect(p(insertText(s('1[2]3'), '2', 6))).toBe('12[3]')
  })
  it('replaces the last digit of a full code and keeps the last slot', () => {
    expect(p(insertText(s('12345[6]'), '9', 6))).toBe('12345[9]')
    expect(p(insertText(s('123[4]'), '7', 4))).toBe('123[7]')
  })
  it('replaces a range, closing the gap, and everything after select-all', () => {
    expect(p(insertText(s('1[234]56'), '9', 6))).toBe('19[5]6')
    expect(p(insertText(s('[123456]'), '7', 6))).toBe('7|')
  })
  it('turns Arabic-Indic, Persian and full-width digits into ASCII', () => {
    expect(p(insertText(s('|'), '٣', 6))).toBe('3|')
    expect(p(insertText(s('3|'), '۴', 6))).toBe('34|')
    expect(p(insertText(s('34|'), '５', 6))).toBe('345|')
  })
  it('ignores text without digits, keeping the selection', () => {
    expect(p(insertText(s('1[23]'), 'a', 6))).toBe('1[23]')
    expect(p(insertText(s('12|'), ' ', 6))).toBe('12|')
    expect(p(insertText(s('12|'), '\u202e', 6))).toBe('12|')
  })
})

describe('insertText: paste and drop', () => {
  it('lets a whole code replace everything, wherever the caret is', () => {
    expect(p(insertText(s('98|'), '١٢٣ ٤٥٦', 6))).toBe('12345[6]')
    expect(p(insertText(s('[9]8'), '123-456', 6))).toBe('12345[6]')
    expect(p(insertText(s('[987654]'), 'Your OnDi code is 123-456. Do not share it.', 6))).toBe('12345[6]')
  })
  it('overwrites the slots after the selection with what it has no room for', () => {
    expect(p(insertText(s('[1]2'), '1111', 6))).toBe('1111|')
    expect(p(insertText(s('12[3]456'), '78', 6))).toBe('1278[5]6')
    expect(p(insertText(s('1234|'), '789', 6))).toBe('12347[8]')
    expect(p(insertText(s('1[2]'), '34', 6))).toBe('134|')
  })
  it('replaces a range with fewer digits, closing the gap', () => {
    expect(p(insertText(s('1[2345]6'), '9', 6))).toBe('19[6]')
  })
  it('respects the length', () => {
    expect(p(insertText(s('|'), '123456', 4))).toBe('123[4]')
    expect(p(insertText(s('12|'), '345', 4))).toBe('123[4]')
    expect(p(insertText(s('12|'), '3456', 4))).toBe('345[6]')
  })
})

/**
 * What the browser leaves after Backspace, Delete or cut (by word with
 * `word`): the selection removed, or beside a collapsed caret one digit, or
 * every digit on that side.
 */
function nativeDelete(state: OtpFieldState, forward: boolean, word = false): [string, number] {
  const { value } = state
  const [start, end] = toRange(state)
  const [from, to] = start < end ? [start, end] : forward ? [start, word ? value.length : start + 1] : [word ? 0 : Math.max(0, start - 1), start]
  return [value.slice(0, from) + value.slice(to), from]
}
const afterDelete = (picture: string, forward = false, word = false) => {
  const state = s(picture)
  const [raw, caret] = nativeDelete(state, forward, word)
  return p(replaceFromDom(state, raw, caret, 6))
}

describe('Backspace, Delete and cut, read from the DOM', () => {
  it('Backspace at the insert position removes the digit before it', () => {
    expect(afterDelete('123|')).toBe('12|')
    expect(afterDelete('|')).toBe('|')
  })
  it('Backspace on a block removes that digit and selects the one that takes its place', () => {
    expect(afterDelete('1[2]3')).toBe('1[3]')
    expect(afterDelete('12[3]')).toBe('12|')
    expect(afterDelete('12345[6]')).toBe('12345|')
  })
  it('Delete removes a block, and nothing at the insert position', () => {
    expect(afterDelete('[1]23', true)).toBe('[2]3')
    expect(afterDelete('123|', true)).toBe('123|')
  })
  it('both remove a range, and cut too, leaving the caret where it began', () => {
    expect(afterDelete('1[23]4')).toBe('1[4]')
    expect(afterDelete('1<23>4', true)).toBe('1[4]')
    expect(afterDelete('[1234]')).toBe('|')
  })
  it('by word: everything before the insert position; a selection, block or range, alone', () => {
    expect(afterDelete('123|', false, true)).toBe('|')
    expect(afterDelete('12[3]45', false, true)).toBe('12[4]5')
    expect(afterDelete('1[23]45', true, true)).toBe('1[4]5')
    expect(afterDelete('123|', true, true)).toBe('123|')
  })
})

describe('moveSelection: the arrows', () => {
  const move = (picture: string, to: OtpSlotMove, extend = false) => p(moveSelection(s(picture), MOVE[to], 6, extend))
  it('ArrowLeft from the insert position selects the last digit', () => {
    expect(move('123|', 'left')).toBe('12[3]')
    expect(move('|', 'left')).toBe('|')
  })
  it('moves a block one slot, clamped at the first', () => {
    expect(move('12[3]', 'left')).toBe('1[2]3')
    expect(move('[1]23', 'left')).toBe('[1]23')
    expect(move('[1]23', 'right')).toBe('1[2]3')
  })
  it('ArrowRight from the last digit of a partial code goes to the insert position, and no further', () => {
    expect(move('12[3]', 'right')).toBe('123|')
    expect(move('123|', 'right')).toBe('123|')
  })
  it('stays on the last slot of a full code', () => {
    expect(move('12345[6]', 'right')).toBe('12345[6]')
  })
  it('collapses a range to the slot at its edge', () => {
    expect(move('1[23]4', 'left')).toBe('1[2]34')
    expect(move('1[23]4', 'right')).toBe('123[4]')
    expect(move('[1234]', 'right')).toBe('1234|')
  })
  it('goes to the first slot, or to the insert position or the last slot of a full code', () => {
    expect(move('12[3]', 'first')).toBe('[1]23')
    expect(move('[1]23', 'last')).toBe('123|')
    expect(move('[1]23456', 'last')).toBe('12345[6]')
    expect(move('|', 'first')).toBe('|')
  })
})

describe('moveSelection: Shift extends from the anchor', () => {
  const move = (picture: string, to: OtpSlotMove) => p(moveSelection(s(picture), MOVE[to], 6, true))
  it('grows a block either way and shrinks it with the other key', () => {
    expect(move('1[2]34', 'right')).toBe('1[23]4')
    expect(move('1[23]4', 'left')).toBe('1[2]34')
    expect(move('1[2]34', 'left')).toBe('<12>34')
    expect(move('<12>34', 'right')).toBe('1[2]34')
  })
  it('starts from the insert position leftwards only', () => {
    expect(move('123|', 'left')).toBe('12[3]')
    expect(move('12[3]', 'left')).toBe('1<23>')
    expect(move('123|', 'right')).toBe('123|')
    expect(move('123|', 'last')).toBe('123|')
  })
  it('never goes past the filled digits', () => {
    expect(move('12[3]', 'right')).toBe('12[3]')
    expect(move('<12>3', 'left')).toBe('<12>3')
  })
  it('selects to either end with Shift+Home and Shift+End', () => {
    expect(move('12[3]45', 'first')).toBe('<123>45')
    expect(move('12[3]45', 'last')).toBe('12[345]')
  })
})

describe('pointer selections', () => {
  const slots = (value: string, anchor: number, focus: number) => p(selectSlots(value, 6, anchor, focus))
  it('a click selects a filled cell, or puts the caret at the insert position', () => {
    expect(slots('123', 1, 1)).toBe('1[2]3')
    expect(slots('123', 4, 4)).toBe('123|')
    expect(slots('123456', 5, 5)).toBe('12345[6]')
    expect(slots('123', Infinity, Infinity)).toBe('123|')
  })
  it('a drag selects the cells it crosses, either way, clamped to the filled digits', () => {
    expect(slots('1234', 1, 3)).toBe('1[234]')
    expect(slots('1234', 3, 0)).toBe('<1234>')
    expect(slots('12', 5, 0)).toBe('<12>')
    expect(slots('', 0, 3)).toBe('|')
  })
  it('Shift+click extends from the anchor of the selection', () => {
    expect(s('<12>34').anchor).toBe(1)
    expect(slots('1234', s('1[2]34').anchor, 3)).toBe('1[234]')
    expect(slots('1234', s('<12>34').anchor, 3)).toBe('1[234]')
    expect(slots('123', s('123|').anchor, 0)).toBe('<123>')
  })
  it('a double click selects every digit', () => {
    expect(p(selectAll(s('12[3]'), 6))).toBe('[123]')
    expect(p(selectAll(s('|'), 6))).toBe('|')
    expect(p(selectAll(s('[1]'), 6))).toBe('[1]')
  })
})

describe('applyKey', () => {
  it('takes the arrows, Home, End, ArrowUp and ArrowDown', () => {
    expect(press('12[3]45', 'ArrowLeft')).toBe('1[2]345')
    expect(press('12[3]45', 'ArrowRight')).toBe('123[4]5')
    expect(press('12[3]45', 'Home')).toBe('[1]2345')
    expect(press('12[3]45', 'ArrowUp')).toBe('[1]2345')
    expect(press('12[3]45', 'End')).toBe('12345|')
    expect(press('12[3]45', 'ArrowDown')).toBe('12345|')
  })
  it('jumps to either end with Ctrl, Alt or Cmd and an arrow', () => {
    expect(press('12[3]45', 'ArrowLeft', { ctrlKey: true })).toBe('[1]2345')
    expect(press('12[3]45', 'ArrowLeft', { metaKey: true })).toBe('[1]2345')
    expect(press('12[3]45', 'ArrowRight', { altKey: true })).toBe('12345|')
  })
  it('selects with Shift and an arrow, Home or End', () => {
    expect(press('12[3]45', 'ArrowLeft', { shiftKey: true })).toBe('1<23>45')
    expect(press('12[3]45', 'End', { shiftKey: true })).toBe('12[345]')
    expect(press('12[3]45', 'ArrowLeft', { shiftKey: true, ctrlKey: true })).toBe('<123>45')
  })
  it('reads select-all, undo and redo with Ctrl or Cmd', () => {
    expect(press('12[3]', 'a', { ctrlKey: true })).toBe('[123]')
    expect(press('12[3]', 'a', { metaKey: true })).toBe('[123]')
    expect(press('12|', 'z', { metaKey: true })).toBe('undo')
    expect(press('12|', 'Z', { ctrlKey: true, shiftKey: true })).toBe('redo')
    expect(press('12|', 'y', { ctrlKey: true })).toBe('redo')
  })
  it('reads them by the physical key on an Arabic layout, and by the letter on AZERTY', () => {
    expect(press('12|', 'ئ', { ctrlKey: true }, 6)).toBeUndefined()
    expect(applyKey(s('12|'), key('ئ', { ctrlKey: true }, 'KeyZ'), 6)).toBe('undo')
    expect(p(applyKey(s('12|'), key('ش', { ctrlKey: true }, 'KeyA'), 6) as OtpFieldState)).toBe('[12]')
    expect(applyKey(s('12|'), key('z', { ctrlKey: true }, 'KeyW'), 6)).toBe('undo')
  })
  it('leaves digits, Backspace, Delete, Tab, copy, cut, paste and AltGr characters to the browser', () => {
    for (const k of ['1', '٣', 'Tab', 'Enter', 'Backspace', 'Delete', 'Unidentified', 'Process']) expect(press('12|', k)).toBeUndefined()
    expect(press('12|', 'Backspace', { ctrlKey: true })).toBeUndefined()
    expect(applyKey(s('12|'), key('c', { ctrlKey: true }, 'KeyC'), 6)).toBeUndefined()
    expect(applyKey(s('12|'), key('x', { metaKey: true }, 'KeyX'), 6)).toBeUndefined()
    expect(applyKey(s('12|'), key('v', { ctrlKey: true }, 'KeyV'), 6)).toBeUndefined()
    expect(applyKey(s('12|'), key('z', { ctrlKey: true, altKey: true }, 'KeyZ'), 6)).toBeUndefined()
  })
})

describe('replaceFromDom', () => {
  const dom = (picture: string, raw: string, caret: number, length = 6) => p(replaceFromDom(s(picture), raw, caret, length))
  it('reads a digit typed at the insert position or over a block', () => {
    expect(dom('12|', '123', 3)).toBe('123|')
    expect(dom('12[3]456', '129456', 3)).toBe('129[4]56')
    expect(dom('12345[6]', '123459', 6)).toBe('12345[9]')
  })
  it('reads a digit typed over the same digit as a move to the next slot', () => {
    expect(dom('1[2]3', '123', 2)).toBe('12[3]')
    expect(dom('[1]11', '111', 1)).toBe('1[1]1')
  })
  it('takes a change it cannot read as an edit of the selection as new text, the caret at its end', () => {
    expect(dom('11|', '111', 3)).toBe('111|')
    expect(dom('12[3]', '1923', 2)).toBe('1923|')
  })
  it('reads Backspace, Delete and a deleted selection', () => {
    expect(dom('123|', '12', 2)).toBe('12|')
    expect(dom('1[2]3', '13', 1)).toBe('1[3]')
    expect(dom('1[2345]6', '16', 1)).toBe('1[6]')
  })
  it('turns back a letter, keeping the value and the selection', () => {
    expect(dom('12|', '12a', 3)).toBe('12|')
    expect(dom('[12]', 'a', 1)).toBe('[12]')
  })
  it('takes a whole code written at once, as autofill does', () => {
    expect(dom('|', '123456', 6)).toBe('12345[6]')
    expect(dom('98|', '123456', 6)).toBe('12345[6]')
    expect(dom('98|', '١٢٣٤٥٦', 0)).toBe('12345[6]')
    expect(dom('98765[4]', 'Your code is 123 456', 20)).toBe('12345[6]')
  })
  it('reads a typed Arabic-Indic digit', () => {
    expect(dom('12|', '12٣', 3)).toBe('123|')
    expect(dom('[1]2', '٧2', 1)).toBe('7[2]')
  })
  it('reads an IME composition that replaced a block', () => {
    expect(dom('1[2]3', '1٤٥3', 3)).toBe('145|')
  })
})

describe('otpCells', () => {
  it('fills left to right and draws a line caret at the insert position', () => {
    const cells = otpCells(s('12|'), 6, true)
    expect(cells.map((c) => c.char)).toEqual(['1', '2', '', '', '', ''])
    expect(cells.map((c) => c.isFilled)).toEqual([true, true, false, false, false, false])
    expect(cells.map((c) => c.isActive)).toEqual([false, false, true, false, false, false])
    expect(cells[2]).toMatchObject({ index: 2, hasCaret: true })
  })
  it('makes a block caret’s cell active, with no line caret', () => {
    const cells = otpCells(s('1[2]3'), 6, true)
    expect(cells.map((c) => c.isActive)).toEqual([false, true, false, false, false, false])
    expect(cells.some((c) => c.hasCaret)).toBe(false)
  })
  it('shows every selected cell as active', () => {
    expect(otpCells(s('1[234]56'), 6, true).map((c) => c.isActive)).toEqual([false, true, true, true, false, false])
  })
  it('marks nothing active without focus', () => {
    expect(otpCells(s('12|'), 6, false).some((c) => c.isActive || c.hasCaret)).toBe(false)
  })
})

const text = hostileText
const modifiers = fc.record({ ctrlKey: fc.boolean(), metaKey: fc.boolean(), shiftKey: fc.boolean(), altKey: fc.boolean() })
const keys = fc.constantFrom('ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Backspace', 'Delete', 'a', 'z', 'y', '1', 'Tab')

type Op = (state: OtpFieldState, length: number) => OtpFieldState
const op: fc.Arbitrary<Op> = fc.oneof(
  text.map((t): Op => (state, length) => insertText(state, t, length)),
  fc.tuple(fc.boolean(), fc.boolean()).map(([forward, word]): Op => (state, length) => {
    const [raw, caret] = nativeDelete(state, forward, word)
    return replaceFromDom(state, raw, caret, length)
  }),
  fc.tuple(keys, modifiers).map(([k, mods]): Op => (state, length) => {
    const next = applyKey(state, key(k, mods, `Key${k.toUpperCase()}`), length)
    return typeof next === 'object' ? next : state
  }),
  fc.constantFrom<OtpSlotMove>('left', 'right', 'first', 'last').chain((m) =>
    fc.boolean().map((extend): Op => (state, length) => moveSelection(state, MOVE[m], length, extend)),
  ),
  // A click, a drag, a Shift+click, a double click: any slots, even nonsensical ones.
  fc.tuple(fc.integer({ min: -3, max: 12 }), fc.integer({ min: -3, max: 12 })).map(
    ([a, b]): Op => (state, length) => selectSlots(state.value, length, a, b),
  ),
  fc.integer({ min: -3, max: 12 }).map((slot): Op => (state, length) => selectSlots(state.value, length, state.anchor, slot)),
  fc.constant<Op>((state, length) => selectAll(state, length)),
  // Any selection the DOM could report.
  fc.tuple(fc.integer({ min: -3, max: 12 }), fc.integer({ min: -3, max: 12 }), fc.boolean()).map(
    ([a, b, back]): Op => (state, length) => fromRange(state.value, length, a, b, back),
  ),
  // The browser changed the DOM value: an edit at some place, or anything at all.
  fc.tuple(fc.nat(12), fc.nat(12), text).map(([a, b, t]): Op => (state, length) => {
    const from = Math.min(a, b, state.value.length)
    const raw = state.value.slice(0, from) + t + state.value.slice(Math.min(Math.max(a, b), state.value.length))
    return replaceFromDom(state, raw, from + t.length, length)
  }),
  fc.tuple(text, fc.integer({ min: -5, max: 60 })).map(([raw, caret]): Op => (state, length) => replaceFromDom(state, raw, caret, length)),
)

function expectValid(state: OtpFieldState, length: number) {
  const { value, anchor, focus } = state
  const [start, end] = toRange(state)
  expect(value).toMatch(/^[0-9]*$/)
  expect(value.length).toBeLessThanOrEqual(length)
  expect(Number.isInteger(anchor) && Number.isInteger(focus)).toBe(true)
  expect(0 <= start && start <= end && end <= value.length).toBe(true)
  // The slot rules: a caret only at the insert position of a partial code, alone; a range only over digits.
  if (start === end) expect(start === value.length && value.length < length && anchor === focus).toBe(true)
  if (anchor !== focus) expect(Math.max(anchor, focus)).toBeLessThan(value.length)
}

describe('otpField properties', () => {
  it('keeps its invariants and the slot rules through any sequence of edits with any text', async () => {
    await checkProperty(
      'otpField: invariants through any edit sequence',
      fc.property(fc.integer({ min: 1, max: 8 }), text, fc.array(op, { maxLength: 30 }), fc.boolean(), (length, start, ops, focused) => {
        let state = createOtpFieldState(start, length)
        expectValid(state, length)
        for (const apply of ops) {
          state = apply(state, length)
          expectValid(state, length)
          const cells = otpCells(state, length, focused)
          expect(cells.map((c) => c.char).join('')).toBe(state.value)
          expect(cells.filter((c) => c.hasCaret).length).toBeLessThanOrEqual(1)
          if (focused) expect(cells.some((c) => c.isActive)).toBe(true)
        }
      }),
      { seed: 20261123, runs: 1500, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))

  it('reads a single typed digit or deletion from the DOM exactly as the direct edit', async () => {
    await checkProperty(
      'otpField: a DOM edit reads as the direct edit',
      fc.property(
        fc.stringMatching(/^[0-9]{0,6}$/),
        fc.nat(6),
        fc.nat(6),
        fc.constantFrom('0', '1', '7', '٧', 'Backspace', 'Delete'),
        (value, a, b, typed) => {
          const state = fromRange(value, 6, Math.min(a, b), Math.max(a, b))
          const [from, to] = toRange(state)
          let raw: string
          let caret: number
          let expected: OtpFieldState
          if (typed === 'Backspace' || typed === 'Delete') {
            // The digits left are those the browser left, the caret where they were cut.
            ;[raw, caret] = nativeDelete(state, typed === 'Delete')
            expected = selectSlots(raw, 6, caret, caret)
          } else {
            raw = value.slice(0, from) + typed + value.slice(to)
            caret = from + 1
            expected = insertText(state, typed, 6)
          }
          expect(p(replaceFromDom(state, raw, caret, 6))).toBe(p(expected))
        },
      ),
      { seed: 42, runs: 2000, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))

  it('only moves and selects: no key it takes changes a digit, so a read-only field may take them all', async () => {
    await checkProperty(
      'otpField: keys change no digit',
      fc.property(fc.stringMatching(/^[0-9]{0,6}$/), fc.nat(6), fc.nat(6), keys, modifiers, (value, a, b, k, mods) => {
        const state = fromRange(value, 6, Math.min(a, b), Math.max(a, b))
        const next = applyKey(state, key(k, mods, `Key${k.toUpperCase()}`), 6)
        if (typeof next === 'object') expect(next.value).toBe(value)
      }),
      { seed: 7, runs: 1000, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))

  it('never throws on nonsense lengths and carets', async () => {
    await checkProperty(
      'otpField: nonsense lengths and carets',
      fc.property(text, fc.double(), fc.double(), (t, n, c) => {
        const length = Math.abs(n) < 20 ? n : 6
        const state = createOtpFieldState(t, length, c)
        replaceFromDom(state, t, c, length)
        insertText(state, t, length)
        moveSelection(state, MOVE.left, length, c > 0)
        selectSlots(state.value, length, c, n)
        otpCells(state, Number.isFinite(length) && length >= 0 ? length : 0, true)
      }),
      { seed: 3, runs: 500, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))
})
