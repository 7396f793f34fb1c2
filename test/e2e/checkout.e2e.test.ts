// The demo checkout end to end, as a shopper drives it: the sandbox server,
// a Vite dev server for demo/ and Chromium. Time moves only by the sandbox's
// clock route and Playwright's page clock, never by waiting.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { findChromium } from '../../scripts/ensure-chromium.mjs'
import { startSandboxServer, type SandboxServer, type SandboxSms } from '../../src/testing'

const root = fileURLToPath(new URL('../..', import.meta.url))
const PHONE = '+9647501234567'
/** How long a shopper-visible change may take to show. */
const SEE = 10_000

let sandbox: SandboxServer
let vite: ViteDevServer
let browser: Browser
let demoUrl: string
let context: BrowserContext | undefined

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, host: '127.0.0.1' })
  // As scripts/start.mjs does: Vite hands VITE_* variables to the page.
  process.env.VITE_SANDBOX_URL = sandbox.url
  vite = await createServer({
    configFile: join(root, 'demo', 'vite.config.ts'),
    server: { host: '127.0.0.1', port: 0 },
    clearScreen: false,
    logLevel: 'warn',
  })
  await vite.listen()
  demoUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${(vite.httpServer?.address() as { port: number }).port}/`

  const found = findChromium()
  if (found.path === null) throw new Error(`no Chromium: ${found.source}; run node scripts/ensure-chromium.mjs`)
  browser = await chromium.launch({
    executablePath: found.path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })

  // One visit before the tests: Vite finds and bundles the demo's
  // dependencies now, not by reloading a page under a running test.
  const warm = await browser.newPage()
  await warm.goto(demoUrl)
  await warm.getByRole('button', { name: 'Send code' }).waitFor({ timeout: 45_000 })
  await warm.close()
}, 90_000)

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await vite?.close()
  await sandbox?.close()
})

beforeEach(async () => {
  await control('reset', {})
})

afterEach(async () => {
  await context?.close()
  context = undefined
})

/** Calls a control route of the sandbox: GET without a body, POST with one. */
async function control(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.origin}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`sandbox ${path}: HTTP ${response.status} ${await response.text()}`)
  return response.json()
}

/** The newest text the sandbox sent to the phone. */
async function lastSms(phone = PHONE): Promise<SandboxSms> {
  const inbox = (await control(`inbox?to=${encodeURIComponent(phone)}`)) as SandboxSms[]
  const sms = inbox.at(-1)
  if (!sms) throw new Error(`no SMS to ${phone}`)
  return sms
}

/** A 6-digit code that is surely not `code`; a different one for each `shift` from 1 to 9. */
function wrongCodeFor(code: string, shift = 1): string {
  return [...code].map((digit) => String((Number(digit) + shift) % 10)).join('')
}

/** The same digits in Arabic-Indic script (٠ … ٩). */
function arabicIndic(code: string): string {
  return [...code].map((digit) => String.fromCharCode(0x0660 + Number(digit))).join('')
}

/** A fresh browser context with the page clock installed before the first navigation. */
async function openPage(options: { clipboard?: boolean } = {}): Promise<Page> {
  context = await browser.newContext(options.clipboard ? { permissions: ['clipboard-read', 'clipboard-write'] } : {})
  context.setDefaultTimeout(SEE)
  const page = await context.newPage()
  await page.clock.install()
  await page.goto(demoUrl)
  return page
}

/** From the delivery details to the code step, with the form's defaults. */
async function sendCode(page: Page, words = { send: 'Send code', title: 'Verify your phone number' }): Promise<Locator> {
  await page.getByRole('button', { name: words.send }).click()
  await page.getByRole('heading', { name: words.title }).waitFor({ timeout: SEE })
  return page.getByRole('textbox', { name: words.title })
}

async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: SEE })
}

/** Asks again until the answer matches or {@link SEE} runs out. */
function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: SEE, interval: 50 })
}

/** A control's text without the bidi isolates the kit puts around numbers. */
async function label(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '')
}

async function cellsEmpty(input: Locator): Promise<void> {
  await eventually(() => input.inputValue()).toBe('')
}

test('a wrong code shows the attempts left; five lock the field', async () => {
  const page = await openPage()
  const input = await sendCode(page)
  const code = (await lastSms()).code

  await input.pressSequentially(wrongCodeFor(code, 1))
  await see(page, 'Wrong code. 4 attempts left.')
  await cellsEmpty(input)

  const banners = ['Wrong code. 3 attempts left.', 'Wrong code. 2 attempts left.', 'Wrong code. This is your last attempt.']
  for (const [index, banner] of banners.entries()) {
    await input.pressSequentially(wrongCodeFor(code, index + 2))
    await see(page, banner)
    await cellsEmpty(input)
  }
  await input.pressSequentially(wrongCodeFor(code, 5))
  await see(page, 'Too many attempts. Request a new code.')
  await eventually(() => input.isDisabled()).toBe(true)
})

test('the right code verifies and places the order with the session key', async () => {
  const page = await openPage()
  const orderKeys: Promise<string | undefined>[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/express-shipping/orders')) {
      orderKeys.push(request.allHeaders().then((headers) => headers['x-express-key']))
    }
  })
  const input = await sendCode(page)
  const order = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/express-shipping/orders'))

  await input.pressSequentially((await lastSms()).code)
  const answer = await order
  expect(answer.status()).toBe(201)
  const { data } = (await answer.json()) as { data: { order_id: string } }
  await page.getByRole('heading', { name: 'Order placed' }).waitFor({ timeout: SEE })
  await see(page, `Order ${data.order_id}`)
  expect(orderKeys).toHaveLength(1)
  expect(await orderKeys[0]).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
})

test('pasting the whole SMS sentence verifies', async () => {
  const page = await openPage({ clipboard: true })
  const input = await sendCode(page)
  const sms = await lastSms()
  expect(sms.text).toContain(sms.code)

  await page.evaluate((text) => navigator.clipboard.writeText(text), sms.text)
  await input.focus()
  await page.keyboard.press('Control+V')
  await page.getByRole('heading', { name: 'Order placed' }).waitFor({ timeout: SEE })
})

test('a code typed in Arabic-Indic digits verifies', async () => {
  const page = await openPage()
  const input = await sendCode(page)

  await input.focus()
  await page.keyboard.insertText(arabicIndic((await lastSms()).code))
  await page.getByRole('heading', { name: 'Order placed' }).waitFor({ timeout: SEE })
})

test('in Arabic the checkout reads right to left and verifies', async () => {
  const page = await openPage()
  // The radio is drawn under its label: a shopper clicks the label's word.
  await page.getByRole('group', { name: 'Language' }).getByText('العربية').click()
  await eventually(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl')
  const input = await sendCode(page, { send: 'أرسل الرمز', title: 'تأكيد رقم الهاتف' })

  const title = page.getByRole('heading', { name: 'تأكيد رقم الهاتف' })
  const layout = await title.evaluate((heading) => {
    // The text's own box: the heading element spans the card's width in either direction.
    const range = document.createRange()
    range.selectNodeContents(heading)
    const text = range.getBoundingClientRect()
    const card = heading.closest('section')!.getBoundingClientRect()
    const cells = heading.parentElement!.querySelectorAll('[data-part="cells"] > *')
    return {
      textLeft: text.left,
      textRight: text.right,
      cardLeft: card.left,
      cardRight: card.right,
      firstCell: cells[0]!.getBoundingClientRect().left,
      lastCell: cells[cells.length - 1]!.getBoundingClientRect().left,
    }
  })
  // The title starts at the card's right edge (inside its padding) and leaves room on its left.
  expect(layout.cardRight - layout.textRight).toBeLessThan(64)
  expect(layout.textLeft - layout.cardLeft).toBeGreaterThan(layout.cardRight - layout.textRight)
  // The code itself stays left to right: the first digit's cell is the leftmost.
  expect(layout.firstCell).toBeLessThan(layout.lastCell)

  await input.pressSequentially((await lastSms()).code)
  await page.getByRole('heading', { name: 'تم تسجيل الطلب' }).waitFor({ timeout: SEE })
})

test('a server error mid-verify keeps the code, and Enter retries', async () => {
  const page = await openPage()
  const input = await sendCode(page)
  const code = (await lastSms()).code
  await control('fault', { type: 'server_error', route: 'verify' })

  await input.pressSequentially(code)
  await see(page, 'Something went wrong on our side. Try again.')
  expect(await input.inputValue()).toBe(code)
  await page.getByRole('button', { name: 'Try again' }).waitFor({ timeout: SEE })

  await input.press('Enter')
  await page.getByRole('heading', { name: 'Order placed' }).waitFor({ timeout: SEE })
})

test('a resend the sandbox finds too early shows the server\'s wait', async () => {
  // Past the cooldown of the code the reset sent, so "Send code" sends a new one.
  await control('clock/advance', { ms: 61_000 })
  const page = await openPage()
  const sent = page.waitForResponse((response) => response.url().includes('/express-shipping/customer/resend-otp'))
  await sendCode(page)
  expect((await sent).status()).toBe(200)
  const resend = page.getByRole('button', { name: /^Resend/ })
  await eventually(() => label(resend)).toMatch(/^Resend in 0:(30|29)$/)

  // The kit's 30 s cooldown is over; the sandbox's 60 s one is not.
  await control('clock/advance', { ms: 31_000 })
  await page.clock.fastForward(31_000)
  await eventually(() => label(resend)).toBe('Resend code')
  const early = page.waitForResponse((response) => response.url().includes('/express-shipping/customer/resend-otp'))
  await resend.click()
  expect((await early).status()).toBe(429)
  await eventually(() => label(resend)).toMatch(/^Resend in 0:2\d$/)
})

test('a reload during the resend countdown shows the same seconds left', async () => {
  const page = await openPage()
  await sendCode(page)
  const resend = page.getByRole('button', { name: /^Resend/ })
  await eventually(() => label(resend)).toMatch(/^Resend in 0:\d\d$/)
  // Ten seconds into the countdown, and time stands still from here.
  const now = await page.evaluate(() => Date.now())
  await page.clock.pauseAt(now + 10_000)
  await eventually(() => label(resend)).toMatch(/^Resend in 0:[0-4]\d$/)
  const before = await label(resend)

  await page.reload()
  await page.getByRole('button', { name: 'Send code' }).click()
  await eventually(() => label(resend)).toBe(before)
})
