// The bench's report: Markdown tables, the per-module breakdown, and the
// change since the previous bench/results.json.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { kB } from './lib/bytes.mjs'
import { benchDir } from './lib/paths.mjs'
import { ratio } from './lib/stats.mjs'
import { ms, table } from './lib/table.mjs'
import { KEY_GAP_MS } from './measures/config.mjs'
import { breakdown } from './size/measure.mjs'

export const resultsFile = join(benchDir, 'results.json')

/** The bundlers as the size table names them, in its order. */
const COLUMNS = /** @type {const} */ ([['esbuild', 'esbuild'], ['vite', 'Vite 8'], ['webpack', 'webpack 5'], ['next', 'Next.js 16 (Turbopack)']])

/** @param {{ target: number, limits: Record<string, number>, ok: boolean }} budget */
function budgetCell(budget) {
  const held = Math.max(...Object.values(budget.limits))
  const state = budget.ok ? (held > budget.target ? 'held' : 'met') : '**over**'
  return `${kB(budget.target)} ${state}`
}

/**
 * The size table: brotli of each subject in each host, with its budget, and
 * the ratio of OtpInput to input-otp in each.
 * @param {any} sizes results.sizes
 */
export function formatSizes(sizes) {
  const lines = [
    '**Shipped size**, brotli, from the packed tarball installed into each host (minified, NODE_ENV=production; ' +
      "react, react-dom and @tanstack/react-query are the host's and not counted, except on Next.js, whose column " +
      'is route JS and CSS minus a bare page: a page that needs react-query ships it there; 1 kB = 1000 B)',
    '',
  ]
  /** @param {number | undefined} bytes */
  const cell = (bytes) => (bytes === undefined ? '' : kB(bytes))
  const rows = sizes.rows.map((/** @type {any} */ s) => [
    s.group === 'peer' ? `${s.name} (peer)` : `\`${s.name}\``,
    ...COLUMNS.map(([key]) => cell(s.brotli[key])),
    s.budget ? budgetCell(s.budget) : '',
  ])
  const ours = sizes.rows.find((/** @type {any} */ s) => s.name === 'OtpInput')
  const theirs = sizes.rows.find((/** @type {any} */ s) => s.name === 'input-otp')
  if (ours && theirs) rows.push(['`OtpInput` / input-otp', ...COLUMNS.map(([key]) => String(ratio(ours.brotli[key] ?? NaN, theirs.brotli[key] ?? NaN) ?? '')), ''])
  lines.push(table(['a host ships', ...COLUMNS.map(([, label]) => label), 'budget (brotli)'], rows))
  return lines
}

/** @returns {any} */
export function readPrevious() {
  if (!existsSync(resultsFile)) return null
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8'))
  } catch {
    return null
  }
}

/**
 * @param {any} r the results
 * @param {import('./size/measure.mjs').SizeResult[]} sizes
 */
export function formatReport(r, sizes) {
  const { keystroke: k, paste, countdown: c, churn } = r
  const lines = []
  lines.push(
    `otp-kit bench: Chromium ${r.environment.chromium}, Node ${r.environment.node}, ${r.environment.cpus} cores ` +
      `(load ${r.environment.loadAverageAtStart} at start; the countdown tab runs beside the other browser measurements).`,
  )
  lines.push('', ...formatSizes(r.sizes))
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

  lines.push('', 'Where the bytes go (esbuild, bytes of each module in the minified output, before compression):', '')
  for (const size of sizes.filter((s) => s.group === 'otp-kit' && s.bundler === 'esbuild')) lines.push(...breakdown(size, 12))
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
  for (const s of r.sizes?.rows ?? []) for (const [bundler, bytes] of Object.entries(s.brotli ?? {})) out.set(`size ${s.name}, ${bundler} (B brotli)`, Number(bytes))
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
export function formatChanges(previous, current) {
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
