// Builds every subject with every bundler asked for and measures what came out.
import { brotliSize, byteLength, gzipSize, kB } from '../lib/bytes.mjs'
import { BUNDLERS, writeEntry } from './bundlers.mjs'
import { BUDGETS, HOST_PACKAGES, SUBJECTS, limitOf } from './subjects.mjs'

/**
 * @typedef {object} SizeResult
 * @property {string} name
 * @property {'otp-kit' | 'peer'} group
 * @property {string} bundler
 * @property {number} minified bytes, JS plus CSS
 * @property {number} gzip bytes, JS and CSS compressed apart and added up
 * @property {number} brotli bytes, likewise
 * @property {number} cssBrotli the stylesheet's share of `brotli`
 * @property {Array<{ module: string, bytes: number }>} modules
 * @property {string[]} imports
 * @property {string[]} present what the subject says must be absent, found in the bundle
 * @property {string | undefined} note
 */

/** @param {string} name */
const slugOf = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

/**
 * @param {import('./subjects.mjs').Subject} subject
 * @param {keyof typeof BUNDLERS} bundler
 * @returns {Promise<SizeResult>}
 */
export async function measureSubject(subject, bundler) {
  const entry = writeEntry(`${slugOf(subject.name)}-${bundler}`, subject.entry)
  const out = await BUNDLERS[bundler](entry, [...HOST_PACKAGES, ...(subject.alsoExternal ?? [])])
  if (subject.group === 'otp-kit' && !out.modules.some((m) => m.module.startsWith('otp-kit/dist/'))) {
    throw new Error(`size: ${bundler} built ${subject.name} without otp-kit/dist from the tarball`)
  }
  const leaked = out.modules.find((m) => /(^|\/)src\/(core|react|components)\//.test(m.module) && !m.module.includes('node_modules'))
  if (leaked) throw new Error(`size: ${bundler} took ${leaked.module} from the sources, not from the tarball`)
  const present = (subject.absent ?? []).filter(
    (what) => out.modules.some((m) => m.module.startsWith(what)) || out.imports.some((i) => i === what || i.startsWith(`${what}/`)),
  )
  const cssBrotli = out.css ? brotliSize(out.css) : 0
  return {
    name: subject.name,
    group: subject.group,
    bundler,
    minified: byteLength(out.js) + byteLength(out.css),
    gzip: gzipSize(out.js) + (out.css ? gzipSize(out.css) : 0),
    brotli: brotliSize(out.js) + cssBrotli,
    cssBrotli,
    modules: out.modules,
    imports: out.imports,
    present,
    note: subject.note,
  }
}

/**
 * Every subject with every bundler named, one build at a time (the machine is small).
 * @param {Array<keyof typeof BUNDLERS>} bundlers
 * @param {import('./subjects.mjs').Subject[]} [subjects]
 */
export async function measureSizes(bundlers, subjects = SUBJECTS) {
  /** @type {SizeResult[]} */
  const results = []
  for (const bundler of bundlers) for (const subject of subjects) results.push(await measureSubject(subject, bundler))
  return results
}

/**
 * @typedef {object} BudgetCheck
 * @property {string} name
 * @property {string} bundler
 * @property {number} brotli
 * @property {number} limit
 * @property {number} target
 * @property {boolean} ok
 */

/**
 * Each budget against each bundler's build of its subject.
 * @param {Array<{ name: string, bundler: string, brotli: number }>} results
 * @returns {BudgetCheck[]}
 */
export function checkBudgets(results) {
  return Object.entries(BUDGETS).flatMap(([name, budget]) => {
    const measured = results.filter((r) => r.name === name)
    if (measured.length === 0) throw new Error(`size: a budget names "${name}", which is not a measured subject`)
    return measured.map((r) => {
      const limit = limitOf(budget, r.bundler)
      return { name, bundler: r.bundler, brotli: r.brotli, limit, target: budget.target, ok: r.brotli <= limit }
    })
  })
}

/**
 * The lines of a per-module breakdown.
 * @param {SizeResult} result
 * @param {number} [top]
 */
export function breakdown(result, top = 8) {
  const total = result.modules.reduce((sum, m) => sum + m.bytes, 0)
  const lines = [`  ${result.name}, ${result.bundler} (${kB(result.minified)} minified, ${kB(result.brotli)} brotli):`]
  for (const m of result.modules.slice(0, top)) {
    lines.push(`    ${String(m.bytes).padStart(6)}  ${`${((m.bytes / total) * 100).toFixed(1)}%`.padStart(6)}  ${m.module}`)
  }
  const rest = result.modules.slice(top)
  if (rest.length > 0) lines.push(`    ${String(rest.reduce((s, m) => s + m.bytes, 0)).padStart(6)}  ${''.padStart(6)}  ${rest.length} more modules`)
  return lines
}
