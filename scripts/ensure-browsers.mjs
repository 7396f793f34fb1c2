#!/usr/bin/env node
// Finds the three engines the browser tests drive, from the system and never
// from Playwright's own download: Chromium (Blink), Firefox ESR (Gecko), and
// WebKitGTK's WebKitWebDriver with its MiniBrowser (WebKit), which runs under
// Xvfb. CHROMIUM_PATH, FIREFOX_PATH and MINIBROWSER_PATH point elsewhere.
//
// As a script (`node scripts/ensure-browsers.mjs [chromium|firefox|webkit]...`,
// all three when none is named): prints what it found and exits 0. When
// something is missing and we are root, it says so and installs Debian's
// packages with apt-get; otherwise it exits 1 with a sentence saying how.
// An engine is never skipped: a missing one is an error.
//
// As a module: lookups that only read the file system (no install, no output),
// for vitest.config.ts, the end-to-end harness, the bench and the screenshots.
import { accessSync, constants, readdirSync, realpathSync, statSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { delimiter, isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'

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

/** Debian's packages that hold everything below. */
export const APT_PACKAGES = ['chromium', 'firefox-esr', 'webkit2gtk-driver', 'xvfb', 'xauth']

export const APT_COMMAND = `apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}`

/**
 * Where the webkit project's global setup leaves the port of the
 * WebKitWebDriver it started, for the provider that opens MiniBrowser.
 */
export const WEBKIT_DRIVER_PORT_VARIABLE = 'OTP_KIT_WEBKIT_DRIVER_PORT'

/** The engines, in the order the tests run them. */
export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit'])

/** @typedef {(typeof ENGINES)[number]} Engine */
/** @typedef {'chromium' | 'firefox' | 'webkitDriver' | 'miniBrowser' | 'xvfb' | 'xauth'} Tool */

/**
 * @typedef {object} Lookup
 * @property {string | null} path the executable, or null when none was found
 * @property {string} source where it came from, or why nothing was found
 */

/**
 * @typedef {object} ToolSpec
 * @property {string} label
 * @property {string} [env] the variable that overrides the lookup
 * @property {string[]} known absolute paths tried first
 * @property {string[]} commands names looked up on PATH
 * @property {(env: NodeJS.ProcessEnv) => Lookup | null} [search] a last lookup
 */

/** @type {Record<Tool, ToolSpec>} */
const TOOLS = {
  chromium: {
    label: 'Chromium',
    env: 'CHROMIUM_PATH',
    known: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    commands: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
  },
  firefox: {
    label: 'Firefox',
    env: 'FIREFOX_PATH',
    known: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    commands: ['firefox-esr', 'firefox'],
  },
  webkitDriver: {
    label: 'WebKitWebDriver',
    known: ['/usr/bin/WebKitWebDriver'],
    commands: ['WebKitWebDriver'],
  },
  miniBrowser: {
    label: 'MiniBrowser',
    env: 'MINIBROWSER_PATH',
    known: [],
    commands: [],
    search: searchMiniBrowser,
  },
  xvfb: { label: 'Xvfb', known: ['/usr/bin/Xvfb'], commands: ['Xvfb'] },
  xauth: { label: 'xauth', known: ['/usr/bin/xauth'], commands: ['xauth'] },
}

/** @type {Record<Engine, Tool[]>} */
export const ENGINE_TOOLS = {
  chromium: ['chromium'],
  firefox: ['firefox'],
  webkit: ['webkitDriver', 'miniBrowser', 'xvfb', 'xauth'],
}

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

/** @param {string} dir */
function listDir(dir) {
  try {
    return readdirSync(dir).sort()
  } catch {
    return []
  }
}

/**
 * MiniBrowser is not on PATH: libwebkit2gtk-4.1-0 puts it in the multiarch
 * library folder (`/usr/lib/<triplet>/webkit2gtk-4.1/`), whose name depends on
 * the machine. Look in each such folder, then ask dpkg where the package put it.
 * @returns {Lookup | null}
 */
function searchMiniBrowser() {
  const tail = join('webkit2gtk-4.1', 'MiniBrowser')
  for (const base of ['/usr/lib', '/usr/libexec', '/usr/local/lib']) {
    const direct = join(base, tail)
    if (isExecutableFile(direct)) return { path: direct, source: direct }
    for (const entry of listDir(base)) {
      const candidate = join(base, entry, tail)
      if (isExecutableFile(candidate)) return { path: candidate, source: `${join(base, '*', tail)}` }
    }
  }
  const listed = spawnSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' })
  if (listed.status === 0) {
    const file = listed.stdout.split('\n').find((line) => line.endsWith('/MiniBrowser') && isExecutableFile(line))
    if (file) return { path: file, source: 'dpkg -L libwebkit2gtk-4.1-0' }
  }
  return null
}

/**
 * Finds one tool without installing anything. Its override variable, when
 * set, is the only place looked at: a wrong value is an error, not a reason to
 * quietly pick some other browser.
 * @param {Tool} tool
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Lookup}
 */
export function findTool(tool, env = process.env) {
  const spec = TOOLS[tool]
  const fromEnv = spec.env === undefined ? undefined : env[spec.env]
  if (spec.env !== undefined && fromEnv !== undefined && fromEnv !== '') {
    const resolved = isAbsolute(fromEnv) ? fromEnv : lookUpOnPath(fromEnv, env.PATH)
    if (resolved !== null && isExecutableFile(resolved)) return { path: resolved, source: spec.env }
    return { path: null, source: `${spec.env} is set to "${fromEnv}", but no executable file is there` }
  }
  for (const candidate of spec.known) {
    if (isExecutableFile(candidate)) return { path: candidate, source: candidate }
  }
  for (const name of spec.commands) {
    const found = lookUpOnPath(name, env.PATH)
    if (found !== null) return { path: found, source: `${name} on PATH` }
  }
  const searched = spec.search?.(env) ?? null
  if (searched !== null) return searched
  return { path: null, source: `no ${spec.label} was found` }
}

/** @param {NodeJS.ProcessEnv} [env] */
export function findChromium(env = process.env) {
  return findTool('chromium', env)
}

/** @param {NodeJS.ProcessEnv} [env] */
export function findFirefox(env = process.env) {
  return findTool('firefox', env)
}

/**
 * @typedef {object} EngineLookup
 * @property {Engine} engine
 * @property {Partial<Record<Tool, string>>} paths what was found
 * @property {Array<{ tool: Tool, label: string, source: string }>} missing
 * @property {boolean} overridden whether a missing tool was named by an override variable
 */

/**
 * @param {Engine} engine
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {EngineLookup}
 */
export function findEngine(engine, env = process.env) {
  /** @type {EngineLookup} */
  const result = { engine, paths: {}, missing: [], overridden: false }
  for (const tool of ENGINE_TOOLS[engine]) {
    const found = findTool(tool, env)
    if (found.path !== null) {
      result.paths[tool] = found.path
    } else {
      result.missing.push({ tool, label: TOOLS[tool].label, source: found.source })
      const name = TOOLS[tool].env
      if (name !== undefined && env[name]) result.overridden = true
    }
  }
  return result
}

/**
 * The one sentence that says how to get what is missing.
 * @param {EngineLookup[]} lookups
 */
export function howToInstall(lookups) {
  const missing = lookups.flatMap((lookup) => lookup.missing.map((m) => `${m.label} (${m.source})`))
  return (
    `Missing for the browser tests: ${missing.join(', ')}; install them as root with ` +
    `\`apt-get update && ${APT_COMMAND}\` (Debian/Ubuntu), or set CHROMIUM_PATH, FIREFOX_PATH or MINIBROWSER_PATH ` +
    'to an executable elsewhere.'
  )
}

/**
 * The paths an engine needs, or an Error whose message says how to get them.
 * For the moment a test run opens the engine, not before.
 * @param {Engine} engine
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Partial<Record<Tool, string>>}
 */
export function requireEngine(engine, env = process.env) {
  const lookup = findEngine(engine, env)
  if (lookup.missing.length > 0) {
    throw new Error(`${engine}: ${howToInstall([lookup])} \`node scripts/ensure-browsers.mjs\` does it when run as root.`)
  }
  return lookup.paths
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

/** @param {string[]} args */
function runApt(args) {
  process.stderr.write(`ensure-browsers: running apt-get ${args.join(' ')}\n`)
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return result.status === 0
}

/**
 * @param {Engine[]} engines
 * @param {boolean} [quiet] print nothing when all is found
 */
function report(engines, quiet = false) {
  const lookups = engines.map((engine) => findEngine(engine))
  if (!quiet) {
    for (const lookup of lookups) {
      for (const tool of ENGINE_TOOLS[lookup.engine]) {
        const path = lookup.paths[tool]
        if (path !== undefined) process.stdout.write(`${lookup.engine.padEnd(8)} ${TOOLS[tool].label}: ${path}\n`)
      }
    }
  }
  return lookups
}

/**
 * @param {string[]} argv
 * @returns {number} the exit code
 */
function main(argv) {
  const unknown = argv.filter((arg) => !(/** @type {readonly string[]} */ (ENGINES).includes(arg)))
  if (unknown.length > 0) {
    process.stderr.write(`ensure-browsers: unknown engine ${unknown.join(', ')}; name any of ${ENGINES.join(', ')}, or none for all.\n`)
    return 2
  }
  const engines = argv.length === 0 ? [...ENGINES] : /** @type {Engine[]} */ (argv)
  const first = report(engines, true)
  if (first.every((lookup) => lookup.missing.length === 0)) {
    report(engines)
    return 0
  }
  // A wrong override is the caller's mistake: installing another browser would hide it.
  if (first.some((lookup) => lookup.overridden) || !isRoot() || lookUpOnPath('apt-get', process.env.PATH) === null) {
    process.stderr.write(`ensure-browsers: ${howToInstall(first)}\n`)
    return 1
  }
  const missing = first.flatMap((lookup) => lookup.missing.map((m) => m.label))
  process.stderr.write(
    `ensure-browsers: ${missing.join(', ')} not found; running as root, so installing Debian's packages: apt-get update && ${APT_COMMAND}\n`,
  )
  if (!runApt(['update']) || !runApt(['install', '-y', '--no-install-recommends', ...APT_PACKAGES])) {
    process.stderr.write(`ensure-browsers: apt-get failed. ${howToInstall(first)}\n`)
    return 1
  }
  const second = report(engines, true)
  if (second.some((lookup) => lookup.missing.length > 0)) {
    process.stderr.write(`ensure-browsers: apt-get finished, but something is still missing. ${howToInstall(second)}\n`)
    return 1
  }
  process.stderr.write(`ensure-browsers: installed ${APT_PACKAGES.join(', ')}\n`)
  report(engines)
  return 0
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = main(process.argv.slice(2))
}
