// Headless Chromium (Debian's) and a static server on 127.0.0.1 for the bench pages.
import { spawn } from 'node:child_process'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../../scripts/ensure-browsers.mjs'
import { cleanups, work } from './session.mjs'

const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS]

/** Serves the built pages on 127.0.0.1, on a free port. @returns {Promise<string>} the origin */
export async function serve() {
  /** @type {Record<string, string>} */
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname))
    const file = join(work, path)
    if (!file.startsWith(work) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'Content-Type': `${types[extname(file)] ?? 'application/octet-stream'}; charset=utf-8` })
    createReadStream(file).pipe(response)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve(undefined))))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the page server has no port')
  return `http://127.0.0.1:${address.port}`
}

/**
 * Starts Chromium itself and connects over CDP with `noDefaults`: Playwright's
 * own launch emulates focus on every page, which keeps a background tab
 * "visible" and its timers unthrottled, and the countdown must run throttled.
 */
export async function startChromium() {
  const found = findChromium()
  if (found.path === null) throw new Error(`no Chromium (${found.source}); run node scripts/ensure-browsers.mjs chromium`)
  const chrome = spawn(
    found.path,
    [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${join(work, 'profile')}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const exited = new Promise((resolve) => chrome.once('exit', resolve))
  cleanups.push(async () => {
    if (chrome.exitCode !== null || chrome.signalCode !== null) return
    chrome.kill('SIGTERM')
    const stopped = await Promise.race([exited.then(() => true), sleep(5000, false)])
    if (!stopped) chrome.kill('SIGKILL')
  })
  const endpoint = await new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port:\n${seen}`)), 30_000)
    chrome.stderr.on('data', (chunk) => {
      seen += chunk
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    chrome.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it was ready:\n${seen}`)))
  })
  const browser = await chromium.connectOverCDP(endpoint, { noDefaults: true })
  // Bounded: a close that never settles must not stop the cleanups after it.
  cleanups.push(() => Promise.race([browser.close().catch(() => {}), sleep(3000)]))
  return browser
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} url
 */
export async function open(page, url) {
  await page.goto(url)
  await page.waitForFunction(() => window.bench?.ready === true)
}
