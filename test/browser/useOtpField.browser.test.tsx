import { Profiler } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { useOtpField, type UseOtpFieldProps } from '../../src/react/useOtpField'

/** The smallest host: one input and a div per cell, all from the prop getters. */
function Field(props: UseOtpFieldProps) {
  const field = useOtpField(props)
  return (
    <div {...field.getRootProps()}>
      <input {...field.getInputProps({ 'aria-label': 'Code' })} />
      {field.cells.map((cell) => (
        <div key={cell.index} {...field.getCellProps(cell.index)} />
      ))}
    </div>
  )
}

/** What Chromium delivered to the input, to tell apart its event paths. */
function recordEvents(el: HTMLInputElement) {
  const seen: string[] = []
  for (const type of ['keydown', 'paste', 'beforeinput', 'input'] as const) {
    el.addEventListener(type, (event) => {
      seen.push(event instanceof InputEvent ? `${type}:${event.inputType}` : type)
    })
  }
  return seen
}

async function setup(props: UseOtpFieldProps = {}, dir?: 'rtl') {
  const onComplete = vi.fn()
  const screen = await render(
    <div dir={dir} lang={dir ? 'ar' : 'en'}>
      <textarea aria-label="SMS" />
      <Field onComplete={onComplete} {...props} />
    </div>,
  )
  const input = screen.container.querySelector<HTMLInputElement>('[data-part="input"]')!
  const row = () =>
    [...screen.container.querySelectorAll('[data-part="cell"]')].map((cell) => cell.textContent || '_').join('')
  const caretCell = () => [...screen.container.querySelectorAll('[data-part="cell"]')].findIndex((cell) => cell.hasAttribute('data-caret'))
  await userEvent.click(input)
  return { screen, input, row, caretCell, onComplete }
}

/** Puts `text` on the real clipboard the way a shopper does: select it in the SMS and press Ctrl+C. */
async function copy(text: string) {
  const sms = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="SMS"]')!
  sms.value = text
  sms.focus()
  sms.select()
  await userEvent.keyboard('{Control>}c{/Control}')
}

/** Lets the events Chromium queued after a keystroke (selectionchange) arrive. */
const nextFrames = async () => {
  for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame)
}

describe('useOtpField in Chromium', () => {
  it('commits once per typed digit, whatever the selection events that follow', async () => {
    let commits = 0
    const screen = await render(
      <Profiler id="field" onRender={() => void (commits += 1)}>
        <Field />
      </Profiler>,
    )
    await userEvent.click(screen.container.querySelector<HTMLInputElement>('[data-part="input"]')!)
    await nextFrames()
    commits = 0
    for (const digit of '123456') {
      await userEvent.keyboard(digit)
      await nextFrames()
    }
    expect(commits).toBe(6)
  })

  it('fills the cells as digits are typed, and reports the code once', async () => {
    const { input, row, caretCell, onComplete } = await setup()
    await userEvent.keyboard('123')
    expect(row()).toBe('123___')
    expect(caretCell()).toBe(3)
    await userEvent.keyboard('4567')
    expect(input.value).toBe('123456')
    expect(row()).toBe('123456')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('123456', { source: 'typed' })
  })

  it('turns digits typed on an Arabic keyboard into ASCII', async () => {
    const { input } = await setup()
    const seen = recordEvents(input)
    await userEvent.keyboard('١٢٣')
    expect(input.value).toBe('123')
    // Characters off the US layout come as text input, with no key events.
    expect(seen).toContain('beforeinput:insertText')
  })

  it.each([
    ['١٢٣ ٤٥٦'],
    ['123-456'],
    ['Your OnDi code is 123-456. Do not share it.'],
    ['Your code is 112233\n\nRef 99\n@shop.example #112233'],
  ])('pastes %j from the clipboard with Ctrl+V', async (text) => {
    const { input, row, onComplete } = await setup()
    const expected = text.includes('112233') ? '112233' : '123456'
    await copy(text)
    await userEvent.click(input)
    const seen = recordEvents(input)
    await userEvent.keyboard('{Control>}v{/Control}')
    expect(input.value).toBe(expected)
    expect(row()).toBe(expected)
    expect(onComplete).toHaveBeenCalledExactlyOnceWith(expected, { source: 'pasted' })
    // Our paste handler cancels the paste: the input event is our own write.
    expect(seen.filter((type) => type.startsWith('beforeinput'))).toEqual([])
    expect(document.activeElement).toBe(input)
    expect(input.selectionStart).toBe(6)
  })

  it('inserts a partial paste at the caret', async () => {
    const { input } = await setup({ defaultValue: '16' })
    await copy('٢ ٣')
    await userEvent.click(input)
    await userEvent.keyboard('{End}{ArrowLeft}{Control>}v{/Control}')
    expect(input.value).toBe('1236')
    expect(input.selectionStart).toBe(3)
  })

  it('deletes with Backspace and Delete, closing the gap', async () => {
    const { input, row } = await setup()
    await userEvent.keyboard('1234{Backspace}')
    expect(row()).toBe('123___')
    await userEvent.keyboard('{ArrowLeft}{Backspace}')
    expect(row()).toBe('13____')
    expect(input.selectionStart).toBe(1)
    await userEvent.keyboard('{Delete}')
    expect(row()).toBe('1_____')
  })

  it('overwrites a digit in a full code and ignores a seventh digit', async () => {
    const { input, onComplete } = await setup()
    await userEvent.keyboard('1234567')
    expect(input.value).toBe('123456')
    await userEvent.keyboard('{Home}{ArrowRight}9')
    expect(input.value).toBe('193456')
    expect(input.selectionStart).toBe(2)
    expect(onComplete.mock.calls).toEqual([['123456', { source: 'typed' }], ['193456', { source: 'typed' }]])
  })

  it('moves the caret the way the shopper sees it on a right-to-left page', async () => {
    const { input, caretCell } = await setup({}, 'rtl')
    expect(getComputedStyle(input).direction).toBe('ltr')
    await userEvent.keyboard('123')
    expect(input.selectionStart).toBe(3)
    await userEvent.keyboard('{ArrowLeft}')
    expect(input.selectionStart).toBe(2)
    expect(caretCell()).toBe(2)
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}')
    expect(input.selectionStart).toBe(0)
    await userEvent.keyboard('{ArrowRight}')
    expect(input.selectionStart).toBe(1)
    await userEvent.keyboard('{End}')
    expect(input.selectionStart).toBe(3)
    await userEvent.keyboard('{Home}9')
    expect(input.value).toBe('9123')
  })

  it('keeps the caret where the shopper sees it even if page CSS turns the input right to left', async () => {
    const { input } = await setup({ defaultValue: '123' })
    input.style.direction = 'rtl'
    await userEvent.keyboard('{End}{ArrowLeft}')
    expect(input.selectionStart).toBe(2)
  })

  it('shows a Shift+Arrow selection as active cells', async () => {
    const { screen, input } = await setup({ defaultValue: '1234' })
    await userEvent.keyboard('{End}{Shift>}{ArrowLeft}{ArrowLeft}{/Shift}')
    expect([input.selectionStart, input.selectionEnd]).toEqual([2, 4])
    const active = [...screen.container.querySelectorAll('[data-part="cell"]')].flatMap((cell, i) => (cell.hasAttribute('data-active') ? [i] : []))
    expect(active).toEqual([2, 3])
    await userEvent.keyboard('7')
    expect(input.value).toBe('127')
  })

  it('selects all with Ctrl+A and undoes with Ctrl+Z', async () => {
    const { input } = await setup()
    await userEvent.keyboard('123456{Control>}a{/Control}')
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 6])
    await userEvent.keyboard('9')
    expect(input.value).toBe('9')
    await userEvent.keyboard('{Control>}z{/Control}')
    expect(input.value).toBe('123456')
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}')
    expect(input.value).toBe('9')
  })

  it('takes a code that autofill writes into the input at once', async () => {
    const { input, row, onComplete } = await setup()
    await userEvent.keyboard('98')
    // Chrome's autofill sets the value through the native setter and fires `input`, with no keys.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '654321')
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }))
    await expect.poll(row).toBe('654321')
    expect(input.value).toBe('654321')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('654321', { source: 'autofilled' })
  })
})
