import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createOtpFieldState,
  createOtpHistory,
  deleteBackward,
  deleteForward,
  insertText,
  moveCaret,
  otpCells,
  otpKeyAction,
  replaceFromDom,
  selectAll,
  type CaretMove,
  type OtpFieldState,
} from '../../src/core/otpField'
import { hostileText } from '../arbitraries'
import { checkProperty, propertyTimeout } from '../fuzz'

/** A state written the way the cells look: `12|34` is a caret, `1[23]4` a selection. */
function s(picture: string): OtpFieldState {
  const value = picture.replace(/[|[\]]/g, '')
  const caret = picture.indexOf('|')
  if (caret >= 0) return { value, selectionStart: caret, selectionEnd: caret }
  const open = picture.indexOf('[')
  if (open >= 0) return { value, selectionStart: open, selectionEnd: picture.indexOf(']') - 1 }
  return { value, selectionStart: value.length, selectionEnd: value.length }
}

describe('createOtpFieldState', () => {
  it('keeps the digits and puts the caret after them', () => {
    expect(createOtpFieldState('١٢٣ ٤٥٦', 6)).toEqual(s('123456|'))
    expect(createOtpFieldState('12a', 6)).toEqual(s('12|'))
    expect(createOtpFieldState('', 6)).toEqual(s('|'))
  })
  it('clamps any selection into the digits', () => {
    expect(createOtpFieldState('123', 6, -4, 99)).toEqual(s('[123]'))
    expect(createOtpFieldState('123', 6, Number.NaN)).toEqual(s('|123'))
    expect(createOtpFieldState('123', 6, 2, 1)).toEqual(s('12|3'))
  })
})

describe('insertText', () => {
  it('types a digit at the caret', () => {
    expect(insertText(s('|'), '1', 6)).toEqual(s('1|'))
    expect(insertText(s('12|'), '3', 6)).toEqual(s('123|'))
    expect(insertText(s('1|3'), '2', 6)).toEqual(s('12|3'))
  })
  it('turns Arabic-Indic, Persian and full-width digits into ASCII', () => {
    expect(insertText(s('|'), '٣', 6)).toEqual(s('3|'))
    expect(insertText(s('3|'), '۴', 6)).toEqual(s('34|'))
    expect(insertText(s('34|'), '５', 6)).toEqual(s('345|'))
  })
  it('ignores text without digits, keeping the selection', () => {
    expect(insertText(s('1[23]'), 'a', 6)).toEqual(s('1[23]'))
    expect(insertText(s('12|'), ' ', 6)).toEqual(s('12|'))
    expect(insertText(s('12|'), '\u202e', 6)).toEqual(s('12|'))
  })
  it('ignores a digit past the end of a full code', () => {
    expect(insertText(s('123456|'), '7', 6)).toEqual(s('123456|'))
  })
  it('overwrites the active cell of a full code', () => {
    expect(insertText(s('12|3456'), '9', 6)).toEqual(s('129|456'))
    expect(insertText(s('12345|6'), '9', 6)).toEqual(s('123459|'))
  })
  it('inserts, shifting the digits after it, while there is room', () => {
    expect(insertText(s('12|345'), '9', 6)).toEqual(s('129|345'))
    expect(insertText(s('12|34'), '78', 6)).toEqual(s('1278|34'))
    expect(insertText(s('12|345'), '78', 6)).toEqual(s('1278|45'))
    expect(insertText(s('1234|5'), '789', 6)).toEqual(s('123478|'))
  })
  it('replaces a selection', () => {
    expect(insertText(s('[123456]'), '7', 6)).toEqual(s('7|'))
    expect(insertText(s('1[23]456'), '9', 6)).toEqual(s('19|456'))
  })
  it('lets a whole code replace everything, wherever the caret is', () => {
    expect(insertText(s('98|'), '١٢٣ ٤٥٦', 6)).toEqual(s('123456|'))
    expect(insertText(s('9|8'), '123-456', 6)).toEqual(s('123456|'))
    expect(insertText(s('[987654]'), 'Your OnDi code is 123-456. Do not share it.', 6)).toEqual(s('123456|'))
  })
  it('respects the length', () => {
    expect(insertText(s('|'), '123456', 4)).toEqual(s('1234|'))
    expect(insertText(s('12|'), '345', 4)).toEqual(s('1234|'))
    expect(insertText(s('12|'), '3456', 4)).toEqual(s('3456|'))
  })
})

describe('deleteBackward and deleteForward', () => {
  it('removes the digit before or after the caret, closing the gap', () => {
    expect(deleteBackward(s('123|'))).toEqual(s('12|'))
    expect(deleteBackward(s('12|3'))).toEqual(s('1|3'))
    expect(deleteForward(s('1|23'))).toEqual(s('1|3'))
    expect(deleteForward(s('|123'))).toEqual(s('|23'))
  })
  it('does nothing at the ends', () => {
    expect(deleteBackward(s('|12'))).toEqual(s('|12'))
    expect(deleteForward(s('12|'))).toEqual(s('12|'))
    expect(deleteBackward(s('|'))).toEqual(s('|'))
  })
  it('removes a selection', () => {
    expect(deleteBackward(s('1[23]4'))).toEqual(s('1|4'))
    expect(deleteForward(s('[1234]'))).toEqual(s('|'))
  })
})

describe('moveCaret and selectAll', () => {
  it('moves one digit left or right and stops at the ends', () => {
    expect(moveCaret(s('12|3'), 'left')).toEqual(s('1|23'))
    expect(moveCaret(s('|123'), 'left')).toEqual(s('|123'))
    expect(moveCaret(s('1|23'), 'right')).toEqual(s('12|3'))
    expect(moveCaret(s('123|'), 'right')).toEqual(s('123|'))
  })
  it('never goes past the first empty cell', () => {
    expect(moveCaret(s('12|'), 'right')).toEqual(s('12|'))
    expect(moveCaret(s('1|2'), 'end')).toEqual(s('12|'))
  })
  it('jumps to either end', () => {
    expect(moveCaret(s('12|3'), 'home')).toEqual(s('|123'))
    expect(moveCaret(s('1|23'), 'end')).toEqual(s('123|'))
  })
  it('collapses a selection to the edge in the direction of the key', () => {
    expect(moveCaret(s('1[23]4'), 'left')).toEqual(s('1|234'))
    expect(moveCaret(s('1[23]4'), 'right')).toEqual(s('123|4'))
  })
  it('selects every digit', () => {
    expect(selectAll(s('12|3'))).toEqual(s('[123]'))
    expect(selectAll(s('|'))).toEqual(s('|'))
  })
})

describe('replaceFromDom', () => {
  it('reads a typed digit, overwriting in a full code', () => {
    expect(replaceFromDom(s('12|'), '123', 3, 6)).toEqual(s('123|'))
    expect(replaceFromDom(s('12|3456'), '1293456', 3, 6)).toEqual(s('129|456'))
    expect(replaceFromDom(s('123456|'), '1234567', 7, 6)).toEqual(s('123456|'))
  })
  it('places a repeated digit by the caret, not by the first difference', () => {
    expect(replaceFromDom(s('11|'), '111', 3, 6)).toEqual(s('111|'))
    expect(replaceFromDom(s('1|1'), '111', 2, 6)).toEqual(s('11|1'))
    expect(replaceFromDom(s('1111'), '111', 1, 6)).toEqual(s('1|11'))
  })
  it('reads Backspace, Delete and a deleted selection', () => {
    expect(replaceFromDom(s('123'), '12', 2, 6)).toEqual(s('12|'))
    expect(replaceFromDom(s('123'), '13', 1, 6)).toEqual(s('1|3'))
    expect(replaceFromDom(s('123456'), '16', 1, 6)).toEqual(s('1|6'))
  })
  it('turns back a letter, keeping the value', () => {
    expect(replaceFromDom(s('12|'), '12a', 3, 6)).toEqual(s('12|'))
    expect(replaceFromDom(s('[12]'), 'a', 1, 6)).toEqual(s('[12]'))
  })
  it('takes a whole code written at once, as autofill does', () => {
    expect(replaceFromDom(s('|'), '123456', 6, 6)).toEqual(s('123456|'))
    expect(replaceFromDom(s('98|'), '123456', 6, 6)).toEqual(s('123456|'))
    expect(replaceFromDom(s('98|'), '١٢٣٤٥٦', 0, 6)).toEqual(s('123456|'))
    expect(replaceFromDom(s('987654|'), 'Your code is 123 456', 20, 6)).toEqual(s('123456|'))
  })
  it('reads a typed Arabic-Indic digit', () => {
    expect(replaceFromDom(s('12|'), '12٣', 3, 6)).toEqual(s('123|'))
  })
})

describe('otpCells', () => {
  it('fills left to right and marks the cell at the caret', () => {
    const cells = otpCells(s('12|'), 6, true)
    expect(cells.map((c) => c.char)).toEqual(['1', '2', '', '', '', ''])
    expect(cells.map((c) => c.isFilled)).toEqual([true, true, false, false, false, false])
    expect(cells.map((c) => c.isActive)).toEqual([false, false, true, false, false, false])
    expect(cells[2]).toMatchObject({ index: 2, hasCaret: true })
  })
  it('makes the last cell active when the code is full', () => {
    expect(otpCells(s('123456|'), 6, true).map((c) => c.hasCaret)).toEqual([false, false, false, false, false, true])
  })
  it('shows every selected cell as active, with no caret', () => {
    const cells = otpCells(s('1[234]56'), 6, true)
    expect(cells.map((c) => c.isActive)).toEqual([false, true, true, true, false, false])
    expect(cells.some((c) => c.hasCaret)).toBe(false)
  })
  it('marks nothing active without focus', () => {
    expect(otpCells(s('12|'), 6, false).some((c) => c.isActive || c.hasCaret)).toBe(false)
  })
})

describe('otpKeyAction', () => {
  const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}, code = '') => ({
    key,
    code,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  })
  it('takes the plain arrows, Home and End', () => {
    expect(otpKeyAction(press('ArrowLeft'))).toBe('left')
    expect(otpKeyAction(press('ArrowRight'))).toBe('right')
    expect(otpKeyAction(press('Home'))).toBe('home')
    expect(otpKeyAction(press('End'))).toBe('end')
  })
  it('leaves selection, word moves, digits and editing keys to the browser', () => {
    expect(otpKeyAction(press('ArrowLeft', { shiftKey: true }))).toBeUndefined()
    expect(otpKeyAction(press('ArrowLeft', { ctrlKey: true }))).toBeUndefined()
    expect(otpKeyAction(press('1'))).toBeUndefined()
    expect(otpKeyAction(press('Backspace'))).toBeUndefined()
    expect(otpKeyAction(press('c', { ctrlKey: true }, 'KeyC'))).toBeUndefined()
    expect(otpKeyAction(press('z', { ctrlKey: true, altKey: true }, 'KeyZ'))).toBeUndefined()
  })
  it('reads select-all, undo and redo with Ctrl or Cmd', () => {
    expect(otpKeyAction(press('a', { ctrlKey: true }, 'KeyA'))).toBe('selectAll')
    expect(otpKeyAction(press('z', { metaKey: true }, 'KeyZ'))).toBe('undo')
    expect(otpKeyAction(press('Z', { ctrlKey: true, shiftKey: true }, 'KeyZ'))).toBe('redo')
    expect(otpKeyAction(press('y', { ctrlKey: true }, 'KeyY'))).toBe('redo')
  })
  it('reads them by the physical key on an Arabic layout, and by the letter on AZERTY', () => {
    expect(otpKeyAction(press('ئ', { ctrlKey: true }, 'KeyZ'))).toBe('undo')
    expect(otpKeyAction(press('ش', { ctrlKey: true }, 'KeyA'))).toBe('selectAll')
    expect(otpKeyAction(press('z', { ctrlKey: true }, 'KeyW'))).toBe('undo')
  })
})

describe('createOtpHistory', () => {
  it('goes back and forward, and forgets the way forward after a new edit', () => {
    const history = createOtpHistory()
    history.record(s('|'))
    history.record(s('1|'))
    expect(history.travel(true, s('12|'))).toEqual(s('1|'))
    expect(history.travel(true, s('1|'))).toEqual(s('|'))
    expect(history.travel(true, s('|'))).toBeUndefined()
    expect(history.travel(false, s('|'))).toEqual(s('1|'))
    history.record(s('1|'))
    expect(history.travel(false, s('19|'))).toBeUndefined()
  })
  it('keeps only the last states', () => {
    const history = createOtpHistory(2)
    for (const value of ['', '1', '12']) history.record(s(value))
    expect(history.travel(true, s('123'))).toEqual(s('12'))
    expect(history.travel(true, s('12'))).toEqual(s('1'))
    expect(history.travel(true, s('1'))).toBeUndefined()
  })
})

const text = hostileText

type Op = (state: OtpFieldState, length: number) => OtpFieldState
const op: fc.Arbitrary<Op> = fc.oneof(
  text.map((t): Op => (state, length) => insertText(state, t, length)),
  fc.constant<Op>(deleteBackward),
  fc.constant<Op>(deleteForward),
  fc.constant<Op>(selectAll),
  fc.constantFrom<CaretMove>('left', 'right', 'home', 'end').map((m): Op => (state) => moveCaret(state, m)),
  // A click or a drag: any selection, even a nonsensical one.
  fc.tuple(fc.integer({ min: -3, max: 12 }), fc.integer({ min: -3, max: 12 })).map(
    ([a, b]): Op => (state, length) => createOtpFieldState(state.value, length, a, b),
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
  expect(state.value).toMatch(/^[0-9]*$/)
  expect(state.value.length).toBeLessThanOrEqual(length)
  expect(Number.isInteger(state.selectionStart) && Number.isInteger(state.selectionEnd)).toBe(true)
  expect(0 <= state.selectionStart && state.selectionStart <= state.selectionEnd).toBe(true)
  expect(state.selectionEnd).toBeLessThanOrEqual(state.value.length)
}

describe('otpField properties', () => {
  it('keeps its invariants through any sequence of edits with any text', async () => {
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
        (value, a, b, key) => {
          const state = createOtpFieldState(value, 6, Math.min(a, b), Math.max(a, b))
          const { selectionStart: from, selectionEnd: to } = state
          let raw: string
          let caret: number
          let expected: OtpFieldState
          if (key === 'Backspace' || key === 'Delete') {
            expected = key === 'Backspace' ? deleteBackward(state) : deleteForward(state)
            raw = expected.value
            caret = expected.selectionStart
          } else {
            raw = value.slice(0, from) + key + value.slice(to)
            caret = from + 1
            expected = insertText(state, key, 6)
          }
          expect(replaceFromDom(state, raw, caret, 6)).toEqual(expected)
        },
      ),
      { seed: 42, runs: 2000, fuzzRuns: 100_000 },
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
        otpCells(state, Number.isFinite(length) && length >= 0 ? length : 0, true)
      }),
      { seed: 3, runs: 500, fuzzRuns: 100_000 },
    )
  }, propertyTimeout(5000))
})
