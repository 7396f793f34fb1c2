#!/usr/bin/env node
// React 18 beside the project's React 19: compat/react18 has its own
// package.json and package-lock.json, and the `*-react18` Vitest projects
// alias `react` and `react-dom` into its node_modules. Two majors of one
// package cannot share the root node_modules (react-dom 18's peer is react 18).
//
// As a script: runs `npm ci` in compat/react18 when its node_modules is
// missing or differs from its lockfile, then exits 0; exits 1 with a sentence
// when the install fails. As a module: `REACT18_DIR` for vitest.config.ts, and
// as the `*-react18` projects' global setup, a check that stops them with that
// sentence before any test runs on a missing or stale React 18.
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REACT18_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../compat/react18')

/**
 * name@version of every package a lockfile lists.
 * @param {string} file
 * @returns {string[] | null} null when the file is missing or unreadable
 */
function lockedPackages(file) {
  if (!existsSync(file)) return null
  try {
    /** @type {{ packages?: Record<string, { version?: string }> }} */
    const lock = JSON.parse(readFileSync(file, 'utf8'))
    return Object.entries(lock.packages ?? {})
      .filter(([path]) => path !== '')
      .map(([path, entry]) => `${path}@${entry.version ?? '?'}`)
      .sort()
  } catch {
    return null
  }
}

/**
 * Whether compat/react18/node_modules holds exactly what its lockfile says.
 * @param {string} [dir]
 * @returns {{ ok: boolean, reason: string }}
 */
export function checkReact18(dir = REACT18_DIR) {
  const wanted = lockedPackages(join(dir, 'package-lock.json'))
  if (wanted === null) return { ok: false, reason: `${join(dir, 'package-lock.json')} is missing or unreadable` }
  const installed = lockedPackages(join(dir, 'node_modules/.package-lock.json'))
  if (installed === null) return { ok: false, reason: 'compat/react18/node_modules is not installed' }
  if (installed.join('\n') !== wanted.join('\n')) {
    return { ok: false, reason: 'compat/react18/node_modules differs from compat/react18/package-lock.json' }
  }
  for (const name of ['react', 'react-dom']) {
    if (!existsSync(join(dir, 'node_modules', name, 'package.json'))) {
      return { ok: false, reason: `compat/react18/node_modules/${name} is missing` }
    }
  }
  return { ok: true, reason: 'compat/react18/node_modules matches its lockfile' }
}

/** Global setup of the `*-react18` Vitest projects: installs nothing, only says what to run. */
export default function setup() {
  const found = checkReact18()
  if (!found.ok) {
    throw new Error(`${found.reason}: run \`node scripts/ensure-react18.mjs\` to install React 18 for the *-react18 projects.`)
  }
}

/** @returns {number} the exit code */
function main() {
  const before = checkReact18()
  if (before.ok) {
    process.stdout.write(`React 18: ${before.reason}\n`)
    return 0
  }
  process.stderr.write(`ensure-react18: ${before.reason}; running npm ci in compat/react18.\n`)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: REACT18_DIR,
    stdio: ['ignore', process.stderr, process.stderr],
  })
  const after = checkReact18()
  if (result.status !== 0 || !after.ok) {
    process.stderr.write(
      `ensure-react18: npm ci in compat/react18 failed (${after.reason}). ` +
        'The unit-react18 and ssr-react18 tests need it: run `npm ci` in compat/react18 with the npm registry reachable.\n',
    )
    return 1
  }
  process.stdout.write(`React 18: installed (${after.reason})\n`)
  return 0
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = main()
}
