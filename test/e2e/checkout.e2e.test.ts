// The demo checkout end to end, as a shopper drives it: the real sandbox
// server, the demo built and served as static files (privacy.e2e.test.ts
// drives it on Vite's dev server, as `npm start` does), in Chromium and in
// Firefox. Time moves only by the sandbox's clock route and Playwright's page
// clock, never by waiting. (WebKit: Playwright cannot drive WebKitGTK's
// MiniBrowser, so the Vitest webkit project covers the drop-in there.)
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { startSandboxServer, type SandboxServer } from '../../src/testing'
import {
  buildDemo,
  controlOf,
  E2E_ENGINES,
  eventually,
  freshSandbox,
  isFocused,
  label,
  PHONE,
  SEE,
  serveStatic,
  smsTo,
  wrongCodeFor,
  type Control,
  type DemoBuild,
  type E2eEngine,
} from './harness'
import { partSelector } from '../../src/react/anatomy'

let sandbox: SandboxServer
let control: Control
let demo: DemoBuild
let site: Awaited<ReturnType<typeof serveStatic>>
let browser: Browser
let context: BrowserContext | undefined

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, host: '127.0.0.1' })
  control = controlOf(sandbox)
  demo = await buildDemo(sandbox.url)
  site = await serveStatic(demo.dir)
}, 90_000)

afterAll(async () => {
  await site?.close()
  await sandbox?.close()
  await demo?.remove()
})

beforeEach(async () => {
  await freshSandbox(control)
})

afterEach(async () => {
  await context?.close()
  context = undefined
})

/** The newest text the sandbox sent to the shopper. */
async function lastSms() {
  const sms = (await smsTo(control)).at(-1)
  if (!sms) throw new Error(`no SMS to ${PHONE}`)
  return sms
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
  await page.goto(site.url)
  return page
}

/** From the delivery details to the code step, with the form's defaults. */
async function sendCode(page: Page, words = { send: 'Send code', title: 'Verify your phone number' }): Promise<Locator> {
  await page.getByRole('button', { name: words.send }).click()
  await page.getByRole('heading', { name: words.title }).waitFor({ timeout: SEE })
  return page.getByRole('textbox', { name: words.title })
}

/** Moves the sandbox's clock and the page's together. */
async function advance(page: Page, ms: number): Promise<void> {
  await control('clock/advance', { ms })
  await page.clock.fastForward(ms)
}

async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: SEE })
}

async function cellsEmpty(input: Locator): Promise<void> {
  await eventually(() => input.inputValue()).toBe('')
}

describe.each<E2eEngine>(['chromium', 'firefox'])('the checkout in %s', (engine) => {
  beforeAll(async () => {
    browser = await E2E_ENGINES[engine]()
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    context = undefined
    await browser?.close()
  })

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
    // Firefox has no clipboard permissions to grant: there the shopper copies the text with Ctrl+C.
    const page = await openPage({ clipboard: engine === 'chromium' })
    const input = await sendCode(page)
    const sms = await lastSms()
    expect(sms.text).toContain(sms.code)

    if (engine === 'chromium') {
      await page.evaluate((text) => navigator.clipboard.writeText(text), sms.text)
    } else {
      await page.evaluate((text) => {
        const message = document.createElement('textarea')
        message.id = 'sms'
        message.value = text
        document.body.append(message)
        message.select()
      }, sms.text)
      await page.keyboard.press('Control+C')
      await page.evaluate(() => document.getElementById('sms')?.remove())
    }
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
    const layout = await title.evaluate((heading, cellsSelector) => {
      // The text's own box: the heading element spans the card's width in either direction.
      const range = document.createRange()
      range.selectNodeContents(heading)
      const text = range.getBoundingClientRect()
      const card = heading.closest('section')!.getBoundingClientRect()
      const cells = heading.parentElement!.querySelectorAll(cellsSelector)
      return {
        textLeft: text.left,
        textRight: text.right,
        cardLeft: card.left,
        cardRight: card.right,
        firstCell: cells[0]!.getBoundingClientRect().left,
        lastCell: cells[cells.length - 1]!.getBoundingClientRect().left,
      }
    }, `${partSelector('cells')} > *`)
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

  test('"Send code" texts a code through the shop\'s server; Resend sends the next and counts down again', async () => {
    const page = await openPage()
    const resends: number[] = []
    page.on('response', (response) => {
      if (response.url().includes('/express-shipping/customer/resend-otp')) resends.push(response.status())
    })
    const before = (await smsTo(control)).length
    const input = await sendCode(page)
    // The first code comes from the shop's own server, not from the kit's resend route.
    expect(await smsTo(control)).toHaveLength(before + 1)
    expect(resends).toEqual([])
    const first = await lastSms()
    const resend = page.getByRole('button', { name: /^Resend/ })
    await eventually(() => label(resend)).toMatch(/^Resend in 0:(30|29)$/)

    // Past the sandbox's own 60 s cooldown too.
    await advance(page, 61_000)
    await eventually(() => label(resend)).toBe('Resend code')
    await resend.click()
    await see(page, 'New code sent')
    expect(resends).toEqual([200])
    await eventually(() => label(resend)).toMatch(/^Resend in 0:(30|29)$/)
    const second = await lastSms()
    expect(second.code).not.toBe(first.code)

    // The code before the resend is dead; the new one verifies.
    await input.pressSequentially(first.code === second.code ? wrongCodeFor(second.code) : first.code)
    await see(page, 'Wrong code. 4 attempts left.')
    await input.pressSequentially(second.code)
    await page.getByRole('heading', { name: 'Order placed' }).waitFor({ timeout: SEE })
  })

  test('a resend the sandbox finds too early shows the server\'s wait', async () => {
    const page = await openPage()
    await sendCode(page)
    const resend = page.getByRole('button', { name: /^Resend/ })
    await eventually(() => label(resend)).toMatch(/^Resend in 0:(30|29)$/)

    // The kit's 30 s cooldown is over; the sandbox's 60 s one is not.
    await advance(page, 31_000)
    await eventually(() => label(resend)).toBe('Resend code')
    const early = page.waitForResponse((response) => response.url().includes('/express-shipping/customer/resend-otp'))
    await resend.click()
    expect((await early).status()).toBe(429)
    await eventually(() => label(resend)).toMatch(/^Resend in 0:2\d$/)
    await see(page, /^Please wait 2\d seconds before requesting another code\.$/)
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

    const texts = (await smsTo(control)).length
    await page.reload()
    await page.getByRole('button', { name: 'Send code' }).click()
    await eventually(() => label(resend)).toBe(before)
    // The code from before the reload is still the one to type: nothing new was sent.
    expect(await smsTo(control)).toHaveLength(texts)
  })

  test('the whole checkout works from the keyboard alone', async () => {
    const page = await openPage()
    const name = page.getByRole('textbox', { name: 'Full name' })
    const phone = page.getByRole('textbox', { name: 'Mobile number' })
    const send = page.getByRole('button', { name: 'Send code' })
    // The shopper starts once the form is on screen.
    await send.waitFor({ timeout: SEE })

    await page.keyboard.press('Tab')
    await eventually(() => isFocused(name)).toBe(true)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('Shilan Ahmed')
    await page.keyboard.press('Tab')
    await eventually(() => isFocused(phone)).toBe(true)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('+96475')
    await page.keyboard.press('Tab')
    await eventually(() => isFocused(send)).toBe(true)
    await see(page, 'Enter the number as + and 8 to 15 digits')

    // Back to fix the number, then Enter sends the form from the field.
    await page.keyboard.press('Shift+Tab')
    await eventually(() => isFocused(phone)).toBe(true)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(PHONE)
    await page.keyboard.press('Enter')

    // The code step takes the next keys: focus is already in the code field.
    const input = page.getByRole('textbox', { name: 'Verify your phone number' })
    await eventually(() => isFocused(input)).toBe(true)
    const code = (await lastSms()).code
    await page.keyboard.type(wrongCodeFor(code))
    await see(page, 'Wrong code. 4 attempts left.')
    await cellsEmpty(input)
    await eventually(() => isFocused(input)).toBe(true)

    await page.keyboard.type(code)
    await page.getByRole('heading', { name: 'Order placed' }).waitFor({ timeout: SEE })
    await see(page, 'Thank you, Shilan Ahmed. We will text you when it ships.')
  })

  test('a dropped connection mid-verify says so in Kurdish, keeps the code, and Enter retries', async () => {
    const page = await openPage()
    await page.getByRole('group', { name: 'Language' }).getByText('کوردی').click()
    const input = await sendCode(page, { send: 'کۆد بنێرە', title: 'پشتڕاستکردنەوەی ژمارەی مۆبایل' })
    const code = (await lastSms()).code
    // The connection stays down until the test brings it back: Chromium sends a
    // request once more by itself when a kept-alive connection drops unanswered.
    await control('fault', { type: 'drop', route: 'verify', times: 5 })

    await input.pressSequentially(code)
    await see(page, 'پەیوەندی نییە. ئینتەرنێتەکەت بپشکنە و دووبارە هەوڵ بدەرەوە.')
    expect(await input.inputValue()).toBe(code)
    await page.getByRole('button', { name: 'دووبارە هەوڵ بدەرەوە' }).waitFor({ timeout: SEE })

    await control('fault/clear', {})
    await input.press('Enter')
    await page.getByRole('heading', { name: 'داواکاری تۆمار کرا' }).waitFor({ timeout: SEE })
  })

  test('an expired code says so and waits for a new one, which verifies', async () => {
    const page = await openPage()
    const input = await sendCode(page)
    const first = (await lastSms()).code
    // Codes live five minutes.
    await advance(page, 5 * 60_000 + 1_000)

    await input.pressSequentially(first)
    await see(page, 'This code has expired. Request a new code.')
    await eventually(() => input.isDisabled()).toBe(true)

    await page.getByRole('button', { name: 'Resend code' }).click()
    await eventually(() => input.isDisabled()).toBe(false)
    await cellsEmpty(input)
    await eventually(() => isFocused(input)).toBe(true)
    await input.pressSequentially((await lastSms()).code)
    await page.getByRole('heading', { name: 'Order placed' }).waitFor({ timeout: SEE })
  })

  test('when the verified session ends, "Start over" texts a new code and a second order goes through', async () => {
    const page = await openPage()
    const input = await sendCode(page)
    await input.pressSequentially((await lastSms()).code)
    await see(page, 'Order ORD000001')
    await see(page, /^Your verified session ends in \u2066?(5:00|4:59)\u2069?\.$/)

    // The session token lives five minutes (its expiry is in whole seconds).
    await advance(page, 5 * 60_000 + 1_000)
    await see(page, 'Your verified session has expired. Verify your phone again to place another order.')
    const texts = (await smsTo(control)).length
    await page.getByRole('button', { name: 'Start over' }).click()
    const again = await sendCode(page)
    expect(await smsTo(control)).toHaveLength(texts + 1)
    await again.pressSequentially((await lastSms()).code)
    await see(page, 'Order ORD000002')
  })
})
