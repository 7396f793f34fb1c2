#!/usr/bin/env node
// `npm run size`: the size budgets. Builds each budgeted entry as a host's
// bundler would (bench/sizes.mjs, the same code `npm run bench` measures with)
// and fails when one is over its limit. The limits live in BUDGETS there.
import { BUDGETS, SUBJECTS, checkBudgets, kB, measureSizes } from '../bench/sizes.mjs'

const started = performance.now()
const budgeted = SUBJECTS.filter((subject) => subject.name in BUDGETS)
const checks = checkBudgets(await measureSizes(budgeted))
const width = Math.max(...checks.map((check) => check.name.length))

for (const check of checks) {
  console.log(`  ${check.ok ? 'ok  ' : 'OVER'} ${check.name.padEnd(width)}  ${kB(check.brotli).padStart(9)} brotli  (limit ${kB(check.limit)})`)
}

const over = checks.filter((check) => !check.ok)
const seconds = ((performance.now() - started) / 1000).toFixed(1)
if (over.length > 0) {
  console.error('')
  for (const check of over) {
    console.error(
      `size: ${check.name} is ${kB(check.brotli)} brotli, over its limit of ${kB(check.limit)} ` +
        `by ${kB(check.brotli - check.limit)}.`,
    )
  }
  console.error('size: run `npm run bench` to see which modules the bytes come from (limits: BUDGETS in bench/sizes.mjs).')
  process.exitCode = 1
} else {
  console.log(`size: every entry within its budget (${seconds}s)`)
}
