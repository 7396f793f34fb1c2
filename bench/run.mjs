#!/usr/bin/env node
// `npm run bench`: otp-kit against the OTP inputs a host might pick instead,
// measured in the same run, printed as one table (Markdown) and written to
// bench/results.json, with the change against the previous results.json.
//
//   1. shipped size of each entry and of the peers (bench/sizes.mjs)
//   2. keystrokes: OtpInput beside input-otp's OTPInput on one page, in headless Chromium
//   3. paste to request: a pasted code to the verify request leaving
//   4. countdown: ResendButton for 60 s in a background tab, where Chromium throttles timers
//   5. mount churn: OtpVerification mounted and unmounted 1,000 times; what is left
//
// The countdown tab runs while 2, 3 and 5 measure in another window, so the
// machine is busy during all of them: keystroke times are thread CPU time
// (not wall time) for that reason.
import { spawn } from 'node:child_process'
import { copyFileSync, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { cpus, loadavg, tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../scripts/ensure-browsers.mjs'
import { BUDGETS, kB, measureSizes, root } from './sizes.mjs'

const benchDir = join(root, 'bench')
const resultsFile = join(benchDir, 'results.json')
const require = createRequire(import.meta.url)

/** How many times each browser measurement repeats. */
const RUNS = { keystrokeCommits: 3, keystrokeTime: 15, paste: 20, churnWarmUp: 30, churn: 1000 }
/** Time between two keys: a fast typist, and long enough for each key's own timers to run. */
const KEY_GAP_MS = 100
const COUNTDOWN_VISIBLE_MS = 5_000
const COUNTDOWN_HIDDEN_MS = 60_000
const CODE = '123456'

const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS]

const started = performance.now()
const load = loadavg()[0] ?? 0
const work = mkdtempSync(join(tmpdir(), 'otp-kit-bench-'))
// Chromium may still be writing its profile for a moment after it exits: retry.
/** @type {Array<() => Promise<void> | void>} */
const cleanups = [() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })]

try {
  log('sizes…')
  const sizes = await measureSizes()
  log('building the bench pages…')
  await buildPages()
  const base = await serve()
  const browser = await startChromium()
  const version = browser.version()

  log('countdown in a background tab (60 s), the rest beside it…')
  const countdown = measureCountdown(browser, base)
  // A rejection is read when awaited below; do not let it count as unhandled meanwhile.
  countdown.catch(() => {})

  const context = await browser.newContext()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  const page = await context.newPage()
  page.on('pageerror', (error) => log(`page error: ${error.message}`))
  const cdp = await context.newCDPSession(page)

  log('keystrokes: commits (profiling build)…')
  const commits = await measureKeystrokeCommits(page, base)
  log('keystrokes: main-thread time (production build)…')
  const times = await measureKeystrokeTime(page, cdp, base)
  log('paste to request…')
  const paste = await measurePaste(page, base)
  log('mount churn…')
  const churn = await measureChurn(page, cdp, base)
  await context.close()
  log('waiting for the countdown to finish…')
  const countdownResult = await countdown

  const results = {
    date: new Date().toISOString(),
    environment: {
      node: process.version,
      chromium: version,
      cpus: cpus().length,
      loadAverageAtStart: Number(load.toFixed(2)),
    },
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    sizes: sizes.map((size) => ({
      name: size.name,
      group: size.group,
      minified: size.minified,
      gzip: size.gzip,
      brotli: size.brotli,
      budget: BUDGETS[size.name] ?? null,
      modules: size.group === 'otp-kit' ? size.modules.slice(0, 15) : size.modules.slice(0, 5),
    })),
    keystroke: {
      ours: {
        commitsPerKey: commits.ours,
        msPerKey: times.ours.task,
        scriptMsPerKey: times.ours.script,
        styleLayoutMsPerKey: times.ours.styleLayout,
      },
      theirs: {
        commitsPerKey: commits.theirs,
        msPerKey: times.theirs.task,
        scriptMsPerKey: times.theirs.script,
        styleLayoutMsPerKey: times.theirs.styleLayout,
      },
      ratio: {
        commits: ratio(commits.ours, commits.theirs),
        ms: ratio(times.ours.task, times.theirs.task),
      },
      runs: { commits: RUNS.keystrokeCommits, time: RUNS.keystrokeTime },
    },
    paste,
    countdown: countdownResult,
    churn,
  }

  const previous = readPrevious()
  const report = formatReport(results, sizes)
  console.log(`\n${report}`)
  if (previous) console.log(`\n${formatChanges(previous, results)}`)
  else console.log('\n(no previous bench/results.json to compare with)')
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\nbench: done in ${results.seconds}s; results in bench/results.json`)
} catch (error) {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exitCode = 1
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup()
    } catch (error) {
      console.error(`bench: cleanup failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

// ---------------------------------------------------------------------------
// Setup: pages, server, browser

/** @param {string} message */
function log(message) {
  const at = ((performance.now() - started) / 1000).toFixed(1).padStart(5)
  process.stderr.write(`bench ${at}s  ${message}\n`)
}

/**
 * The page twice: for production, and against react-dom/profiling (the only
 * production-mode React in which <Profiler> reports commits).
 */
async function buildPages() {
  const profilingDom = require.resolve('react-dom/profiling')
  /** @type {import('esbuild').Plugin} */
  const useProfilingDom = {
    name: 'react-dom-profiling',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^react-dom\/client$/ }, () => ({ path: profilingDom }))
    },
  }
  /** @param {string} name @param {import('esbuild').Plugin[]} plugins */
  const page = (name, plugins) =>
    build({
      entryPoints: [join(benchDir, 'pages/main.tsx')],
      absWorkingDir: root,
      bundle: true,
      outfile: join(work, `${name}.js`),
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins,
      logLevel: 'error',
      logOverride: { 'module-level-directive': 'silent' },
    })
  await Promise.all([page('prod', []), page('profiling', [useProfilingDom])])
  copyFileSync(join(benchDir, 'pages/instrument.js'), join(work, 'instrument.js'))
  copyFileSync(join(root, 'src/styles/otp.css'), join(work, 'otp.css'))
  copyFileSync(join(benchDir, 'pages/page.css'), join(work, 'page.css'))
  for (const name of ['prod', 'profiling']) {
    writeFileSync(
      join(work, `${name}.html`),
      '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>otp-kit bench</title>\n' +
        '<link rel="stylesheet" href="otp.css">\n<link rel="stylesheet" href="page.css">\n' +
        '<script src="instrument.js"></script>\n</head>\n<body>\n<div id="root"></div>\n' +
        `<script type="module" src="${name}.js"></script>\n</body>\n</html>\n`,
    )
  }
}

/** Serves the built pages on 127.0.0.1, on a free port. @returns {Promise<string>} the origin */
async function serve() {
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
async function startChromium() {
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

// ---------------------------------------------------------------------------
// Measurements

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return NaN
  const at = (/** @type {number} */ index) => sorted[index] ?? NaN
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2
}

/** @param {number} value @param {number} [digits] */
function round(value, digits = 2) {
  return Number(value.toFixed(digits))
}

/** @param {number} ours @param {number} theirs */
function ratio(ours, theirs) {
  return theirs === 0 ? null : round(ours / theirs)
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} url
 */
async function open(page, url) {
  await page.goto(url)
  await page.waitForFunction(() => window.bench?.ready === true)
}

/**
 * Types the code one key at a time into one side's input, from a fresh mount.
 * @param {import('playwright-core').Page} page
 * @param {'ours' | 'theirs'} side
 * @param {() => Promise<void>} before called once the field is focused and settled
 */
async function typeCode(page, side, before) {
  await page.evaluate(() => window.bench.remount())
  await page.focus(`#${side} input`)
  await sleep(150)
  await before()
  for (const key of CODE) {
    await page.keyboard.press(key)
    await sleep(KEY_GAP_MS)
  }
  await sleep(150)
  const value = await page.inputValue(`#${side} input`)
  if (value !== CODE) throw new Error(`typing into ${side} gave "${value}", not ${CODE}`)
}

/** @param {import('playwright-core').Page} page @param {string} base */
async function measureKeystrokeCommits(page, base) {
  await open(page, `${base}/profiling.html?scenario=keys`)
  /** @type {{ ours: number[], theirs: number[] }} */
  const perKey = { ours: [], theirs: [] }
  for (let run = 0; run < RUNS.keystrokeCommits; run += 1) {
    for (const side of /** @type {const} */ (['ours', 'theirs'])) {
      await typeCode(page, side, () => page.evaluate(() => window.bench.resetCommits()))
      const count = await page.evaluate((id) => window.bench.commits[id] ?? 0, side)
      perKey[side].push(count / CODE.length)
    }
  }
  return { ours: round(median(perKey.ours)), theirs: round(median(perKey.theirs)) }
}

/**
 * Main-thread time of typing, as the renderer's own task and script time in
 * thread CPU time (CDP Performance metrics with threadTicks), so that other
 * work on a busy machine does not count. Ours and theirs alternate.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} base
 */
async function measureKeystrokeTime(page, cdp, base) {
  await open(page, `${base}/prod.html?scenario=keys`)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  const metrics = async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics')
    /** @param {string} name */
    const value = (name) => list.find((metric) => metric.name === name)?.value ?? 0
    return {
      task: value('TaskDuration'),
      script: value('ScriptDuration'),
      styleLayout: value('RecalcStyleDuration') + value('LayoutDuration'),
    }
  }
  /** @typedef {{ task: number[], script: number[], styleLayout: number[] }} Samples */
  /** @type {Record<'ours' | 'theirs', Samples>} */
  const perKey = { ours: { task: [], script: [], styleLayout: [] }, theirs: { task: [], script: [], styleLayout: [] } }
  for (let run = 0; run < RUNS.keystrokeTime; run += 1) {
    for (const side of /** @type {const} */ (['ours', 'theirs'])) {
      let first = { task: 0, script: 0, styleLayout: 0 }
      await typeCode(page, side, async () => {
        first = await metrics()
      })
      const last = await metrics()
      perKey[side].task.push(((last.task - first.task) * 1000) / CODE.length)
      perKey[side].script.push(((last.script - first.script) * 1000) / CODE.length)
      perKey[side].styleLayout.push(((last.styleLayout - first.styleLayout) * 1000) / CODE.length)
    }
  }
  await cdp.send('Performance.disable')
  /** @param {Samples} side */
  const summary = (side) => ({
    task: round(median(side.task), 3),
    script: round(median(side.script), 3),
    styleLayout: round(median(side.styleLayout), 3),
  })
  return { ours: summary(perKey.ours), theirs: summary(perKey.theirs) }
}

/**
 * A full code pasted with Ctrl+V into OtpVerification: time from the paste
 * event to the stub fetch being called, and how many verify requests left.
 * @param {import('playwright-core').Page} page
 * @param {string} base
 */
async function measurePaste(page, base) {
  await open(page, `${base}/prod.html?scenario=paste`)
  await page.evaluate((code) => navigator.clipboard.writeText(code), CODE)
  /** @type {number[]} */
  const times = []
  /** @type {number[]} */
  const requests = []
  for (let run = 0; run < RUNS.paste; run += 1) {
    await page.evaluate(() => window.bench.remount())
    await page.focus('input')
    await sleep(50)
    await page.keyboard.press('Control+V')
    await sleep(300)
    const result = await page.evaluate(() => {
      const pastedAt = window.bench.pastedAt
      const verifies = window.__ledger.calls.filter((call) => call.at >= pastedAt && call.url.includes('verify-otp'))
      const first = verifies[0]
      return { pastedAt, ms: first ? first.at - pastedAt : null, count: verifies.length }
    })
    if (result.pastedAt === 0) throw new Error('Ctrl+V fired no paste event')
    if (result.ms !== null) times.push(result.ms)
    requests.push(result.count)
  }
  return {
    runs: RUNS.paste,
    medianMs: times.length ? round(median(times)) : null,
    maxMs: times.length ? round(Math.max(...times)) : null,
    requestsPerPaste: { min: Math.min(...requests), max: Math.max(...requests) },
  }
}

/**
 * Mounts and unmounts OtpVerification 1,000 times (a third with a countdown
 * running, a third with a resend in flight, a third with a verify in flight;
 * the stub back end never answers), then counts what is left and how much
 * the heap grew, each after a forced GC.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} base
 */
async function measureChurn(page, cdp, base) {
  await open(page, `${base}/prod.html?scenario=churn`)
  await page.evaluate(() => {
    window.__ledger.backend.mode = 'hang'
  })
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
  await page.evaluate((count) => window.bench.churn(count), RUNS.churnWarmUp)
  await sleep(200)
  const heapBefore = await heap()
  const mark = await page.evaluate(() => window.__ledger.mark())
  const churnStarted = performance.now()
  const { requestsStarted } = await page.evaluate((count) => window.bench.churn(count), RUNS.churn)
  const churnMs = performance.now() - churnStarted
  // Long enough for anything that was going to settle by itself (timeouts of 0-50 ms, aborts).
  await sleep(300)
  const left = await page.evaluate((since) => window.__ledger.leftSince(since), mark)
  const heapAfter = await heap()
  return {
    mounts: RUNS.churn,
    requestsStarted,
    msPerMount: round(churnMs / RUNS.churn),
    timersLeft: left.timers,
    listenersLeft: left.listeners,
    requestsInFlight: left.requests,
    leftDetail: left.detail,
    heapGrowthBytes: heapAfter - heapBefore,
  }
}

/**
 * ResendButton counting down from 90 s: 5 s in a visible tab, then 60 s in a
 * background tab (another tab in front), where Chromium wakes timers at most
 * once a second. Commits per second come from a <Profiler> (profiling build);
 * drift compares the label with `deadline - now`, sampled from outside the page.
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 */
async function measureCountdown(browser, base) {
  const context = browser.contexts()[0]
  if (!context) throw new Error('Chromium has no default context')
  const tab = context.pages()[0] ?? (await context.newPage())
  tab.on('pageerror', (error) => log(`page error (countdown): ${error.message}`))
  await open(tab, `${base}/profiling.html?scenario=countdown`)

  const counters = () =>
    tab.evaluate(() => ({ at: Date.now(), commits: window.bench.commits.resend ?? 0, wakes: window.bench.probeWakes }))
  const sample = () =>
    tab.evaluate(() => {
      const text = document.querySelector('[data-part="resend-button"]')?.textContent ?? ''
      const match = /(\d+):(\d\d)/.exec(text)
      const now = Date.now()
      return {
        shown: match ? Number(match[1]) * 60 + Number(match[2]) : null,
        truth: Math.max(0, Math.ceil((window.bench.deadline - now) / 1000)),
      }
    })
  /** @param {Awaited<ReturnType<typeof counters>>} from @param {Awaited<ReturnType<typeof counters>>} to */
  const rates = (from, to) => {
    const seconds = (to.at - from.at) / 1000
    return { commitsPerSecond: round((to.commits - from.commits) / seconds), probeWakesPerSecond: round((to.wakes - from.wakes) / seconds, 1) }
  }

  await sleep(500)
  const visibleStart = await counters()
  await sleep(COUNTDOWN_VISIBLE_MS)
  const visibleEnd = await counters()

  const front = await context.newPage()
  await front.bringToFront()
  const visibility = await tab.evaluate(() => document.visibilityState)
  const hiddenStart = await counters()
  /** @type {number[]} */
  const offBy = []
  while (Date.now() - hiddenStart.at < COUNTDOWN_HIDDEN_MS) {
    const { shown, truth } = await sample()
    if (shown === null) throw new Error('the resend button shows no countdown')
    offBy.push(shown - truth)
    await sleep(250)
  }
  const hiddenEnd = await counters()
  await tab.bringToFront()
  const onReturn = await sample()
  const changes = await tab.evaluate(() => ({ list: window.bench.labelChanges, deadline: window.bench.deadline }))
  await front.close()
  await tab.close()

  // How late each new second reached the screen: the label shows s from the
  // moment the time left drops to s seconds, that is from deadline - s * 1000.
  /** @param {number} from @param {number} to */
  const lags = (from, to) =>
    changes.list
      .filter((change) => change.at >= from && change.at <= to)
      .map((change) => {
        const match = /(\d+):(\d\d)/.exec(change.text)
        return match ? change.at - (changes.deadline - (Number(match[1]) * 60 + Number(match[2])) * 1000) : null
      })
      .filter((lag) => lag !== null)
  const visibleLags = lags(visibleStart.at, visibleEnd.at)
  const hiddenLags = lags(hiddenStart.at, hiddenEnd.at)
  const off = offBy.filter((value) => value !== 0)
  return {
    visibility,
    visible: { ...rates(visibleStart, visibleEnd), lagMs: { median: median(visibleLags), max: Math.max(...visibleLags) } },
    hidden: {
      seconds: round((hiddenEnd.at - hiddenStart.at) / 1000, 1),
      ...rates(hiddenStart, hiddenEnd),
      lagMs: { median: median(hiddenLags), max: Math.max(...hiddenLags) },
      samples: offBy.length,
      samplesOff: off.length,
      maxDriftSeconds: Math.max(0, ...offBy.map(Math.abs)),
    },
    onReturn: { shown: onReturn.shown, truth: onReturn.truth },
  }
}

// ---------------------------------------------------------------------------
// Report

/** @returns {any} */
function readPrevious() {
  if (!existsSync(resultsFile)) return null
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8'))
  } catch {
    return null
  }
}

/** @param {string[]} header @param {Array<Array<string | number>>} rows */
function table(header, rows) {
  const align = header.map((_, index) => (index === 0 ? '---' : '---:'))
  return [header, align, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')
}

/** @param {number} value */
function ms(value) {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`
}

/**
 * @param {any} r the results
 * @param {import('./sizes.mjs').SizeResult[]} sizes
 */
function formatReport(r, sizes) {
  const { keystroke: k, paste, countdown: c, churn } = r
  const lines = []
  lines.push(
    `otp-kit bench: Chromium ${r.environment.chromium}, Node ${r.environment.node}, ${r.environment.cpus} cores ` +
      `(load ${r.environment.loadAverageAtStart} at start; the countdown tab runs beside the other browser measurements).`,
  )
  lines.push('', '**Shipped size** (esbuild, minified ESM, NODE_ENV=production; react, react-dom and @tanstack/react-query external; 1 kB = 1000 B)', '')
  lines.push(
    table(
      ['entry', 'minified', 'gzip', 'brotli', 'budget (brotli)'],
      r.sizes.map((/** @type {any} */ s) => [
        s.group === 'peer' ? `${s.name} (peer)` : `\`${s.name}\``,
        kB(s.minified),
        kB(s.gzip),
        kB(s.brotli),
        s.budget === null ? '' : `${kB(s.budget)} ${s.brotli <= s.budget ? 'ok' : '**over**'}`,
      ]),
    ),
  )
  lines.push('', `**Keystrokes**: a 6-digit code typed one key at a time (${KEY_GAP_MS} ms apart), headless Chromium`, '')
  lines.push(
    table(
      ['per keystroke', 'otp-kit `OtpInput`', 'input-otp `OTPInput`', 'ours / theirs'],
      [
        ['React commits (profiling build, median of ' + k.runs.commits + ')', k.ours.commitsPerKey, k.theirs.commitsPerKey, k.ratio.commits ?? '–'],
        [
          'main-thread time (thread CPU, median of ' + k.runs.time + ', production)',
          ms(k.ours.msPerKey),
          ms(k.theirs.msPerKey),
          k.ratio.ms ?? '–',
        ],
        ['of which script', ms(k.ours.scriptMsPerKey), ms(k.theirs.scriptMsPerKey), ratio(k.ours.scriptMsPerKey, k.theirs.scriptMsPerKey) ?? '–'],
        [
          'of which style and layout',
          ms(k.ours.styleLayoutMsPerKey),
          ms(k.theirs.styleLayoutMsPerKey),
          ratio(k.ours.styleLayoutMsPerKey, k.theirs.styleLayoutMsPerKey) ?? '–',
        ],
      ],
    ),
  )
  lines.push('', '**Paste, countdown, mount churn** (otp-kit)', '')
  const requests = paste.requestsPerPaste
  lines.push(
    table(
      ['measure', 'result'],
      [
        [`paste → verify request leaves (median / max of ${paste.runs})`, paste.medianMs === null ? 'no request' : `${ms(paste.medianMs)} / ${ms(paste.maxMs)}`],
        ['verify requests per paste (must be 1)', requests.min === requests.max ? `${requests.max}` : `${requests.min}–${requests.max}`],
        [`ResendButton commits per second, visible / background tab`, `${c.visible.commitsPerSecond} / ${c.hidden.commitsPerSecond}`],
        [
          'a 100 ms timer wakes per second, visible / background',
          `${c.visible.probeWakesPerSecond} / ${c.hidden.probeWakesPerSecond}${c.visibility === 'hidden' ? '' : ` (tab was ${c.visibility}!)`}`,
        ],
        [
          'new second on screen after it began, visible / background (median, max)',
          `${ms(c.visible.lagMs.median)}, ${ms(c.visible.lagMs.max)} / ${ms(c.hidden.lagMs.median)}, ${ms(c.hidden.lagMs.max)}`,
        ],
        [
          `shown vs true seconds over ${c.hidden.seconds} s in background (${c.hidden.samples} samples)`,
          `${c.hidden.samplesOff} off, by at most ${c.hidden.maxDriftSeconds} s`,
        ],
        ['shown vs true on return to the tab', `${c.onReturn.shown} vs ${c.onReturn.truth}`],
        [
          `mount + unmount OtpVerification ×${churn.mounts} (${churn.requestsStarted} with a request in flight)`,
          `${ms(churn.msPerMount)} each`,
        ],
        ['timers / listeners / requests left (must be 0)', `${churn.timersLeft} / ${churn.listenersLeft} / ${churn.requestsInFlight}`],
        ['JS heap growth after forced GC', `${(churn.heapGrowthBytes / 1000).toFixed(1)} kB`],
      ],
    ),
  )
  if (churn.leftDetail.length > 0) lines.push('', `left after the churn: ${churn.leftDetail.join(', ')}`)

  lines.push('', 'Where the bytes go (bytes of each module in the minified output, before compression):')
  for (const size of sizes.filter((s) => s.group === 'otp-kit' && !s.name.includes('rhf external'))) {
    const top = size.modules.slice(0, 15)
    const rest = size.modules.slice(15).reduce((sum, m) => sum + m.bytes, 0)
    lines.push('', `  ${size.name} (${kB(size.minified)} minified, ${kB(size.brotli)} brotli)`)
    for (const m of top) lines.push(`    ${String(m.bytes).padStart(6)}  ${(((m.bytes / size.minified) * 100).toFixed(1) + '%').padStart(6)}  ${m.module}`)
    if (rest > 0) lines.push(`    ${String(rest).padStart(6)}  ${(((rest / size.minified) * 100).toFixed(1) + '%').padStart(6)}  ${size.modules.length - 15} more`)
  }
  return lines.join('\n')
}

/**
 * Every number the report compares, by a readable name.
 * @param {any} r
 * @returns {Map<string, number>}
 */
function comparable(r) {
  /** @type {Map<string, number>} */
  const out = new Map()
  for (const s of r.sizes ?? []) out.set(`size ${s.name} brotli (B)`, s.brotli)
  const k = r.keystroke
  if (k) {
    out.set('keystroke commits, ours', k.ours.commitsPerKey)
    out.set('keystroke commits, input-otp', k.theirs.commitsPerKey)
    out.set('keystroke ms, ours', k.ours.msPerKey)
    out.set('keystroke ms, input-otp', k.theirs.msPerKey)
  }
  if (r.paste?.medianMs != null) out.set('paste → request ms', r.paste.medianMs)
  if (r.countdown) {
    out.set('countdown commits/s, background', r.countdown.hidden.commitsPerSecond)
    out.set('countdown max drift s, background', r.countdown.hidden.maxDriftSeconds)
  }
  if (r.churn) {
    out.set('churn timers left', r.churn.timersLeft)
    out.set('churn listeners left', r.churn.listenersLeft)
    out.set('churn requests left', r.churn.requestsInFlight)
    out.set('churn heap growth (B)', r.churn.heapGrowthBytes)
  }
  return out
}

/** @param {any} previous @param {any} current */
function formatChanges(previous, current) {
  const before = comparable(previous)
  const after = comparable(current)
  const lines = [`Against the previous run (${previous.date ?? 'undated'}):`]
  const width = Math.max(...[...after.keys()].map((name) => name.length))
  for (const [name, now] of after) {
    const then = before.get(name)
    if (then === undefined) continue
    const percent = then === 0 ? null : ((now - then) / Math.abs(then)) * 100
    const change = percent === null ? ' (was 0)' : ` (${percent >= 0 ? '+' : ''}${percent.toFixed(Math.abs(percent) < 0.1 ? 2 : 1)}%)`
    lines.push(`  ${name.padEnd(width)}  ${String(then).padStart(9)} → ${String(now).padStart(9)}${now === then ? '' : change}`)
  }
  return lines.join('\n')
}
