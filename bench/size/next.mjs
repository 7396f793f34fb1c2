// A Next.js 16 App Router host (Turbopack), built from the installed tarball:
// a bare page, OtpInput alone, input-otp, the drop-in rendered by a Server
// Component page by names, and the drop-in on OtpProviderBase through a small
// 'use client' wrapper (the README's recipe). Route JS is what Chromium loads
// for a page, brotli per file; a page's size is its route JS minus the bare
// page's. The modules in each route come from its chunks' source maps. The
// drop-in pages are also hydrated and typed into.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { brotliSize } from '../lib/bytes.mjs'
import { hostsDir, root } from '../lib/paths.mjs'

const appDir = join(hostsDir, 'next')
const nextBin = join(root, 'node_modules/next/dist/bin/next')
const PHONE = '+9647501234567'

/** The pages, by route. */
const FILES = {
  // Source maps name the modules in each chunk; the bytes are measured without the map comment.
  'next.config.mjs': `export default { turbopack: { root: ${JSON.stringify(root)} }, poweredByHeader: false, productionBrowserSourceMaps: true }\n`,
  'package.json': '{ "name": "otp-kit-next-host", "private": true }\n',
  'app/layout.jsx': 'export default function Layout({ children }) {\n  return <html lang="en"><body>{children}</body></html>\n}\n',
  'app/bare/page.jsx': 'export default function Page() {\n  return <main><p>A page with nothing on it.</p></main>\n}\n',
  'app/otp-input/page.jsx':
    "import { OtpInput } from 'otp-kit'\n\nexport default function Page() {\n  return <main><OtpInput aria-label=\"Code\" /></main>\n}\n",
  'app/input-otp/Field.jsx':
    "'use client'\nimport { OTPInput } from 'input-otp'\n\nexport function Field() {\n" +
    '  return (\n    <OTPInput maxLength={6} aria-label="Code" render={({ slots }) => (\n' +
    '      <div>{slots.map((slot, index) => <div key={index} data-active={slot.isActive || undefined}>{slot.char}</div>)}</div>\n' +
    '    )} />\n  )\n}\n',
  'app/input-otp/page.jsx': "import { Field } from './Field'\n\nexport default function Page() {\n  return <main><Field /></main>\n}\n",
  // A Server Component page: plain props only, so the names form.
  'app/drop-in/page.jsx':
    "import { OtpProvider, OtpVerification } from 'otp-kit'\nimport 'otp-kit/styles.css'\n\n" +
    'export default function Page() {\n  return (\n    <main>\n' +
    `      <OtpProvider adapter="ondi" baseUrl="/api/otp" language="ar">\n        <OtpVerification phone="${PHONE}" />\n      </OtpProvider>\n` +
    '    </main>\n  )\n}\n',
  // The object form: functions cannot cross from a Server Component, so a 'use client' wrapper holds them.
  'app/drop-in-base/CheckoutCode.jsx':
    "'use client'\nimport { OtpProviderBase, OtpVerification, ar, ondi } from 'otp-kit'\n\n" +
    'export function CheckoutCode({ phone }) {\n  return (\n' +
    '    <OtpProviderBase adapter={ondi} baseUrl="/api/otp" messages={{ ar }}>\n' +
    '      <OtpVerification phone={phone} onVerified={({ customer }) => console.info(customer.customerId)} />\n' +
    '    </OtpProviderBase>\n  )\n}\n',
  'app/drop-in-base/page.jsx':
    "import 'otp-kit/styles.css'\nimport { CheckoutCode } from './CheckoutCode'\n\n" +
    `export default function Page() {\n  return <main><CheckoutCode phone="${PHONE}" /></main>\n}\n`,
}

/** The routes measured, and what each must and must not ship. */
export const NEXT_ROUTES = [
  { route: '/bare', name: 'bare page' },
  { route: '/otp-input', name: 'OtpInput', group: 'otp-kit', mustLack: ['react-query', 'en', 'ar', 'ku', 'oystr'] },
  { route: '/input-otp', name: 'input-otp', group: 'peer' },
  { route: '/drop-in', name: 'drop-in by name + styles.css', group: 'otp-kit', mustHave: ['react-query', 'en', 'ar', 'ku', 'oystr'], hydrate: true },
  { route: '/drop-in-base', name: 'drop-in OnDi, ar + styles.css', group: 'otp-kit', mustHave: ['react-query', 'ar'], mustLack: ['en', 'ku', 'oystr'], hydrate: true },
]

/** Writes the host app and runs `next build` (Turbopack). */
export function buildNextHost() {
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(join(appDir, file, '..'), { recursive: true })
    writeFileSync(join(appDir, file), text)
  }
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: appDir,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`)
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Starts `next start` on 127.0.0.1; the returned stop() ends that one process.
 * @returns {Promise<{ origin: string, stop: () => Promise<void> }>}
 */
export async function startNextHost() {
  const port = await freePort()
  const child = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    if (!(await Promise.race([exited.then(() => true), sleep(5000, false)]))) child.kill('SIGKILL')
  }
  const origin = `http://127.0.0.1:${port}`
  let seen = ''
  child.stdout.on('data', (chunk) => (seen += chunk))
  child.stderr.on('data', (chunk) => (seen += chunk))
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${seen}`)
    try {
      if ((await fetch(`${origin}/bare`)).ok) return { origin, stop }
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  await stop()
  throw new Error(`next start did not answer in 30 s:\n${seen}`)
}

/**
 * What a route must or must not ship, told by the module paths its source maps name.
 * @type {Record<string, RegExp>}
 */
const MODULES = {
  'react-query': /\/node_modules\/@tanstack\/(react-query|query-core)\//,
  en: /\/otp-kit\/dist\/core\/i18n\/en\.js$/,
  ar: /\/otp-kit\/dist\/core\/i18n\/ar\.js$/,
  ku: /\/otp-kit\/dist\/core\/i18n\/ku\.js$/,
  oystr: /\/otp-kit\/dist\/core\/adapters\/oystr\.js$/,
}

/**
 * The modules a chunk was built from, from the source map its last line names;
 * null for the few files Next.js ships prebuilt, without a map (its polyfills).
 * @param {string} url
 * @param {string} code
 * @returns {Promise<string[] | null>}
 */
async function sourcesOf(url, code) {
  const named = /\/[/*]# sourceMappingURL=(\S+?)(?: \*\/)?\s*$/.exec(code)?.[1]
  if (!named) return null
  const response = await fetch(new URL(named, url))
  if (!response.ok) throw new Error(`${url}: its source map ${named} answered ${response.status}`)
  const map = await response.json()
  /** @type {string[]} */
  const sources = map.sources ?? (map.sections ?? []).flatMap((/** @type {any} */ section) => section.map?.sources ?? [])
  return sources.map((source) => source.replace(/^turbopack:\/\/\/\[project\]/, ''))
}

/**
 * Loads each route in Chromium and measures its JavaScript and CSS; for the
 * drop-in routes, checks hydration and typing.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 */
export async function measureNextRoutes(browser, origin) {
  const results = []
  for (const spec of NEXT_ROUTES) {
    const context = await browser.newContext()
    const page = await context.newPage()
    /** @type {Map<string, Promise<Buffer>>} */
    const bodies = new Map()
    page.on('response', (response) => {
      const url = response.url()
      if (url.startsWith(origin) && /\.(js|css)(\?|$)/.test(url) && !bodies.has(url)) bodies.set(url, response.body())
    })
    /** @type {string[]} */
    const errors = []
    page.on('console', (message) => {
      // The host app has no icon; that 404 is the host's, not the kit's.
      if (message.location().url.endsWith('/favicon.ico')) return
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`console.${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
    await page.goto(`${origin}${spec.route}`, { waitUntil: 'networkidle' })
    let typed = null
    if (spec.hydrate) {
      // Typing reaches the cells only through React: an unhydrated page leaves them empty.
      await page.locator('input').first().pressSequentially('123', { delay: 30 })
      await sleep(200)
      typed = {
        value: await page.locator('input').first().inputValue(),
        filledCells: await page.locator('[data-part="cell"][data-filled]').count(),
        title: await page.locator('[data-part="title"]').first().textContent(),
      }
    }
    let jsBrotli = 0
    let cssBrotli = 0
    /** @type {Set<string>} */
    const modules = new Set()
    /** @type {string[]} */
    const unmapped = []
    for (const [url, body] of bodies) {
      const code = (await body).toString('utf8')
      // Measured as a host without source maps would serve it.
      const data = code.replace(/\n?\/[/*]# sourceMappingURL=\S+(?: \*\/)?\s*$/, '')
      if (/\.css(\?|$)/.test(url)) cssBrotli += brotliSize(data)
      else {
        jsBrotli += brotliSize(data)
        const sources = await sourcesOf(url, code)
        if (sources === null) unmapped.push(url)
        for (const source of sources ?? []) modules.add(source)
      }
    }
    const holds = Object.fromEntries(Object.entries(MODULES).map(([key, pattern]) => [key, [...modules].some((m) => pattern.test(m))]))
    const kitModules = [...modules].filter((m) => m.includes('/otp-kit/dist/')).map((m) => m.slice(m.indexOf('otp-kit/dist/'))).sort()
    const problems = [
      ...(spec.mustLack ?? []).filter((key) => holds[key]).map((key) => `${spec.route} ships ${key}: ${[...modules].filter((m) => MODULES[key]?.test(m)).join(', ')}`),
      ...(spec.mustHave ?? []).filter((key) => !holds[key]).map((key) => `${spec.route} should ship ${key} and its source maps name no such module (the check would see nothing)`),
      ...errors.map((error) => `${spec.route}: ${error}`),
    ]
    if (typed && (typed.value !== '123' || typed.filledCells !== 3)) {
      problems.push(`${spec.route}: typing 123 gave the input "${typed.value}" and ${typed.filledCells} filled cells (not hydrated?)`)
    }
    results.push({ ...spec, jsBrotli, cssBrotli, files: bodies.size, holds, kitModules, unmapped, typed, problems })
    await context.close()
  }
  const bare = results.find((r) => r.route === '/bare')
  return results.map((r) => ({
    ...r,
    brotli: r.jsBrotli - (bare?.jsBrotli ?? 0) + r.cssBrotli,
    // A file without a map is told apart only if the bare page loads it too: then it is Next.js's own.
    problems: [...r.problems, ...r.unmapped.filter((url) => !bare?.unmapped.includes(url)).map((url) => `${r.route}: ${url} has no source map`)],
  }))
}
