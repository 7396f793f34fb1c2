// The built demo (static files, as a shop would deploy them, not the Vite dev
// server, which injects inline code) under a strict Content-Security-Policy:
// no inline script or style, no eval, requests only to the sandbox server.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, sep } from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startSandboxServer, type SandboxServer } from '../../src/testing'
import { controlOf, eventually, freshSandbox, launchChromium, lastSms, root, SEE, wrongCodeFor, type Control } from './harness'

let sandbox: SandboxServer
let control: Control
let outDir: string
let site: Server
let siteUrl: string
let policy: string
let browser: Browser
let context: BrowserContext | undefined

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, host: '127.0.0.1' })
  control = controlOf(sandbox)
  policy = `default-src 'self'; style-src 'self'; script-src 'self'; connect-src ${sandbox.origin}`

  // A production build that talks to the sandbox server instead of running MSW
  // in the page. Vitest runs with NODE_ENV=test, which would build React's development copy.
  outDir = await mkdtemp(join(tmpdir(), 'otp-kit-demo-'))
  const before = { url: process.env.VITE_SANDBOX_URL, env: process.env.NODE_ENV }
  process.env.VITE_SANDBOX_URL = sandbox.url
  process.env.NODE_ENV = 'production'
  try {
    await build({
      configFile: join(root, 'demo', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    })
  } finally {
    restoreEnv('VITE_SANDBOX_URL', before.url)
    restoreEnv('NODE_ENV', before.env)
  }

  site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site.invalid').pathname
    const file = normalize(join(outDir, path === '/' ? 'index.html' : decodeURIComponent(path)))
    if (!file.startsWith(outDir + sep)) {
      res.writeHead(403).end()
      return
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': policy })
        res.end(body)
      },
      () => {
        res.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Security-Policy': policy })
        res.end('not found')
      },
    )
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}/`
  browser = await launchChromium()
}, 90_000)

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)))
  await sandbox?.close()
  if (outDir) await rm(outDir, { recursive: true, force: true })
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
  const html = page.waitForResponse((response) => response.url() === siteUrl)
  await page.goto(siteUrl)
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
