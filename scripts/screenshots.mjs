// `npm run screenshots`: renders OtpVerification from the built Storybook in
// headless Chromium, in English (light) and Arabic (dark), to docs/*.png.
import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from './ensure-browsers.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'storybook-static')
const shots = [
  { file: 'docs/otp-verification-en-light.png', story: 'components-otpverification--wrong-code-4-left', globals: 'language:en;theme:light' },
  { file: 'docs/otp-verification-ar-dark.png', story: 'components-otpverification--wrong-code-arabic', globals: 'theme:dark' },
]

console.log('screenshots: building Storybook…')
const build = spawnSync(process.execPath, [join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '--quiet', '-o', out], {
  cwd: root,
  stdio: 'inherit',
})
if (build.status !== 0) process.exit(build.status ?? 1)

/** @type {Record<string, string>} */
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' }
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '')
  const file = join(out, path || 'index.html')
  if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end()
    return
  }
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
  createReadStream(file).pipe(res)
})
await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve())))
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())

const { path: executablePath } = findChromium()
const browser = await chromium.launch({
  executablePath: executablePath ?? undefined,
  args: CHROMIUM_ARGS,
})
try {
  mkdirSync(join(root, 'docs'), { recursive: true })
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 560, height: 640 }, deviceScaleFactor: 2 })
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${shot.story}&globals=${shot.globals}&viewMode=story`)
    // The play function types a wrong code; wait until the banner has spoken.
    await page.locator('[data-part="banner"]:not([data-empty])').waitFor({ timeout: 20_000 })
    await page.waitForTimeout(500)
    await page.locator('[data-part="verification"]').screenshot({ path: join(root, shot.file) })
    console.log(`screenshots: ${shot.file}`)
    await page.close()
  }
} finally {
  await browser.close()
  server.close()
}
