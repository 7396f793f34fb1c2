#!/usr/bin/env node
// `npm test`: every check the package must pass, in order, stopping at the
// first failure, each step timed. The browser tests run one engine per step
// (Chromium, Firefox, WebKit), then the end-to-end checkout, then the rest.
// The closing line, `N passed, M failed`, counts each Vitest test as one
// check and each other step as one check.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const workDir = mkdtempSync(join(tmpdir(), 'otp-kit-test-'))

/**
 * A Vitest run of some projects, counted test by test from its JSON report.
 * @param {string} name
 * @param {string[]} projects
 * @param {string} what
 * @returns {Step}
 */
function vitestStep(name, projects, what) {
  const report = join(workDir, `${name}.json`)
  return {
    name,
    command: `vitest run ${projects.map((project) => `--project ${project}`).join(' ')} (${what})`,
    file: process.execPath,
    args: [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      ...projects.flatMap((project) => ['--project', project]),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    report,
  }
}

/**
 * @typedef {object} Step
 * @property {string} name
 * @property {string} command shown in the header
 * @property {string} file
 * @property {string[]} args
 * @property {string} [report] Vitest's JSON report, which counts the tests
 */

/** @type {Step[]} */
const steps = [
  { name: 'typecheck', command: 'tsc --noEmit', file: npm, args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', command: 'eslint .', file: npm, args: ['run', '--silent', 'lint'] },
  {
    // Chromium, Firefox and WebKit from the system: installed with apt-get when root, else a sentence saying how.
    name: 'browsers',
    command: 'node scripts/ensure-browsers.mjs',
    file: process.execPath,
    args: [join(root, 'scripts/ensure-browsers.mjs')],
  },
  {
    // React 18 for the unit-react18 and ssr-react18 projects, from compat/react18's lockfile.
    name: 'react18',
    command: 'node scripts/ensure-react18.mjs',
    file: process.execPath,
    args: [join(root, 'scripts/ensure-react18.mjs')],
  },
  // Before vitest: it builds dist/, which the test of `npm run sandbox` starts.
  { name: 'package', command: 'npm run check:package', file: npm, args: ['run', '--silent', 'check:package'] },
  { name: 'size', command: 'npm run size', file: npm, args: ['run', '--silent', 'size'] },
  // One engine at a time: two cores are not shared by three browsers.
  vitestStep('chromium', ['chromium'], 'the browser tests in Chromium'),
  vitestStep('firefox', ['firefox'], 'the browser tests in Firefox'),
  vitestStep('webkit', ['webkit'], 'the browser tests in WebKit (MiniBrowser under Xvfb)'),
  vitestStep('e2e', ['e2e'], 'the demo checkout end to end (Chromium, Firefox)'),
  vitestStep('rest', ['unit', 'unit-react18', 'ssr', 'ssr-react18', 'storybook'], 'jsdom, server rendering, stories'),
]

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`

/** @returns {{ passed: number, failed: number, skipped: number } | null} */
function readVitestTotals(/** @type {string} */ file) {
  if (!existsSync(file)) return null
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'))
    // A file that fails to load has no failing test in it: count it as one.
    /** @type {Array<{ status: string, assertionResults?: Array<{ status: string }> }>} */
    const files = report.testResults ?? []
    const brokenFiles = files.filter(
      (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
    ).length
    return {
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + brokenFiles,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    }
  } catch {
    return null
  }
}

let passed = 0
let failed = 0
/** @type {string[]} */
const lines = []
const started = performance.now()

// `node scripts/test.mjs chromium firefox webkit`: only the steps named, in their usual order.
const named = process.argv.slice(2)
const unknown = named.filter((name) => !steps.some((step) => step.name === name))
if (unknown.length > 0) {
  console.error(`test: no step ${unknown.join(', ')}; the steps are ${steps.map((step) => step.name).join(', ')}.`)
  rmSync(workDir, { recursive: true, force: true })
  process.exit(2)
}
const chosen = named.length === 0 ? steps : steps.filter((step) => named.includes(step.name))

for (const [index, step] of chosen.entries()) {
  console.log(`\n==== [${index + 1}/${chosen.length}] ${step.name}: ${step.command} ====\n`)
  const stepStarted = performance.now()
  const result = spawnSync(step.file, step.args, { cwd: root, stdio: 'inherit' })
  const took = seconds(performance.now() - stepStarted)
  let ok = result.status === 0
  let detail = ''

  if (step.report) {
    const totals = readVitestTotals(step.report)
    if (totals === null) {
      failed += 1
      detail = ok ? ' (no JSON report was written)' : ' (Vitest stopped before reporting)'
      ok = false
    } else {
      passed += totals.passed
      failed += totals.failed
      // A run that failed without a failing test (an unhandled error, a crashed
      // browser) still counts as one failure.
      if (!ok && totals.failed === 0) failed += 1
      detail = ` (${totals.passed} tests passed, ${totals.failed} failed, ${totals.skipped} skipped)`
    }
  } else if (ok) {
    passed += 1
  } else {
    failed += 1
  }

  const why = result.error ? ` (${result.error.message})` : result.signal ? ` (killed by ${result.signal})` : ''
  lines.push(`  ${step.name.padEnd(10)} ${ok ? 'ok  ' : 'FAIL'} ${took}${detail}${why}`)
  if (!ok) {
    for (const rest of chosen.slice(index + 1)) lines.push(`  ${rest.name.padEnd(10)} not run`)
    break
  }
}

rmSync(workDir, { recursive: true, force: true })

console.log(`\n==== summary (${seconds(performance.now() - started)}) ====\n`)
console.log(lines.join('\n'))
console.log(failed === 0 ? '\nAll checks passed.' : '\nStopped at the first failure.')
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
