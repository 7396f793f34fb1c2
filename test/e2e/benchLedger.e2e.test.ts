// The bench page's ledger (bench/pages/instrument.js) watches every listener
// the page adds, and the mount-churn row reads heap growth with it loaded: the
// ledger must count what is left behind without keeping anything alive itself.
// Chromium only, like the bench it checks: heap growth is read over the
// DevTools protocol.
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { launchChromium } from './harness'

const ledger = fileURLToPath(new URL('../../bench/pages/instrument.js', import.meta.url))

let browser: Browser
let context: BrowserContext
let page: Page
let cdp: CDPSession

beforeAll(async () => {
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

beforeEach(async () => {
  context = await browser.newContext()
  page = await context.newPage()
  cdp = await context.newCDPSession(page)
  await page.setContent('<!doctype html><html><body></body></html>')
  await page.addScriptTag({ path: ledger })
})

afterEach(async () => {
  await context?.close()
})

test('lets an element go that was dropped with its listener still on it, as React drops an input', async () => {
  const left = await page.evaluate(() => {
    const mark = window.__ledger.mark()
    const input = document.createElement('input')
    document.body.append(input)
    // React's own `invalid` listener: bound to the element, never removed.
    const dispatch = (_type: string, _flags: number, _target: EventTarget) => {}
    input.addEventListener('invalid', dispatch.bind(null, 'invalid', 4, input))
    input.remove()
    Object.assign(window, { dropped: new WeakRef(input) })
    return window.__ledger.leftSince(mark).listeners
  })
  expect(left).toBe(0)

  await cdp.send('HeapProfiler.collectGarbage')
  const collected = await page.evaluate(() => (window as unknown as { dropped: WeakRef<object> }).dropped.deref() === undefined)
  expect(collected).toBe(true)
})

test('counts a listener left on window until it is removed', async () => {
  const counts = await page.evaluate(() => {
    const mark = window.__ledger.mark()
    const onResize = () => {}
    window.addEventListener('resize', onResize)
    const added = window.__ledger.leftSince(mark)
    window.removeEventListener('resize', onResize)
    return { added, removed: window.__ledger.leftSince(mark).listeners }
  })
  expect(counts).toEqual({ added: expect.objectContaining({ listeners: 1, detail: ['1 × window "resize" listener'] }), removed: 0 })
})
