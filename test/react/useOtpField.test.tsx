import { act, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef, useState, type InputHTMLAttributes, type Ref } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useOtpField, type UseOtpFieldProps, type UseOtpFieldResult } from '../../src/react/useOtpField'
import { fieldParts } from '../../src/react/anatomy'
import { mockWebOtp } from '../utils'

type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }

/** The smallest host: one input and a div per cell, all from the prop getters. */
function Field({ inputProps, onField, ...props }: UseOtpFieldProps & { inputProps?: InputProps; onField?: (field: UseOtpFieldResult) => void }) {
  const field = useOtpField(props)
  onField?.(field)
  return (
    <div data-testid="root" {...field.getRootProps()}>
      <input {...field.getInputProps({ 'aria-label': 'Code', ...inputProps })} />
      {field.cells.map((cell) => (
        <div key={cell.index} data-testid="cell" {...field.getCellProps(cell.index)} />
      ))}
    </div>
  )
}

const input = () => screen.getByLabelText<HTMLInputElement>('Code')
/** The row as the shopper sees it: `12____`. */
const row = () => screen.getAllByTestId('cell').map((cell) => cell.textContent || '_').join('')
/** Index of each cell with `data-active`, and the one with `data-caret`. */
const active = () => screen.getAllByTestId('cell').flatMap((cell, i) => (cell.hasAttribute('data-active') ? [i] : []))
const caretCell = () => screen.getAllByTestId('cell').findIndex((cell) => cell.hasAttribute('data-caret'))

async function setup(props: Parameters<typeof Field>[0] = {}) {
  const user = userEvent.setup()
  const utils = render(<Field {...props} />)
  await user.click(input())
  return { user, ...utils }
}

describe('useOtpField: the input', () => {
  it('renders one labelled text input for SMS autofill, with no maxLength and no style', () => {
    render(<Field name="code" id="otp" invalid />)
    const el = input()
    expect(el).toHaveProperty('type', 'text')
    expect(el.getAttribute('autocomplete')).toBe('one-time-code')
    expect(el.getAttribute('inputmode')).toBe('numeric')
    expect(el.getAttribute('pattern')).toBe('[0-9]*')
    expect(el.getAttribute('dir')).toBe('ltr')
    expect(el.getAttribute('data-part')).toBe(fieldParts.input)
    expect(el.getAttribute('aria-invalid')).toBe('true')
    expect(el.name).toBe('code')
    expect(el.id).toBe('otp')
    expect(el.hasAttribute('maxlength')).toBe(false)
    expect(document.querySelector('[style]')).toBeNull()
  })

  it('drops a maxLength the host passes, so a pasted SMS is not cut', () => {
    render(<Field inputProps={{ maxLength: 6, 'aria-describedby': 'hint' }} />)
    expect(input().hasAttribute('maxlength')).toBe(false)
    expect(input().getAttribute('aria-describedby')).toBe('hint')
  })

  it('marks the root and hides the cells from assistive technology', () => {
    render(<Field disabled invalid defaultValue="123456" />)
    const root = screen.getByTestId('root')
    expect(root.getAttribute('data-part')).toBe(fieldParts.root)
    expect(root.getAttribute('dir')).toBe('ltr')
    for (const name of ['data-complete', 'data-disabled', 'data-invalid']) expect(root.getAttribute(name)).toBe('')
    const cells = screen.getAllByTestId('cell')
    expect(cells).toHaveLength(6)
    expect(cells.every((cell) => cell.getAttribute('aria-hidden') === 'true' && cell.dataset.part === 'cell')).toBe(true)
    expect(cells.every((cell) => cell.hasAttribute('data-filled'))).toBe(true)
  })
})

describe('useOtpField: typing', () => {
  it('fills the cells left to right, reports the code once and ends on a block on the last cell', async () => {
    const onComplete = vi.fn()
    const onValueChange = vi.fn()
    const { user } = await setup({ onComplete, onValueChange })
    expect(active()).toEqual([0])
    await user.keyboard('123')
    expect(row()).toBe('123___')
    expect(caretCell()).toBe(3)
    await user.keyboard('456')
    expect(input().value).toBe('123456')
    expect(onValueChange).toHaveBeenLastCalledWith('123456', { source: 'typed' })
    expect(onComplete).toHaveBeenCalledTimes(1)
    expect(onComplete).toHaveBeenCalledWith('123456', { source: 'typed' })
    expect(screen.getByTestId('root').hasAttribute('data-complete')).toBe(true)
    expect(caretCell()).toBe(-1)
    expect(active()).toEqual([5])
    expect([input().selectionStart, input().selectionEnd]).toEqual([5, 6])
  })

  it('turns typed Arabic-Indic and Persian digits into ASCII', async () => {
    const { user } = await setup()
    await user.keyboard('١٢٣۴۵۶')
    expect(input().value).toBe('123456')
  })

  it('ignores letters, and replaces the last digit when typing on a full code', async () => {
    const onComplete = vi.fn()
    const { user } = await setup({ onComplete })
    await user.keyboard('1a2 b3456')
    expect(input().value).toBe('123456')
    expect(onComplete).toHaveBeenCalledTimes(1)
    await user.keyboard('789')
    expect(input().value).toBe('123459')
    expect(row()).toBe('123459')
    expect(active()).toEqual([5])
    expect(onComplete.mock.calls.map(([code]) => code)).toEqual(['123456', '123457', '123458', '123459'])
  })

  it('honours another length', async () => {
    const { user } = await setup({ length: 4 })
    await user.keyboard('123456')
    expect(input().value).toBe('1236')
    expect(screen.getAllByTestId('cell')).toHaveLength(4)
  })

  it('types nothing when disabled', async () => {
    const user = userEvent.setup()
    render(<Field disabled />)
    expect(input().disabled).toBe(true)
    await user.type(input(), '123')
    expect(input().value).toBe('')
  })
})

describe('useOtpField: paste and autofill', () => {
  it.each([
    ['١٢٣ ٤٥٦'],
    ['123-456'],
    ['Your OnDi code is 123-456. Do not share it.'],
  ])('takes the code out of a pasted %j', async (text) => {
    const onComplete = vi.fn()
    const { user } = await setup({ onComplete })
    await user.paste(text)
    expect(input().value).toBe('123456')
    expect(row()).toBe('123456')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('123456', { source: 'pasted' })
  })

  it('replaces a code already there with a pasted whole code', async () => {
    const { user } = await setup({ defaultValue: '98' })
    await user.paste('123456')
    expect(input().value).toBe('123456')
  })

  it('pastes part of a code over the selection, overwriting the slots after it', async () => {
    const { user } = await setup({ defaultValue: '16' })
    await user.keyboard('{ArrowLeft}')
    expect([input().selectionStart, input().selectionEnd]).toEqual([1, 2])
    await user.paste('2-3')
    expect(input().value).toBe('123')
    expect(input().selectionStart).toBe(3)
    await user.keyboard('{Home}')
    await user.paste('1111')
    expect(input().value).toBe('1111')
  })

  it('takes a whole code set at once, with no key events, as autofill does', () => {
    const onComplete = vi.fn()
    render(<Field onComplete={onComplete} />)
    fireEvent.change(input(), { target: { value: '123456' } })
    expect(input().value).toBe('123456')
    expect(row()).toBe('123456')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('123456', { source: 'autofilled' })
  })

  it('lets autofill replace a partly typed code', async () => {
    const { user } = await setup()
    await user.keyboard('98')
    fireEvent.change(input(), { target: { value: '١٢٣٤٥٦' } })
    expect(input().value).toBe('123456')
  })
})

describe('useOtpField: how the code arrived', () => {
  it('tells typed, pasted and autofilled codes apart', async () => {
    const onComplete = vi.fn()
    const { user } = await setup({ onComplete })
    await user.keyboard('123456')
    expect(onComplete).toHaveBeenLastCalledWith('123456', { source: 'typed' })
    await user.keyboard('{Control>}a{/Control}')
    await user.paste('654321')
    expect(onComplete).toHaveBeenLastCalledWith('654321', { source: 'pasted' })
    fireEvent.change(input(), { target: { value: '111111' } })
    expect(onComplete).toHaveBeenLastCalledWith('111111', { source: 'autofilled' })
    expect(onComplete).toHaveBeenCalledTimes(3)
  })
})

describe('useOtpField: editing', () => {
  it('deletes backward and forward, closing the gap, the caret on what took its place', async () => {
    const { user } = await setup()
    await user.keyboard('1234{Backspace}')
    expect(row()).toBe('123___')
    await user.keyboard('{ArrowLeft}{ArrowLeft}{Backspace}')
    expect(row()).toBe('13____')
    expect([input().selectionStart, input().selectionEnd]).toEqual([1, 2])
    expect(active()).toEqual([1])
    await user.keyboard('{Delete}')
    expect(row()).toBe('1_____')
    expect(caretCell()).toBe(1)
  })

  it('moves by slots with the arrows, Home and End, never past the insert position', async () => {
    const { user } = await setup({ defaultValue: '123' })
    expect(caretCell()).toBe(3)
    await user.keyboard('{End}{ArrowRight}')
    expect([input().selectionStart, input().selectionEnd]).toEqual([3, 3])
    expect(active()).toEqual([3])
    await user.keyboard('{ArrowLeft}')
    expect([input().selectionStart, input().selectionEnd]).toEqual([2, 3])
    expect(active()).toEqual([2])
    expect(caretCell()).toBe(-1)
    await user.keyboard('{Home}')
    expect(active()).toEqual([0])
    await user.keyboard('{ArrowRight}')
    expect([input().selectionStart, input().selectionEnd]).toEqual([1, 2])
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}')
    expect(active()).toEqual([1, 2])
  })

  it('overwrites the active cell of a full code', async () => {
    const { user } = await setup({ defaultValue: '123456' })
    await user.keyboard('{Home}{ArrowRight}{ArrowRight}9')
    expect(input().value).toBe('129456')
    expect(input().selectionStart).toBe(3)
  })

  it('selects all with Ctrl+A and replaces the code', async () => {
    const onComplete = vi.fn()
    const { user } = await setup({ defaultValue: '123456', onComplete })
    await user.keyboard('{Control>}a{/Control}')
    expect(active()).toEqual([0, 1, 2, 3, 4, 5])
    expect(caretCell()).toBe(-1)
    await user.keyboard('7')
    expect(row()).toBe('7_____')
    await user.keyboard('{Meta>}a{/Meta}')
    await user.paste('654321')
    expect(input().value).toBe('654321')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('654321', { source: 'pasted' })
  })

  it('undoes and redoes with Ctrl/Cmd+Z and Ctrl+Y', async () => {
    const { user } = await setup()
    await user.keyboard('123{Backspace}')
    expect(input().value).toBe('12')
    await user.keyboard('{Control>}z{/Control}')
    expect(input().value).toBe('123')
    await user.keyboard('{Meta>}z{/Meta}')
    expect(input().value).toBe('12')
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}')
    expect(input().value).toBe('123')
    await user.paste('999999')
    await user.keyboard('{Control>}z{/Control}')
    expect(input().value).toBe('123')
    await user.keyboard('{Control>}y{/Control}')
    expect(input().value).toBe('999999')
  })

  it('forgets what could be redone once a new edit is made', async () => {
    const { user } = await setup()
    await user.keyboard('12{Control>}z{/Control}')
    expect(input().value).toBe('1')
    await user.keyboard('9{Control>}y{/Control}')
    expect(input().value).toBe('19')
    await user.keyboard('{Control>}z{/Control}{Control>}z{/Control}{Control>}z{/Control}')
    expect(input().value).toBe('')
  })

  it('goes back through the last 20 edits, no further', async () => {
    const { user } = await setup()
    // 25 edits: a digit typed, then deleted, over and over.
    await user.keyboard('1{Backspace}'.repeat(12) + '7')
    expect(input().value).toBe('7')
    await user.keyboard('{Control>}z{/Control}'.repeat(30))
    // The 20 states before the last 20 edits go back to the state after the fifth edit: '1'.
    expect(input().value).toBe('1')
  })

  it('undoes the Edit menu’s undo (a native beforeinput) itself', async () => {
    const { user } = await setup()
    await user.keyboard('12')
    const event = new InputEvent('beforeinput', { inputType: 'historyUndo', cancelable: true, bubbles: true })
    act(() => {
      input().dispatchEvent(event)
    })
    expect(event.defaultPrevented).toBe(true)
    expect(input().value).toBe('1')
  })

  it('keeps its undo history through an undo asked for while read-only', async () => {
    const user = userEvent.setup()
    const { rerender } = render(<Field />)
    await user.click(input())
    await user.keyboard('12')
    rerender(<Field readOnly />)
    const undo = () => new InputEvent('beforeinput', { inputType: 'historyUndo', cancelable: true, bubbles: true })
    act(() => void input().dispatchEvent(undo()))
    expect(input().value).toBe('12')
    rerender(<Field />)
    await user.keyboard('{Control>}z{/Control}')
    expect(input().value).toBe('1')
    act(() => void input().dispatchEvent(undo()))
    expect(input().value).toBe('')
  })
})

describe('useOtpField: host handlers', () => {
  it('hands the input to the host’s ref, an object or a callback, and null on unmount, while the field still works', async () => {
    const object = createRef<HTMLInputElement>()
    const { unmount, rerender } = render(<Field inputProps={{ ref: object }} />)
    expect(object.current).toBe(input())
    const seen: Array<HTMLInputElement | null> = []
    rerender(<Field inputProps={{ ref: (node) => void seen.push(node) }} />)
    expect(seen.at(-1)).toBe(input())
    const user = userEvent.setup()
    await user.click(input())
    await user.paste('123456')
    expect(input().value).toBe('123456')
    const el = input()
    unmount()
    expect(seen.at(-1)).toBeNull()
    expect(seen).toContain(el)
  })

  it('calls the host’s handlers beside its own', async () => {
    const onKeyDown = vi.fn()
    const onChange = vi.fn((event: { target: HTMLInputElement }) => event.target.value)
    const onFocus = vi.fn()
    const onBlur = vi.fn()
    const { user } = await setup({ inputProps: { onKeyDown, onChange }, onFocus, onBlur })
    await user.keyboard('1٢')
    expect(onKeyDown).toHaveBeenCalledTimes(2)
    expect(onChange.mock.results.map((r) => r.value)).toEqual(['1', '12'])
    await user.tab()
    expect(onFocus).toHaveBeenCalledTimes(1)
    expect(onBlur).toHaveBeenCalledTimes(1)
  })

  it('skips its own handling when the host’s onKeyDown calls preventDefault', async () => {
    const { user } = await setup({
      defaultValue: '123',
      inputProps: { onKeyDown: (event) => (event.key === 'z' || event.key === 'Home') && event.preventDefault() },
    })
    await user.keyboard('4{Control>}z{/Control}')
    expect(input().value).toBe('1234')
    await user.keyboard('{Home}')
    expect(input().selectionStart).toBe(4)
  })

  it('gives the host’s onChange the normalised value', async () => {
    const values: string[] = []
    const { user } = await setup({ inputProps: { onChange: (event) => values.push(event.target.value) } })
    await user.paste('١٢٣ ٤٥٦')
    expect(values).toEqual(['123456'])
  })
})

describe('useOtpField: value ownership', () => {
  it('starts from defaultValue when uncontrolled', () => {
    render(<Field defaultValue="١٢x3" />)
    expect(input().value).toBe('123')
    expect(row()).toBe('123___')
  })

  it('follows a controlled value and reports changes through onValueChange', async () => {
    function Host() {
      const [value, setValue] = useState('12')
      return (
        <>
          <Field value={value} onValueChange={setValue} />
          <button onClick={() => setValue('')}>Reset</button>
          <output>{value}</output>
        </>
      )
    }
    const user = userEvent.setup()
    render(<Host />)
    expect(row()).toBe('12____')
    await user.click(input())
    await user.keyboard('3')
    expect(screen.getByRole('status').textContent).toBe('123')
    await user.click(screen.getByText('Reset'))
    expect(input().value).toBe('')
    expect(row()).toBe('______')
  })

  it('keeps the host’s value when the host refuses a change', async () => {
    const onValueChange = vi.fn()
    const { user } = await setup({ value: '12', onValueChange })
    await user.keyboard('3')
    expect(onValueChange).toHaveBeenCalledWith('123', { source: 'typed' })
    expect(input().value).toBe('12')
  })

  it('offers setValue, clear and focus', async () => {
    let field!: UseOtpFieldResult
    const onComplete = vi.fn()
    render(<Field onComplete={onComplete} onField={(f) => (field = f)} />)
    act(() => field.setValue('Code: ١٢٣٤٥٦'))
    expect(field.value).toBe('123456')
    expect(field.isComplete).toBe(true)
    expect(onComplete).toHaveBeenCalledTimes(1)
    act(() => field.clear())
    expect(input().value).toBe('')
    expect(field.cells.every((cell) => cell.char === '' && !cell.isFilled)).toBe(true)
    act(() => field.focus())
    expect(document.activeElement).toBe(input())
  })
})

describe('useOtpField: onComplete', () => {
  it('fires once per completed code, again only when the code changes', async () => {
    const onComplete = vi.fn()
    const { user, rerender } = await setup({ onComplete })
    await user.keyboard('123456')
    rerender(<Field onComplete={onComplete} />)
    await user.keyboard('{Control>}a{/Control}')
    await user.paste('123456')
    fireEvent.change(input(), { target: { value: '123456' } })
    expect(onComplete).toHaveBeenCalledTimes(1)
    await user.keyboard('{Backspace}6')
    expect(onComplete).toHaveBeenCalledTimes(2)
    expect(onComplete).toHaveBeenLastCalledWith('123456', { source: 'typed' })
  })

  it('does not fire for a complete defaultValue', () => {
    const onComplete = vi.fn()
    render(<Field defaultValue="123456" onComplete={onComplete} />)
    expect(onComplete).not.toHaveBeenCalled()
  })
})

describe('useOtpField: react-hook-form', () => {
  it('works with register: handleSubmit receives the normalised pasted code', async () => {
    const onSubmit = vi.fn()
    function Form() {
      const { register, handleSubmit } = useForm({ defaultValues: { code: '' } })
      return (
        <form onSubmit={handleSubmit((data) => onSubmit(data))}>
          <Field inputProps={register('code')} />
          <button type="submit">Verify</button>
        </form>
      )
    }
    const user = userEvent.setup()
    render(<Form />)
    await user.click(input())
    await user.paste('١٢٣ ٤٥٦')
    await user.click(screen.getByText('Verify'))
    expect(onSubmit).toHaveBeenCalledTimes(1)
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ code: '123456' })
  })

  it('works with Controller: value, onChange, onBlur and ref', async () => {
    const onSubmit = vi.fn()
    let focusField!: () => void
    function Form() {
      const { control, handleSubmit, setFocus } = useForm({ defaultValues: { code: '' } })
      focusField = () => setFocus('code')
      return (
        <form onSubmit={handleSubmit((data) => onSubmit(data))}>
          <Controller
            name="code"
            control={control}
            rules={{ minLength: 6 }}
            render={({ field }) => (
              <Field value={field.value} onValueChange={field.onChange} onBlur={field.onBlur} name={field.name} inputProps={{ ref: field.ref }} />
            )}
          />
          <button type="submit">Verify</button>
        </form>
      )
    }
    const user = userEvent.setup()
    render(<Form />)
    // setFocus focuses on the next task.
    await act(async () => {
      focusField()
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    expect(document.activeElement).toBe(input())
    await user.keyboard('12')
    await user.paste('34-56')
    await user.click(screen.getByText('Verify'))
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ code: '123456' })
  })
})

describe('useOtpField: WebOTP', () => {
  /** A get() that stays open until told, and rejects like a browser when aborted. */
  function pending() {
    let resolve!: (credential: unknown) => void
    const spy = mockWebOtp(
      ({ signal }) =>
        new Promise((ok, fail) => {
          resolve = ok
          signal.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError')))
        }),
    )
    return { spy, resolve: (credential: unknown) => resolve(credential), signal: () => spy.mock.calls.at(-1)![0].signal }
  }

  afterEach(() => {
    delete (window as { OTPCredential?: unknown }).OTPCredential
    delete (navigator as { credentials?: unknown }).credentials
  })

  it('sets the code from the SMS and reports it', async () => {
    const otp = pending()
    const onComplete = vi.fn()
    render(<Field onComplete={onComplete} />)
    expect(otp.spy).toHaveBeenCalledTimes(1)
    expect(otp.spy.mock.calls[0]?.[0].otp).toEqual({ transport: ['sms'] })
    await act(async () => otp.resolve({ type: 'otp', code: '١٢٣٤٥٦' }))
    expect(input().value).toBe('123456')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('123456', { source: 'webotp' })
  })

  it('aborts when the shopper types or pastes', async () => {
    const otp = pending()
    const { user } = await setup()
    await user.keyboard('1')
    expect(otp.signal().aborted).toBe(true)
    otp.resolve({ code: '999999' })
    await act(async () => {})
    expect(input().value).toBe('1')
  })

  it('aborts on paste', async () => {
    const otp = pending()
    const { user } = await setup()
    await user.paste('12')
    expect(otp.signal().aborted).toBe(true)
  })

  it('aborts on unmount and when disabled', async () => {
    const otp = pending()
    const { unmount, rerender } = render(<Field />)
    rerender(<Field disabled />)
    expect(otp.signal().aborted).toBe(true)
    rerender(<Field />)
    expect(otp.spy).toHaveBeenCalledTimes(2)
    unmount()
    expect(otp.signal().aborted).toBe(true)
  })

  it('drops a code the browser hands over after the abort anyway', async () => {
    let arrive!: (credential: unknown) => void
    mockWebOtp(() => new Promise((resolve) => (arrive = resolve)))
    const { user } = await setup()
    await user.keyboard('1')
    await act(async () => arrive({ code: '999999' }))
    expect(input().value).toBe('1')
  })

  it('hands the code to the latest render: its callbacks, not those of the render that asked', async () => {
    const otp = pending()
    const first = vi.fn()
    const latest = vi.fn()
    const { rerender } = render(<Field onComplete={first} />)
    rerender(<Field onComplete={latest} />)
    expect(otp.spy).toHaveBeenCalledTimes(1)
    await act(async () => otp.resolve({ code: '111222' }))
    expect(first).not.toHaveBeenCalled()
    expect(latest).toHaveBeenCalledExactlyOnceWith('111222', { source: 'webotp' })
  })

  it('aborts while read-only and asks again after', () => {
    const otp = pending()
    const { rerender } = render(<Field />)
    const first = otp.signal()
    rerender(<Field readOnly />)
    expect(first.aborted).toBe(true)
    expect(otp.spy).toHaveBeenCalledTimes(1)
    rerender(<Field />)
    expect(otp.spy).toHaveBeenCalledTimes(2)
    expect(otp.signal().aborted).toBe(false)
  })

  it('ignores an empty credential and one without a code, with nothing unhandled', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      for (const answer of [Promise.reject(new DOMException('Denied', 'NotAllowedError')), Promise.resolve(null), Promise.resolve({ type: 'otp' }), Promise.resolve({ code: '' })]) {
        const onValueChange = vi.fn()
        mockWebOtp(() => answer)
        const { unmount } = render(<Field onValueChange={onValueChange} />)
        await act(async () => {})
        expect(onValueChange).not.toHaveBeenCalled()
        expect(input().value).toBe('')
        unmount()
      }
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })

  it('asks nothing when turned off or unsupported, and ignores a refusal', async () => {
    const spy = mockWebOtp(() => Promise.reject(new DOMException('no', 'NotAllowedError')))
    render(<Field webOtp={false} />)
    expect(spy).not.toHaveBeenCalled()
    render(<Field disabled />)
    expect(spy).not.toHaveBeenCalled()
    render(<Field />)
    await act(async () => {})
    expect(spy).toHaveBeenCalledTimes(1)
    delete (window as { OTPCredential?: unknown }).OTPCredential
    render(<Field />)
    expect(spy).toHaveBeenCalledTimes(1)
  })
})

/** Writes `.value` the way drivers and extensions do (through React's own setter), then fires `input`. */
function writeFromOutside(el: HTMLInputElement, text: string, inputType?: string) {
  act(() => {
    el.value = text
    el.dispatchEvent(inputType ? new InputEvent('input', { bubbles: true, inputType }) : new Event('input', { bubbles: true }))
  })
}

describe('useOtpField: one value, whatever the path', () => {
  it('reads a value written through React’s own setter, which React does not report', async () => {
    const onComplete = vi.fn()
    const onChange = vi.fn((event: { target: HTMLInputElement }) => event.target.value)
    render(<Field onComplete={onComplete} inputProps={{ onChange }} />)
    writeFromOutside(input(), '١٢٣٤٥٦')
    await act(async () => {})
    expect(input().value).toBe('123456')
    expect(row()).toBe('123456')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('123456', { source: 'autofilled' })
    expect(onChange.mock.results.map((r) => r.value)).toEqual(['123456'])
  })

  it('reads a digit typed that way into the middle of a code', async () => {
    const { user } = await setup({ defaultValue: '12' })
    await user.keyboard('{ArrowLeft}')
    writeFromOutside(input(), '1٣', 'insertText')
    input().setSelectionRange(2, 2)
    await act(async () => {})
    expect(input().value).toBe('13')
  })

  it('applies an IME composition once, at its end', async () => {
    const onValueChange = vi.fn()
    const { user } = await setup({ defaultValue: '12', onValueChange })
    const composing = (text: string) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input(), text)
      act(() => void input().dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText' })))
    }
    fireEvent.compositionStart(input())
    composing('12٣')
    expect(onValueChange).not.toHaveBeenCalled()
    composing('12٣٤')
    expect(input().value).toBe('12٣٤')
    input().setSelectionRange(4, 4)
    fireEvent.compositionEnd(input())
    expect(input().value).toBe('1234')
    expect(onValueChange).toHaveBeenCalledExactlyOnceWith('1234', { source: 'typed' })
    await user.keyboard('5')
    expect(input().value).toBe('12345')
  })
})

describe('useOtpField: cut and drop', () => {
  it('cuts the selected digits to the clipboard and closes the gap', async () => {
    const { user } = await setup({ defaultValue: '1234' })
    await user.keyboard('{ArrowLeft}{Shift>}{ArrowLeft}{/Shift}')
    const clipboard = await user.cut()
    expect(input().value).toBe('12')
    expect(clipboard?.getData('text/plain')).toBe('34')
  })

  it('drops text at the selection, wherever the pointer lets go', async () => {
    const onComplete = vi.fn()
    const { user } = await setup({ defaultValue: '12', onComplete })
    await user.keyboard('{ArrowLeft}')
    fireEvent.drop(input(), { dataTransfer: { getData: () => 'Code: ٣٤' } })
    expect(input().value).toBe('134')
    fireEvent.drop(input(), { dataTransfer: { getData: () => '654321' } })
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('654321', { source: 'pasted' })
  })
})

describe.each([
  ['read-only', { readOnly: true }],
  ['disabled', { disabled: true }],
])('useOtpField: %s', (_, locked) => {
  it('changes nothing and calls no value callback, whatever the path', async () => {
    const onValueChange = vi.fn()
    const onComplete = vi.fn()
    const onChange = vi.fn()
    const onFocus = vi.fn()
    const onBlur = vi.fn()
    const user = userEvent.setup()
    render(
      <>
        <Field defaultValue="123" {...locked} onValueChange={onValueChange} onComplete={onComplete} onFocus={onFocus} onBlur={onBlur} inputProps={{ onChange }} />
        <button>Next</button>
      </>,
    )
    act(() => input().focus())
    await user.keyboard('456{Backspace}{Delete}{Control>}{Backspace}z{/Control}')
    await user.paste('654321')
    await user.cut()
    fireEvent.drop(input(), { dataTransfer: { getData: () => '654321' } })
    fireEvent.change(input(), { target: { value: '654321' } })
    writeFromOutside(input(), '999999')
    const undo = new InputEvent('beforeinput', { inputType: 'historyUndo', cancelable: true, bubbles: true })
    act(() => void input().dispatchEvent(undo))
    await act(async () => {})
    expect(input().value).toBe('123')
    expect(row()).toBe('123___')
    expect(onValueChange).not.toHaveBeenCalled()
    expect(onComplete).not.toHaveBeenCalled()
    expect(onChange).not.toHaveBeenCalled()
    if ('readOnly' in locked) {
      expect(onFocus).toHaveBeenCalledTimes(1)
      expect(input().readOnly).toBe(true)
      await user.keyboard('{ArrowLeft}{ArrowLeft}')
      expect([input().selectionStart, input().selectionEnd]).toEqual([1, 2])
      await user.tab()
      expect(onBlur).toHaveBeenCalledTimes(1)
    } else {
      expect(input().disabled).toBe(true)
    }
  })
})

describe('useOtpField: pointer, with the cells laid out 40 px apart', () => {
  /** Gives each cell a 32 px box from x = 40 × index: jsdom has no layout. */
  function layOut() {
    screen.getAllByTestId('cell').forEach((cell, index) => {
      cell.getBoundingClientRect = () => ({ left: index * 40, right: index * 40 + 32, top: 0, bottom: 40, width: 32, height: 40, x: index * 40, y: 0, toJSON: () => ({}) })
    })
  }
  const at = (index: number) => ({ target: input(), coords: { clientX: index * 40 + 16, clientY: 20 } })

  it('selects the digit clicked, or puts the caret at the insert position for an empty cell', async () => {
    const user = userEvent.setup()
    render(<Field defaultValue="1234" />)
    layOut()
    await user.pointer({ keys: '[MouseLeft]', ...at(2) })
    expect(document.activeElement).toBe(input())
    expect([input().selectionStart, input().selectionEnd]).toEqual([2, 3])
    expect(active()).toEqual([2])
    await user.pointer({ keys: '[MouseLeft]', ...at(5) })
    expect([input().selectionStart, input().selectionEnd]).toEqual([4, 4])
    await user.keyboard('5')
    expect(input().value).toBe('12345')
  })

  it('takes a click between two cells for the nearer one, and one outside the row for the cell at that end', async () => {
    const user = userEvent.setup()
    render(<Field defaultValue="123456" />)
    layOut()
    const click = async (clientX: number) => {
      await user.pointer({ keys: '[MouseLeft]', target: input(), coords: { clientX, clientY: 20 } })
      return input().selectionStart
    }
    // The gap between cells 1 and 2 runs from 72 to 80.
    expect(await click(75)).toBe(1)
    expect(await click(77)).toBe(2)
    expect(await click(-30)).toBe(0)
    expect(await click(500)).toBe(5)
  })

  it('selects the cells a drag crosses, either way, never moving a digit', async () => {
    const user = userEvent.setup()
    render(<Field defaultValue="1234" />)
    layOut()
    await user.pointer([{ keys: '[MouseLeft>]', ...at(3) }, { coords: at(1).coords }, { keys: '[/MouseLeft]', coords: at(1).coords }])
    expect([input().selectionStart, input().selectionEnd, input().selectionDirection]).toEqual([1, 4, 'backward'])
    expect(input().value).toBe('1234')
    await user.pointer([{ keys: '[MouseLeft>]', ...at(0) }, { coords: at(5).coords }, { keys: '[/MouseLeft]', coords: at(5).coords }])
    expect([input().selectionStart, input().selectionEnd]).toEqual([0, 4])
  })

  it('selects the whole code on a double click and extends to the cell on Shift+click', async () => {
    const user = userEvent.setup()
    render(<Field defaultValue="12345" />)
    layOut()
    await user.pointer({ keys: '[MouseLeft][MouseLeft]', ...at(1) })
    expect([input().selectionStart, input().selectionEnd]).toEqual([0, 5])
    await user.pointer({ keys: '[MouseLeft]', ...at(1) })
    await user.keyboard('{Shift>}')
    await user.pointer({ keys: '[MouseLeft]', ...at(3) })
    await user.keyboard('{/Shift}')
    expect([input().selectionStart, input().selectionEnd]).toEqual([1, 4])
  })

  it('leaves a touch press to the browser and selects the cell on the tap’s click', async () => {
    const user = userEvent.setup()
    render(<Field defaultValue="1234" />)
    layOut()
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true, clientX: 56 })
    fireEvent.pointerDown(input(), { pointerType: 'touch' })
    input().dispatchEvent(down)
    expect(down.defaultPrevented).toBe(false)
    act(() => input().focus())
    fireEvent.click(input(), { clientX: 56, detail: 1 })
    expect([input().selectionStart, input().selectionEnd]).toEqual([1, 2])
    // A gesture the browser cancelled (a scroll) ends with no click: nothing changes.
    fireEvent.pointerDown(input(), { pointerType: 'touch' })
    fireEvent.pointerCancel(input(), { pointerType: 'touch' })
    expect([input().selectionStart, input().selectionEnd]).toEqual([1, 2])
    await user.keyboard('9')
    expect(input().value).toBe('1934')
  })
})
