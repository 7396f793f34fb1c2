// The built demo (static files, as a shop would deploy them, not the Vite dev
// server, which injects inline code) under a strict Content-Security-Policy:
// no inline script or style, no eval, requests only to the sandbox server.
// Chromium only: the policy is the standard's in every engine, and the
// checkout's flow runs in Firefox too (checkout.e2e.test.ts).
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startSandboxServer, type SandboxServer } from '../../src/testing'
import {
  buildDemo,
  controlOf,
  eventually,
  freshSandbox,
  launchChromium,
  lastSms,
  SEE,
  serveStatic,
  wrongCodeFor,
  type Control,
  type DemoBuild,
} from './harness'

let sandbox: SandboxServer
let control: Control
let demo: DemoBuild
let site: Awaited<ReturnType<typeof serveStatic>>
let policy: string
let browser: Browser
let context: BrowserContext | undefined

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, host: '127.0.0.1' })
  control = controlOf(sandbox)
  policy = `default-src 'self'; style-src 'self'; script-src 'self'; connect-src ${sandbox.origin}`

  demo = await buildDemo(sandbox.url)
  site = await serveStatic(demo.dir, { 'Content-Security-Policy': policy })
  browser = await launchChromium()
}, 90_000)

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await site?.close()
  await sandbox?.close()
  await demo?.remove()
})

test('the built demo completes a checkout under a strict CSP without a single violation', async () => {
  await freshSandbox(control)
  context = await browser.newContext()
  context.setDefaultTimeout(SEE)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  // Recorded from the first byte of every document, before any of the page's own code.
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  const html = page.waitForResponse((response) => response.url() === site.url)
  await page.goto(site.url)
  expect((await html).headers()['content-security-policy']).toBe(policy)

  await page.getByRole('button', { name: 'Send code' }).click()
  const input = page.getByRole('textbox', { name: 'Verify your phone number' })
  const code = (await lastSms(control)).code
  // The stylesheets applied: the kit lays its one input over the cells, the developer panel is dark.
  expect(await input.evaluate((element) => getComputedStyle(element).position)).toBe('absolute')
  const panel = page.getByRole('complementary', { name: 'Developer panel' })
  expect(await panel.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(31, 36, 48)')

  await input.pressSequentially(wrongCodeFor(code))
  await page.getByText('Wrong code. 4 attempts left.').waitFor()
  await eventually(() => input.inputValue()).toBe('')
  await input.pressSequentially(code)
  await page.getByRole('heading', { name: 'Order placed' }).waitFor()
  await page.getByText(/^Order ORD\d+$/).waitFor()

  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
  // The one error the console may hold is the browser's note on the wrong code's 400.
  expect(errors.filter((text) => !/^Failed to load resource: the server responded with a status of 400\b/.test(text))).toEqual([])
})
