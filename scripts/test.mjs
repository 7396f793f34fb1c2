#!/usr/bin/env node
// `npm test`: every check the package must pass, in order, stopping at the
// first failure. The closing line, `N passed, M failed`, counts each Vitest
// test as one check and each other step as one check.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const workDir = mkdtempSync(join(tmpdir(), 'otp-kit-test-'))
const vitestReport = join(workDir, 'vitest.json')

/**
 * @typedef {object} Step
 * @property {string} name
 * @property {string} command shown in the header
 * @property {string} file
 * @property {string[]} args
 * @property {boolean} [vitest] counts tests from Vitest's JSON report
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
  {
    name: 'vitest',
    command: 'vitest run (all projects)',
    file: process.execPath,
    args: [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestReport}`,
    ],
    vitest: true,
  },
]

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`

/** @returns {{ passed: number, failed: number, skipped: number } | null} */
function readVitestTotals() {
  if (!existsSync(vitestReport)) return null
  try {
    const report = JSON.parse(readFileSync(vitestReport, 'utf8'))
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

for (const [index, step] of steps.entries()) {
  console.log(`\n==== [${index + 1}/${steps.length}] ${step.name}: ${step.command} ====\n`)
  const stepStarted = performance.now()
  const result = spawnSync(step.file, step.args, { cwd: root, stdio: 'inherit' })
  const took = seconds(performance.now() - stepStarted)
  let ok = result.status === 0
  let detail = ''

  if (step.vitest) {
    const totals = readVitestTotals()
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
    for (const rest of steps.slice(index + 1)) lines.push(`  ${rest.name.padEnd(10)} not run`)
    break
  }
}

rmSync(workDir, { recursive: true, force: true })

console.log(`\n==== summary (${seconds(performance.now() - started)}) ====\n`)
console.log(lines.join('\n'))
console.log(failed === 0 ? '\nAll checks passed.' : '\nStopped at the first failure.')
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
