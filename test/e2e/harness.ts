// What every end-to-end file needs: the real sandbox server, the demo (on
// Vite's dev server as `npm start` runs it, or built and served as static
// files), Chromium, and a few ways to read what a shopper would see. Servers
// bind 127.0.0.1 on a free port; time moves only by the sandbox's clock route
// and the page clock.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer as createHttpServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, firefox, type Browser, type Locator } from 'playwright-core'
import { build, createServer, type ViteDevServer } from 'vite'
import { expect } from 'vitest'
import { CHROMIUM_ARGS, findChromium, requireEngine } from '../../scripts/ensure-browsers.mjs'
import { startSandboxServer, type SandboxServer, type SandboxSms } from '../../src/testing'

export const root = fileURLToPath(new URL('../..', import.meta.url))
/** The demo's shopper: an OnDi customer with an account, so a verify hands out a session. */
export const PHONE = '+9647501234567'
/** How long a shopper-visible change may take to show. */
export const SEE = 10_000

/** Chromium from the system, never Playwright's own download. */
export async function launchChromium(): Promise<Browser> {
  const found = findChromium()
  if (found.path === null) throw new Error(`no Chromium: ${found.source}; run node scripts/ensure-browsers.mjs chromium`)
  return chromium.launch({
    executablePath: found.path,
    args: CHROMIUM_ARGS,
  })
}

/**
 * Firefox ESR from the system over WebDriver BiDi (Playwright's `moz-firefox`
 * channel; playwright 1.64.1 exactly, as 1.65 cannot open a context in
 * Firefox 153 ESR). WebKit has no end-to-end run: Playwright cannot drive
 * WebKitGTK's MiniBrowser; its Vitest browser project covers the kit there.
 */
export async function launchFirefox(): Promise<Browser> {
  return firefox.launch({ channel: 'moz-firefox', executablePath: requireEngine('firefox').firefox })
}

/** The engines the checkout runs end to end in. */
export const E2E_ENGINES = { chromium: launchChromium, firefox: launchFirefox }
export type E2eEngine = keyof typeof E2E_ENGINES

export type Control = (path: string, body?: unknown) => Promise<unknown>

/** Calls a control route of the sandbox server: GET without a body, POST with one. */
export function controlOf(sandbox: SandboxServer): Control {
  return async (path, body) => {
    const response = await fetch(`${sandbox.origin}/__sandbox/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`sandbox ${path}: HTTP ${response.status} ${await response.text()}`)
    return response.json()
  }
}

/** Fresh customers and codes, no faults, and the sandbox's clock back on the wall clock. */
export async function freshSandbox(control: Control): Promise<void> {
  await control('reset', {})
  await control('clock/set', { now: Date.now() })
}

/** Every text the sandbox sent to the phone, oldest first. */
export async function smsTo(control: Control, phone = PHONE): Promise<SandboxSms[]> {
  return (await control(`inbox?to=${encodeURIComponent(phone)}`)) as SandboxSms[]
}

/** The newest text the sandbox sent to the phone. */
export async function lastSms(control: Control, phone = PHONE): Promise<SandboxSms> {
  const sms = (await smsTo(control, phone)).at(-1)
  if (!sms) throw new Error(`no SMS to ${phone}`)
  return sms
}

/** The sandbox server and the demo on a Vite dev server, as `npm start` runs them. */
export interface DemoServers {
  sandbox: SandboxServer
  vite: ViteDevServer
  url: string
  close(): Promise<void>
}

export async function startDemoServers(): Promise<DemoServers> {
  const sandbox = await startSandboxServer({ port: 0, host: '127.0.0.1' })
  // As scripts/start.mjs does: Vite hands VITE_* variables to the page.
  process.env.VITE_SANDBOX_URL = sandbox.url
  const vite = await createServer({
    configFile: join(root, 'demo', 'vite.config.ts'),
    server: { host: '127.0.0.1', port: 0 },
    clearScreen: false,
    logLevel: 'warn',
  })
  await vite.listen()
  const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${(vite.httpServer?.address() as { port: number }).port}/`
  return {
    sandbox,
    vite,
    url,
    close: async () => {
      await vite.close()
      await sandbox.close()
    },
  }
}

/** A static build of the demo in a temporary folder. */
export interface DemoBuild {
  dir: string
  remove(): Promise<void>
}

/**
 * Builds the demo for production, talking to the sandbox server at
 * `sandboxUrl` instead of running MSW in the page. Vitest runs with
 * NODE_ENV=test, which would build React's development copy.
 */
export async function buildDemo(sandboxUrl: string): Promise<DemoBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'otp-kit-demo-'))
  const before = { url: process.env.VITE_SANDBOX_URL, env: process.env.NODE_ENV }
  process.env.VITE_SANDBOX_URL = sandboxUrl
  process.env.NODE_ENV = 'production'
  try {
    await build({
      configFile: join(root, 'demo', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: dir, emptyOutDir: true },
    })
  } finally {
    restoreEnv('VITE_SANDBOX_URL', before.url)
    restoreEnv('NODE_ENV', before.env)
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/** A static file server for a folder on 127.0.0.1, adding `headers` to every answer. */
export async function serveStatic(dir: string, headers: Record<string, string> = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server = createHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://static.invalid').pathname
    const file = normalize(join(dir, path === '/' ? 'index.html' : decodeURIComponent(path)))
    if (!file.startsWith(dir + sep)) {
      res.writeHead(403, headers).end()
      return
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers }).end(body),
      () => res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('not found'),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/**
 * One visit before the tests: Vite finds and bundles the demo's dependencies
 * now, not by reloading a page under a running test.
 */
export async function warmUp(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage()
  await page.goto(url)
  await page.getByRole('button', { name: 'Send code' }).waitFor({ timeout: 45_000 })
  await page.close()
}

/** A 6-digit code that is surely not `code`; a different one for each `shift` from 1 to 9. */
export function wrongCodeFor(code: string, shift = 1): string {
  return [...code].map((digit) => String((Number(digit) + shift) % 10)).join('')
}

/** Asks again until the answer matches or {@link SEE} runs out. */
export function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: SEE, interval: 50 })
}

/** A control's text without the bidi isolates the kit puts around numbers. */
export async function label(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '')
}

/** Whether keyboard focus is on this element. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement)
}
