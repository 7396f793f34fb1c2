#!/usr/bin/env node
// `npm run size` (a step of `npm test`): the size budgets, measured on what
// ships. Packs the package, installs the tarball into small host entries under
// .bench-hosts/ and bundles each with esbuild and Vite (bench/size/). Fails when
// a budget breaks or when a module an entry must not pull is in its bundle, and
// says which modules the bytes come from. `npm run bench` adds webpack and Next.js.
import { kB } from '../bench/lib/bytes.mjs'
import { breakdown, checkBudgets, measureSizes } from '../bench/size/measure.mjs'
import { packIntoHosts } from '../bench/size/pack.mjs'
import { BUDGETS, SUBJECTS } from '../bench/size/subjects.mjs'

const started = performance.now()
const pack = packIntoHosts()
console.log(`size: packed ${pack.files} files (${kB(pack.tarballBytes)} tarball), installed into .bench-hosts/`)

const subjects = SUBJECTS.filter((subject) => subject.name in BUDGETS)
const results = await measureSizes(['esbuild', 'vite'], subjects)
const checks = checkBudgets(results)
const width = Math.max(...checks.map((check) => `${check.name}, ${check.bundler}`.length))
for (const check of checks) {
  const label = `${check.name}, ${check.bundler}`.padEnd(width)
  const held = check.limit > check.target ? ` (held; target ${kB(check.target)})` : ''
  console.log(`  ${check.ok ? 'ok  ' : 'OVER'} ${label}  ${kB(check.brotli).padStart(9)} brotli  limit ${kB(check.limit)}${held}`)
}

const over = checks.filter((check) => !check.ok)
const leaks = results.filter((result) => result.present.length > 0)
for (const result of leaks) {
  console.error(`size: ${result.name} (${result.bundler}) must not pull ${result.present.join(', ')}, and its bundle has it.`)
}
for (const check of over) {
  console.error(`size: ${check.name} (${check.bundler}) is ${kB(check.brotli)} brotli, over its limit of ${kB(check.limit)} by ${kB(check.brotli - check.limit)}.`)
}
// Where the bytes come from: every subject over budget or leaking, else the smallest two.
const shown = over.length + leaks.length > 0
  ? results.filter((r) => r.bundler === 'esbuild' && (over.some((c) => c.name === r.name) || leaks.some((l) => l.name === r.name)))
  : results.filter((r) => r.bundler === 'esbuild').slice(0, 2)
console.log('\nwhere the bytes come from (esbuild, bytes of each module in the minified output):')
for (const result of shown) console.log(breakdown(result).join('\n'))

const seconds = ((performance.now() - started) / 1000).toFixed(1)
if (over.length + leaks.length > 0) {
  console.error('\nsize: failed (limits: BUDGETS in bench/size/subjects.mjs; `npm run bench` for every bundler and subject).')
  process.exitCode = 1
} else {
  console.log(`\nsize: every budget holds in esbuild and Vite, from the tarball (${seconds}s)`)
}
