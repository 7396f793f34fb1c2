#!/usr/bin/env node
// `npm run bench`: otp-kit against the OTP inputs a host might pick instead,
// measured in the same run, printed as Markdown tables and written to
// bench/results.json, with the change against the previous results.json.
//
//   size/       what ships: the packed tarball installed into host apps, bundled by
//               esbuild, Vite and webpack, and a Next.js App Router host (Turbopack)
//               whose drop-in pages are hydrated and typed into; budgets enforced
//   measures/   in headless Chromium: keystrokes beside input-otp, paste to request,
//               a countdown in a background tab, mount churn
//
// Exits non-zero when a budget breaks, a page ships what it must not, or the
// Next.js host logs an error or does not hydrate.
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { startChromium, serve } from './lib/browser.mjs'
import { kB } from './lib/bytes.mjs'
import { elapsed } from './lib/log.mjs'
import { cleanups, log, runCleanups } from './lib/session.mjs'
import { ratio } from './lib/stats.mjs'
import { measureChurn } from './measures/churn.mjs'
import { measureCountdown } from './measures/countdown.mjs'
import { measureKeystrokeCommits, measureKeystrokeTime } from './measures/keystrokes.mjs'
import { buildPages } from './measures/pages.mjs'
import { measurePaste } from './measures/paste.mjs'
import { RUNS } from './measures/config.mjs'
import { formatChanges, formatReport, readPrevious, resultsFile } from './report.mjs'
import { checkBudgets, measureSizes } from './size/measure.mjs'
import { buildNextHost, measureNextRoutes, startNextHost } from './size/next.mjs'
import { packIntoHosts } from './size/pack.mjs'
import { BUDGETS, SUBJECTS } from './size/subjects.mjs'

const load = loadavg()[0] ?? 0
/** @type {string[]} */
const failures = []

try {
  log('packing the package and installing the tarball into .bench-hosts/…')
  const pack = packIntoHosts()
  log('sizes: esbuild, Vite, webpack…')
  const sizes = await measureSizes(['esbuild', 'vite', 'webpack'])
  log('the Next.js host: next build (Turbopack)…')
  buildNextHost()

  log('building the bench pages…')
  await buildPages()
  const base = await serve()
  const browser = await startChromium()
  const version = browser.version()

  log('the Next.js host: route JS, hydration, typing…')
  const nextHost = await startNextHost()
  cleanups.push(nextHost.stop)
  const routes = await measureNextRoutes(browser, nextHost.origin)
  await nextHost.stop()
  for (const route of routes) failures.push(...route.problems)
  for (const size of sizes) {
    if (size.present.length > 0) failures.push(`${size.name} (${size.bundler}) ships ${size.present.join(', ')}`)
  }

  const nextAsSizes = routes.filter((r) => r.group).map((r) => ({ name: r.name, bundler: 'next', brotli: r.brotli }))
  // On Next.js the drop-in routes carry react-query, which the other hosts leave
  // out: only OtpInput, which needs none, is held to its budget there.
  const checks = checkBudgets([...sizes, ...nextAsSizes.filter((r) => r.name === 'OtpInput')])
  for (const check of checks.filter((c) => !c.ok)) {
    failures.push(`${check.name} (${check.bundler}) is ${kB(check.brotli)} brotli, over its limit of ${kB(check.limit)}`)
  }

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

  const names = [...new Set([...SUBJECTS.map((s) => s.name)])]
  const results = {
    date: new Date().toISOString(),
    environment: { node: process.version, chromium: version, cpus: cpus().length, loadAverageAtStart: Number(load.toFixed(2)) },
    seconds: elapsed(),
    sizes: {
      tarballBytes: pack.tarballBytes,
      rows: names.map((name) => {
        const subject = SUBJECTS.find((s) => s.name === name)
        const measured = [...sizes, ...nextAsSizes].filter((r) => r.name === name)
        const budget = BUDGETS[name]
        const own = checks.filter((c) => c.name === name)
        return {
          name,
          group: subject?.group,
          brotli: Object.fromEntries(measured.map((r) => [r.bundler, r.brotli])),
          budget: budget ? { target: budget.target, limits: Object.fromEntries(own.map((c) => [c.bundler, c.limit])), ok: own.every((c) => c.ok) } : null,
          modules: sizes.find((r) => r.name === name && r.bundler === 'esbuild')?.modules.slice(0, 15) ?? [],
        }
      }),
      next: routes.map(({ route, name, jsBrotli, cssBrotli, brotli, files, holds, kitModules, typed }) => ({ route, name, jsBrotli, cssBrotli, brotli, files, holds, kitModules, typed })),
    },
    keystroke: {
      ours: { commitsPerKey: commits.ours, msPerKey: times.ours.task, scriptMsPerKey: times.ours.script, styleLayoutMsPerKey: times.ours.styleLayout },
      theirs: { commitsPerKey: commits.theirs, msPerKey: times.theirs.task, scriptMsPerKey: times.theirs.script, styleLayoutMsPerKey: times.theirs.styleLayout },
      ratio: { commits: ratio(commits.ours, commits.theirs), ms: ratio(times.ours.task, times.theirs.task) },
      runs: { commits: RUNS.keystrokeCommits, time: RUNS.keystrokeTime },
    },
    paste,
    countdown: countdownResult,
    churn,
  }

  const previous = readPrevious()
  console.log(`\n${formatReport(results, sizes)}`)
  console.log(`\nNext.js host (${routes.length} routes): ${routes.filter((r) => r.typed).map((r) => `${r.route} hydrated, typed "${r.typed?.value}", ${r.typed?.filledCells} cells filled`).join('; ')}`)
  for (const route of routes.filter((r) => r.group === 'otp-kit')) {
    const has = Object.entries(route.holds).filter(([, held]) => held).map(([key]) => key)
    console.log(`  ${route.route}: ${route.kitModules.length} otp-kit modules; of react-query, en, ar, ku, oystr it ships ${has.length ? has.join(', ') : 'none'}`)
  }
  const otpInputRoute = routes.find((r) => r.route === '/otp-input')
  if (otpInputRoute) console.log(`  /otp-input modules: ${otpInputRoute.kitModules.join(', ')}`)
  if (previous) console.log(`\n${formatChanges(previous, results)}`)
  else console.log('\n(no previous bench/results.json to compare with)')
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`)
  if (failures.length > 0) {
    console.error(`\nbench: failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
    process.exitCode = 1
  }
  console.log(`\nbench: done in ${elapsed()}s; results in bench/results.json`)
} catch (error) {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exitCode = 1
} finally {
  await runCleanups()
}
