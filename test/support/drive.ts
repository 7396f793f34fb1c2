/**
 * Driving a code field the way a shopper does, in whichever engine the test
 * runs: the real keyboard, mouse and clipboard through the provider, and, for
 * what no driver here can do for real outside Chromium (touch, IME
 * composition, a text drop), events built the way the browser sends them.
 */
import { cdp, server, userEvent } from 'vitest/browser'
import { partSelector } from '../../src/react/anatomy'

/** Which engine runs the test: `chromium`, `firefox` or `webkit`. */
export const engine = server.browser === 'safari' ? 'webkit' : server.browser
const playwright = server.provider === 'playwright'

/** The field's parts inside `root` (an element holding one OtpInput or a useOtpField host). */
export function partsOf(root: Element) {
  const input = root.querySelector<HTMLInputElement>(partSelector('input'))!
  const cells = () => [...root.querySelectorAll<HTMLElement>(partSelector('cell'))]
  return {
    input,
    cells,
    /** The row as the shopper sees it: `12____`. */
    row: () => cells().map((cell) => cell.textContent || '_').join(''),
    /** The indexes of the cells marked `data-active`. */
    active: () => cells().flatMap((cell, index) => (cell.hasAttribute('data-active') ? [index] : [])),
    /** The index of the cell with the line caret, or -1. */
    caret: () => cells().findIndex((cell) => cell.hasAttribute('data-caret')),
    /** The input's selection as `[start, end]`. */
    selection: () => [input.selectionStart, input.selectionEnd],
  }
}

function centreOf(el: Element) {
  const box = el.getBoundingClientRect()
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
}

/** Where a point of the page is, as the provider wants it for a click on `input`. */
function positionOn(input: HTMLInputElement, point: { x: number; y: number }) {
  const box = input.getBoundingClientRect()
  // Playwright measures from the element's top-left corner, WebDriver from its centre.
  return playwright
    ? { position: { x: point.x - box.left, y: point.y - box.top } }
    : { x: Math.round(point.x - (box.left + box.width / 2)), y: Math.round(point.y - (box.top + box.height / 2)) }
}

/**
 * Real keys, as user-event names them. WebdriverIO calls the Meta key
 * `Command`: the same key reaches the page as `metaKey`.
 */
export function keyboard(keys: string) {
  return userEvent.keyboard(playwright ? keys : keys.replace(/\{(\/?)Meta(>?)\}/g, '{$1Command$2}'))
}

/**
 * Whether a double click can be made for real. Playwright's Firefox backend
 * (WebDriver BiDi) sends each press on its own, and Firefox counts every one
 * as a first click: `detail` stays 1 and no `dblclick` comes, on any element.
 */
export const realDoubleClick = engine !== 'firefox'

/** The second press of a double click, built by hand (synthetic) where {@link realDoubleClick} is false. */
function secondPress(input: HTMLInputElement, point: { x: number; y: number }) {
  const init = { bubbles: true, cancelable: true, composed: true, clientX: point.x, clientY: point.y, detail: 2, view: window }
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick']) {
    input.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, { ...init, pointerType: 'mouse', isPrimary: true }) : new MouseEvent(type, init))
  }
}

/** A real mouse click at the centre of cell `index` (it lands on the input, which lies over the cells). */
// Where and when the last click landed. A browser counts a click at the same spot soon after
// another as the second click of a double click, even across tests (WebKit does): a single
// click waits that interval out, so that it is one.
let lastClick = { x: NaN, y: NaN, at: 0 }
const DOUBLE_CLICK_MS = 800

export async function clickCell(root: Element, index: number, { double = false, shift = false } = {}) {
  const { input, cells } = partsOf(root)
  const centre = centreOf(cells()[index]!)
  const since = performance.now() - lastClick.at
  if (!double && Math.hypot(centre.x - lastClick.x, centre.y - lastClick.y) < 10 && since < DOUBLE_CLICK_MS) {
    await new Promise((resolve) => setTimeout(resolve, DOUBLE_CLICK_MS - since))
  }
  // `force`: a disabled field is clicked too, to show that the click changes nothing.
  const options = { ...positionOn(input, centre), ...(playwright ? { force: true, modifiers: shift ? ['Shift' as const] : [] } : {}) }
  if (shift && !playwright) await userEvent.keyboard('{Shift>}')
  if (double && !realDoubleClick) {
    await userEvent.click(input, options)
    secondPress(input, centre)
  } else {
    await (double ? userEvent.dblClick(input, options) : userEvent.click(input, options))
  }
  if (shift && !playwright) await userEvent.keyboard('{/Shift}')
  lastClick = { ...centre, at: performance.now() }
}

/** A real mouse drag from the centre of cell `from` to the centre of cell `to`. */
export async function dragCells(root: Element, from: number, to: number) {
  const { input, cells } = partsOf(root)
  const [source, target] = [cells()[from]!, cells()[to]!]
  if (playwright) {
    const { position: sourcePosition } = positionOn(input, centreOf(source)) as { position: { x: number; y: number } }
    const { position: targetPosition } = positionOn(input, centreOf(target)) as { position: { x: number; y: number } }
    await userEvent.dragAndDrop(input, input, { sourcePosition, targetPosition } as never)
  } else {
    await userEvent.dragAndDrop(source, target)
  }
}

/** The tester iframe's offset and scale in the page, for drivers that speak in page coordinates. */
function toPage(point: { x: number; y: number }) {
  const frame = window.frameElement as HTMLElement | null
  if (!frame) return point
  const box = frame.getBoundingClientRect()
  const scale = box.width / frame.offsetWidth || 1
  return { x: box.left + point.x * scale, y: box.top + point.y * scale }
}

/**
 * A finger tap on cell `index` (`cancel`: a gesture the browser cancels, as
 * when it turns into a scroll). Real touch events in Chromium; elsewhere the
 * sequence a phone sends, built by hand (synthetic).
 */
export async function tapCell(root: Element, index: number, { cancel = false } = {}) {
  const { input, cells } = partsOf(root)
  const point = centreOf(cells()[index]!)
  if (engine === 'chromium') {
    const { x, y } = toPage(point)
    await cdp().send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
    await cdp().send('Input.dispatchTouchEvent', { type: cancel ? 'touchCancel' : 'touchEnd', touchPoints: [] })
    return
  }
  const init = { bubbles: true, cancelable: true, clientX: point.x, clientY: point.y, pointerType: 'touch', isPrimary: true }
  input.dispatchEvent(new PointerEvent('pointerdown', init))
  if (cancel) return void input.dispatchEvent(new PointerEvent('pointercancel', init))
  input.dispatchEvent(new PointerEvent('pointerup', init))
  // The compatibility mouse events a tap brings, then the focus the browser gives the input.
  const down = new MouseEvent('mousedown', { ...init, detail: 1 })
  input.dispatchEvent(down)
  if (!down.defaultPrevented) input.focus()
  input.dispatchEvent(new MouseEvent('mouseup', { ...init, detail: 1 }))
  input.dispatchEvent(new MouseEvent('click', { ...init, detail: 1 }))
}

/** Puts `text` on the real clipboard the way a shopper does: select it in the SMS and copy. */
export async function copy(text: string) {
  const sms = document.querySelector<HTMLTextAreaElement>('textarea[data-sms]')!
  sms.value = text
  sms.focus()
  sms.select()
  await userEvent.copy()
}

/** What the real clipboard holds: pasted into the SMS box. */
export async function clipboardText() {
  const sms = document.querySelector<HTMLTextAreaElement>('textarea[data-sms]')!
  sms.value = ''
  sms.focus()
  await userEvent.paste()
  return sms.value
}

/**
 * An IME composition that ends with `text`, in steps: real IME input in
 * Chromium (the DevTools protocol's composition), elsewhere the events a
 * composition sends, built by hand (synthetic).
 */
export async function compose(input: HTMLInputElement, steps: string[]) {
  input.focus()
  if (engine === 'chromium') {
    for (const step of steps) await cdp().send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length })
    await cdp().send('Input.insertText', { text: steps.at(-1)! })
    return
  }
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  const start = input.selectionStart ?? input.value.length
  const end = input.selectionEnd ?? start
  const before = input.value
  input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }))
  for (const step of steps) {
    input.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: step }))
    setter.call(input, before.slice(0, start) + step + before.slice(end))
    input.setSelectionRange(start + step.length, start + step.length)
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText', data: step, isComposing: true }))
  }
  input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: steps.at(-1)! }))
}

/** A text drop onto the input, as a drag from another page would end (synthetic in every engine). */
export function drop(input: HTMLInputElement, text: string) {
  const data = new DataTransfer()
  data.setData('text/plain', text)
  const event = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data })
  input.dispatchEvent(event)
  return event
}

/** A value written the way autofill writes it: the native setter, then one `input` (synthetic). */
export function autofill(input: HTMLInputElement, text: string, inputType?: 'insertReplacementText') {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text)
  input.dispatchEvent(inputType ? new InputEvent('input', { bubbles: true, inputType, data: text }) : new Event('input', { bubbles: true }))
}

/**
 * A value written through the element's own `value` property, then `input`:
 * how Firefox's WebDriver BiDi types characters off its key map, and how
 * some autofill tools and extensions write. React's change tracking does not
 * report it (synthetic).
 */
export function writeValue(input: HTMLInputElement, text: string) {
  input.value = text
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }))
}

/** Lets the events queued after an action (selectionchange, microtasks) arrive. */
export async function settle() {
  for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame)
}
