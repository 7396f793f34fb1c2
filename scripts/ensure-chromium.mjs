#!/usr/bin/env node
// Finds the Chromium that Vitest browser mode and the Storybook tests drive.
// Playwright's own browser download is never used: Chromium comes from the
// system (Debian's `chromium` package) or from CHROMIUM_PATH.
//
// As a script: prints the path it found and exits 0; installs Chromium with
// apt-get when it is missing and we are root; otherwise exits 1 with a sentence
// saying how to install it. As a module: `findChromium()` for vitest.config.ts.
import { accessSync, constants, realpathSync, statSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { delimiter, isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute paths tried first, in order. */
const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
/** Command names looked up on PATH when no known path exists. */
const COMMAND_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/**
 * The flags every Chromium launch in this repository uses (Vitest browser mode,
 * the end-to-end tests, the bench, the screenshots). Without the networking
 * ones Chromium keeps trying to reach Google's services.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export const INSTALL_HINT =
  'Install Chromium with `sudo apt-get update && sudo apt-get install -y chromium` ' +
  '(Debian/Ubuntu), or set CHROMIUM_PATH to the absolute path of a Chromium or Chrome executable.'

/** @param {string} file */
function isExecutableFile(file) {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * @param {string} name
 * @param {string | undefined} pathVariable
 */
function lookUpOnPath(name, pathVariable) {
  for (const dir of (pathVariable ?? '').split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    if (isExecutableFile(candidate)) return candidate
  }
  return null
}

/**
 * @typedef {object} ChromiumLookup
 * @property {string | null} path the executable, or null when none was found
 * @property {string} source where it came from, or why nothing was found
 */

/**
 * Finds a Chromium executable without installing anything.
 * CHROMIUM_PATH, when set, is the only place looked at: a wrong value is an
 * error, not a reason to quietly pick some other browser.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {ChromiumLookup}
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH
  if (fromEnv !== undefined && fromEnv !== '') {
    const resolved = isAbsolute(fromEnv) ? fromEnv : lookUpOnPath(fromEnv, env.PATH)
    if (resolved !== null && isExecutableFile(resolved)) {
      return { path: resolved, source: 'CHROMIUM_PATH' }
    }
    return {
      path: null,
      source: `CHROMIUM_PATH is set to "${fromEnv}", but no executable file is there`,
    }
  }
  for (const candidate of KNOWN_PATHS) {
    if (isExecutableFile(candidate)) return { path: candidate, source: candidate }
  }
  for (const name of COMMAND_NAMES) {
    const found = lookUpOnPath(name, env.PATH)
    if (found !== null) return { path: found, source: `${name} on PATH` }
  }
  return { path: null, source: 'no chromium, chromium-browser or google-chrome was found' }
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  return isRoot && lookUpOnPath('apt-get', process.env.PATH) !== null
}

/** @param {string[]} args */
function runApt(args) {
  process.stderr.write(`ensure-chromium: running apt-get ${args.join(' ')}\n`)
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return result.status === 0
}

/** @returns {number} the exit code */
function main() {
  const first = findChromium()
  if (first.path !== null) {
    process.stdout.write(`Chromium: ${first.path} (${first.source})\n`)
    return 0
  }
  // A wrong CHROMIUM_PATH is the caller's mistake: installing another browser would hide it.
  if (process.env.CHROMIUM_PATH) {
    process.stderr.write(`ensure-chromium: ${first.source}. ${INSTALL_HINT}\n`)
    return 1
  }
  if (!canInstallWithApt()) {
    process.stderr.write(`ensure-chromium: Chromium not found (${first.source}). ${INSTALL_HINT}\n`)
    return 1
  }
  process.stderr.write('ensure-chromium: Chromium not found; installing the Debian package "chromium" with apt-get.\n')
  if (!runApt(['update']) || !runApt(['install', '-y', 'chromium'])) {
    process.stderr.write(`ensure-chromium: apt-get failed. ${INSTALL_HINT}\n`)
    return 1
  }
  const second = findChromium()
  if (second.path === null) {
    process.stderr.write(`ensure-chromium: apt-get finished but Chromium is still missing. ${INSTALL_HINT}\n`)
    return 1
  }
  process.stderr.write(`ensure-chromium: installed ${second.path}\n`)
  process.stdout.write(`Chromium: ${second.path} (${second.source})\n`)
  return 0
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = main()
}
