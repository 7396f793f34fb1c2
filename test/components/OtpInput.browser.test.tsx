/**
 * The code field's behaviour table: one row per behaviour of the slot model,
 * run through `OtpInput` with the real keyboard, mouse and clipboard of the
 * engine under test. Rows marked (synthetic) build the browser's events by
 * hand where no driver here can do it for real (see test/support/drive.ts).
 */
import axe from 'axe-core'
import { Profiler, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { OtpInput, type OtpInputProps } from '../../src/components/OtpInput'
import '../../src/styles/otp.css'
import '../support/unstyledLayout.css'
import { autofill, clickCell, clipboardText, compose, copy, dragCells, drop, engine, keyboard, partsOf, realDoubleClick, settle, tapCell, writeValue } from '../support/drive'

type Look = 'styled' | 'unstyled'

interface Setup {
  defaultValue?: string
  length?: number
  dir?: 'rtl'
  look?: Look
  props?: Partial<OtpInputProps>
  /** Focus the field before the row starts (by the keyboard: the caret at the insert position). */
  focus?: boolean
}

async function setup({ defaultValue, length, dir, look = 'styled', props = {}, focus = true }: Setup = {}) {
  const onValueChange = vi.fn()
  const onComplete = vi.fn()
  const screen = await render(
    <div dir={dir} lang={dir ? 'ar' : 'en'}>
      <textarea data-sms aria-label="SMS" />
      <OtpInput
        aria-label="Code"
        defaultValue={defaultValue}
        length={length}
        onValueChange={onValueChange}
        onComplete={onComplete}
        unstyled={look === 'unstyled'}
        className={look === 'unstyled' ? 'host-row' : undefined}
        {...props}
      />
      <button type="button">After</button>
    </div>,
  )
  const parts = partsOf(screen.container)
  if (focus) parts.input.focus()
  await settle()
  return { ...parts, root: screen.container, onValueChange, onComplete }
}

const key = keyboard

afterEach(async () => {
  // A held modifier must not leak into the next row.
  await keyboard('{/Shift}{/Control}')
})

describe(`slots in ${engine}`, () => {
  it('typing fills the slots left to right, the caret at the insert position', async () => {
    const field = await setup()
    await key('123')
    expect(field.row()).toBe('123___')
    expect(field.caret()).toBe(3)
    expect(field.active()).toEqual([3])
  })

  it('a full code ends on a block on its last slot; typing there replaces the last digit', async () => {
    const field = await setup()
    await key('123456')
    expect(field.selection()).toEqual([5, 6])
    expect(field.active()).toEqual([5])
    expect(field.caret()).toBe(-1)
    await key('9')
    expect(field.input.value).toBe('123459')
    expect(field.active()).toEqual([5])
    expect(field.onComplete.mock.calls.map(([code]) => code)).toEqual(['123456', '123459'])
  })

  it('typing on a block replaces that digit and moves to the next slot', async () => {
    const field = await setup({ defaultValue: '1234' })
    await key('{Home}{ArrowRight}9')
    expect(field.input.value).toBe('1934')
    expect(field.selection()).toEqual([2, 3])
    await key('3')
    expect(field.input.value).toBe('1934')
    expect(field.selection()).toEqual([3, 4])
  })

  it('typed digits of any script arrive as ASCII: Arabic-Indic, Persian, full-width', async () => {
    const field = await setup()
    await key('١٢')
    await key('۳۴')
    await key('５6')
    await settle()
    expect(field.input.value).toBe('123456')
    expect(field.row()).toBe('123456')
    expect(field.onComplete).toHaveBeenCalledExactlyOnceWith('123456', { source: 'typed' })
  })
})

describe(`keyboard in ${engine}`, () => {
  it('ArrowLeft from the insert position selects the last digit; the arrows move one slot, clamped', async () => {
    const field = await setup({ defaultValue: '123' })
    await key('{ArrowLeft}')
    expect(field.selection()).toEqual([2, 3])
    await key('{ArrowLeft}{ArrowLeft}{ArrowLeft}')
    expect(field.selection()).toEqual([0, 1])
    await key('{ArrowRight}{ArrowRight}{ArrowRight}')
    expect(field.selection()).toEqual([3, 3])
    expect(field.caret()).toBe(3)
    await key('{ArrowRight}')
    expect(field.selection()).toEqual([3, 3])
  })

  it('Shift+Arrows extend from the anchor, the other key shrinks, never past the digits', async () => {
    const field = await setup({ defaultValue: '12345' })
    await key('{Home}{ArrowRight}{Shift>}{ArrowRight}{ArrowRight}{/Shift}')
    expect(field.selection()).toEqual([1, 4])
    expect(field.active()).toEqual([1, 2, 3])
    await key('{Shift>}{ArrowLeft}{ArrowLeft}{ArrowLeft}{/Shift}')
    expect(field.selection()).toEqual([0, 2])
    expect(field.input.selectionDirection).toBe('backward')
    await key('{Shift>}{ArrowLeft}{/Shift}')
    expect(field.selection()).toEqual([0, 2])
    await key('{End}{Shift>}{ArrowRight}{/Shift}')
    expect(field.selection()).toEqual([5, 5])
  })

  it('Home, Ctrl/Cmd+ArrowLeft and ArrowUp go to the first slot; End, Ctrl/Cmd+ArrowRight and ArrowDown to the insert position', async () => {
    const field = await setup({ defaultValue: '1234' })
    for (const [first, last] of [['{Home}', '{End}'], ['{Control>}{ArrowLeft}{/Control}', '{Control>}{ArrowRight}{/Control}'], ['{Meta>}{ArrowLeft}{/Meta}', '{Meta>}{ArrowRight}{/Meta}'], ['{ArrowUp}', '{ArrowDown}']]) {
      await key(first!)
      expect(field.selection()).toEqual([0, 1])
      await key(last!)
      expect(field.selection()).toEqual([4, 4])
    }
  })

  it('End on a full code goes to its last slot', async () => {
    const field = await setup({ defaultValue: '123456' })
    await key('{Home}{End}')
    expect(field.selection()).toEqual([5, 6])
  })

  it('Backspace deletes the digit before the insert position, or the block, closing the gap', async () => {
    const field = await setup({ defaultValue: '1234' })
    await key('{Backspace}')
    expect(field.row()).toBe('123___')
    await key('{Home}{ArrowRight}{Backspace}')
    expect(field.row()).toBe('13____')
    expect(field.selection()).toEqual([1, 2])
    expect(field.active()).toEqual([1])
  })

  it('Delete deletes the block, and nothing at the insert position', async () => {
    const field = await setup({ defaultValue: '1234' })
    await key('{Delete}')
    expect(field.row()).toBe('1234__')
    await key('{Home}{Delete}')
    expect(field.row()).toBe('234___')
    expect(field.selection()).toEqual([0, 1])
  })

  it('Ctrl+Backspace deletes everything before the caret; with a selection (a block too), only the selection; Ctrl+Delete likewise forwards', async () => {
    const field = await setup({ defaultValue: '12345' })
    await key('{Home}{ArrowRight}{Shift>}{ArrowRight}{/Shift}{Control>}{Backspace}{/Control}')
    expect(field.row()).toBe('145___')
    await key('{End}{Control>}{Backspace}{/Control}')
    expect(field.row()).toBe('______')
    await key('12345{Home}{ArrowRight}{ArrowRight}{Control>}{Delete}{/Control}')
    expect(field.row()).toBe('1245__')
    expect(field.selection()).toEqual([2, 3])
    await key('{End}{Control>}{Delete}{/Control}')
    expect(field.row()).toBe('1245__')
  })

  it('select-all then a digit replaces everything', async () => {
    const field = await setup({ defaultValue: '123456' })
    await key('{Control>}a{/Control}')
    expect(field.selection()).toEqual([0, 6])
    expect(field.active()).toEqual([0, 1, 2, 3, 4, 5])
    await key('7')
    expect(field.row()).toBe('7_____')
  })

  it('Ctrl+X cuts the selection: its digits go to the clipboard and the gap closes', async () => {
    const field = await setup({ defaultValue: '123456' })
    await key('{Home}{ArrowRight}{Shift>}{ArrowRight}{/Shift}')
    await userEvent.cut()
    expect(field.row()).toBe('1456__')
    expect(await clipboardText()).toBe('23')
  })

  it('Ctrl+Z undoes and Ctrl+Shift+Z redoes', async () => {
    const field = await setup()
    await key('12{Backspace}')
    await key('{Control>}z{/Control}')
    expect(field.input.value).toBe('12')
    await key('{Control>}{Shift>}z{/Shift}{/Control}')
    expect(field.input.value).toBe('1')
  })

  it('in a right-to-left page the row stays left to right and the arrows move where the shopper sees', async () => {
    const field = await setup({ dir: 'rtl', defaultValue: '123' })
    expect(getComputedStyle(field.input).direction).toBe('ltr')
    const [first, second] = field.cells()
    expect(first!.getBoundingClientRect().left).toBeLessThan(second!.getBoundingClientRect().left)
    await key('{ArrowLeft}')
    expect(field.selection()).toEqual([2, 3])
    await key('{Home}9')
    expect(field.input.value).toBe('923')
  })

  it('the arrows still move where the shopper sees when page CSS turns the input right to left', async () => {
    const field = await setup({ defaultValue: '123' })
    field.input.style.direction = 'rtl'
    await key('{ArrowLeft}')
    expect(field.selection()).toEqual([2, 3])
  })
})

describe.each<Look>(['styled', 'unstyled'])(`pointer in ${engine}, %s`, (look) => {
  it('a click focuses the field and selects the digit clicked; on an empty cell, the insert position', async () => {
    const field = await setup({ defaultValue: '1234', look, focus: false })
    await clickCell(field.root, 2)
    expect(document.activeElement).toBe(field.input)
    expect(field.selection()).toEqual([2, 3])
    expect(field.active()).toEqual([2])
    await key('9')
    expect(field.input.value).toBe('1294')
    await clickCell(field.root, 5)
    expect(field.selection()).toEqual([4, 4])
    await clickCell(field.root, 0)
    expect(field.selection()).toEqual([0, 1])
  })

  it('a drag across cells selects them, either way, clamped to the digits, and moves no digit', async () => {
    const field = await setup({ defaultValue: '1234', look, focus: false })
    await dragCells(field.root, 3, 1)
    expect(field.selection()).toEqual([1, 4])
    expect(field.input.value).toBe('1234')
    await dragCells(field.root, 0, 5)
    expect(field.selection()).toEqual([0, 4])
    expect(field.input.value).toBe('1234')
  })

  it(`a double click selects the whole code${realDoubleClick ? '' : ' (its second press synthetic)'}; Shift+click extends to the cell`, async () => {
    const field = await setup({ defaultValue: '12345', look, focus: false })
    await clickCell(field.root, 2, { double: true })
    expect(field.selection()).toEqual([0, 5])
    await clickCell(field.root, 1)
    await clickCell(field.root, 3, { shift: true })
    expect(field.selection()).toEqual([1, 4])
  })

  it(`a tap selects the digit tapped; a cancelled gesture changes nothing${engine === 'chromium' ? '' : ' (synthetic)'}`, async () => {
    const field = await setup({ defaultValue: '1234', look, focus: false })
    await tapCell(field.root, 1)
    await settle()
    expect(document.activeElement).toBe(field.input)
    expect(field.selection()).toEqual([1, 2])
    await tapCell(field.root, 3, { cancel: true })
    await settle()
    expect(field.selection()).toEqual([1, 2])
  })
})

describe(`paste and drop in ${engine}`, () => {
  it.each([
    ['١٢٣ ٤٥٦', '123456'],
    ['Your OnDi code is 123-456. Do not share it.', '123456'],
    ['رمز التحقق الخاص بك هو ٦٥٤٣٢١', '654321'],
    ['Your code is 112233\n\nRef 99\n@shop.example #112233', '112233'],
  ])('Ctrl+V of %j replaces the field wherever the caret is', async (text, code) => {
    const field = await setup({ defaultValue: '98' })
    await copy(text)
    field.input.focus()
    await key('{Home}')
    await userEvent.paste()
    expect(field.input.value).toBe(code)
    expect(field.row()).toBe(code)
    expect(field.onComplete).toHaveBeenCalledExactlyOnceWith(code, { source: 'pasted' })
  })

  it('a partial paste replaces the selection and overwrites the slots after it, cut at the last', async () => {
    const field = await setup({ defaultValue: '12' })
    await copy('1111')
    field.input.focus()
    await key('{Home}')
    await userEvent.paste()
    expect(field.input.value).toBe('1111')
    await copy('٧٨٩')
    field.input.focus()
    await key('{End}{ArrowLeft}{ArrowLeft}')
    await userEvent.paste()
    expect(field.input.value).toBe('11789')
    await key('{ArrowLeft}')
    await userEvent.paste()
    expect(field.input.value).toBe('117878')
    expect(field.selection()).toEqual([5, 6])
  })

  it('a text drop acts at the current selection, not where it lands (synthetic)', async () => {
    const field = await setup({ defaultValue: '1234' })
    await key('{Home}{ArrowRight}')
    const event = drop(field.input, 'code ٩٩')
    expect(event.defaultPrevented).toBe(true)
    await settle()
    expect(field.input.value).toBe('1994')
    expect(field.onValueChange).toHaveBeenLastCalledWith('1994', { source: 'pasted' })
  })
})

describe(`disabled and read-only in ${engine}`, () => {
  it('a disabled field takes no paste, no typing and no autofill, and says nothing', async () => {
    const field = await setup({ defaultValue: '12', props: { disabled: true }, focus: false })
    await copy('123456')
    await clickCell(field.root, 1)
    await key('{Control>}v{/Control}34')
    // Disabled while it had focus, as the drop-in's field is when a code dies.
    field.input.disabled = false
    field.input.focus()
    field.input.disabled = true
    await key('{Control>}v{/Control}34')
    const data = new DataTransfer()
    data.setData('text/plain', '654321')
    field.input.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }))
    autofill(field.input, '654321')
    await settle()
    expect(field.input.value).toBe('12')
    expect(field.onValueChange).not.toHaveBeenCalled()
    expect(field.onComplete).not.toHaveBeenCalled()
  })

  it('a read-only field changes for nothing, yet stays focusable and selectable', async () => {
    const onFocus = vi.fn()
    const onBlur = vi.fn()
    const field = await setup({ defaultValue: '123', props: { readOnly: true, onFocus, onBlur }, focus: false })
    await copy('654321')
    await clickCell(field.root, 1)
    expect(onFocus).toHaveBeenCalledTimes(1)
    expect(field.selection()).toEqual([1, 2])
    await key('9{Backspace}{Delete}{Control>}vxz{/Control}')
    drop(field.input, '999')
    autofill(field.input, '654321')
    writeValue(field.input, '١١١')
    await settle()
    expect(field.input.value).toBe('123')
    expect(field.row()).toBe('123___')
    await key('{ArrowLeft}{Shift>}{ArrowRight}{/Shift}')
    expect(field.selection()).toEqual([0, 2])
    await userEvent.tab()
    expect(onBlur).toHaveBeenCalledTimes(1)
    expect(field.onValueChange).not.toHaveBeenCalled()
    expect(field.onComplete).not.toHaveBeenCalled()
  })
})

describe(`one value, whatever the path, in ${engine}`, () => {
  it('a value written through the element’s own property, as some drivers and extensions do, is read (synthetic)', async () => {
    const field = await setup()
    writeValue(field.input, '١٢٣٤٥٦')
    await settle()
    expect(field.input.value).toBe('123456')
    expect(field.row()).toBe('123456')
    expect(field.onComplete).toHaveBeenCalledExactlyOnceWith('123456', { source: 'typed' })
  })

  it.each([[undefined], ['insertReplacementText' as const]])('autofill as one input event (%s) replaces a partly typed code (synthetic)', async (inputType) => {
    const field = await setup()
    await key('98')
    autofill(field.input, '۶۵۴۳۲۱', inputType)
    await settle()
    expect(field.input.value).toBe('654321')
    expect(field.onComplete).toHaveBeenCalledExactlyOnceWith('654321', { source: 'autofilled' })
  })

  it(`an IME composition is applied once, at its end${engine === 'chromium' ? '' : ' (synthetic)'}`, async () => {
    const field = await setup({ defaultValue: '12' })
    await compose(field.input, ['٣', '٣٤'])
    await settle()
    expect(field.input.value).toBe('1234')
    expect(field.onValueChange.mock.calls).toEqual([['1234', { source: 'typed' }]])
    await key('5')
    expect(field.input.value).toBe('12345')
  })
})

describe(`mask, accessibility and renders in ${engine}`, () => {
  it('a masked field shows the selected cell as selected, with a dot in it', async () => {
    const field = await setup({ defaultValue: '1234', props: { mask: true } })
    await key('{ArrowLeft}')
    expect(field.row()).toBe('••••__')
    expect(field.active()).toEqual([3])
    expect(field.cells()[3]!.hasAttribute('data-filled')).toBe(true)
  })

  it('axe finds nothing with the block caret shown', async () => {
    const field = await setup({ defaultValue: '1234' })
    await key('{ArrowLeft}{ArrowLeft}')
    expect(field.active()).toEqual([2])
    const results = await axe.run(field.root)
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
  })

  it('commits once per typed digit, whatever the selection events that follow', async () => {
    let commits = 0
    function Counted() {
      const [value, setValue] = useState('')
      return (
        <Profiler id="field" onRender={() => void (commits += 1)}>
          <OtpInput aria-label="Code" value={value} onValueChange={setValue} />
        </Profiler>
      )
    }
    const screen = await render(<Counted />)
    const { input } = partsOf(screen.container)
    input.focus()
    await settle()
    commits = 0
    for (const digit of '123456') {
      await key(digit)
      await settle()
    }
    expect(input.value).toBe('123456')
    expect(commits).toBe(6)
  })
})
