#!/usr/bin/env node
// `npm run test:fuzz`: the property tests of the unit project with their big
// counts (test/fuzz.ts) on one random seed, then a summary: inputs per
// property, the seed and the time. `OTP_FUZZ_SEED=<seed>` replays a run.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const seed = process.env.OTP_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31))
const workDir = mkdtempSync(join(tmpdir(), 'otp-kit-fuzz-'))
const report = join(workDir, 'fuzz.jsonl')

// Every test file that runs its properties through test/fuzz.ts.
const files = readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.tsx?$/.test(file) && !file.startsWith('browser') && !file.startsWith('e2e') && !file.startsWith('ssr'))
  .map((file) => join(root, 'test', file))
  .filter((file) => /from '(?:\.\.\/)+fuzz'/.test(readFileSync(file, 'utf8')))
  .map((file) => relative(root, file))

console.log(`fuzz: seed ${seed}, ${files.length} files: ${files.join(', ')}\n`)
const started = performance.now()
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, OTP_FUZZ: '1', OTP_FUZZ_SEED: seed, OTP_FUZZ_REPORT: report } },
)
const seconds = ((performance.now() - started) / 1000).toFixed(0)

/** @type {Array<{ name: string, runs: number, seconds: number }>} */
const lines = existsSync(report)
  ? readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))
  : []
rmSync(workDir, { recursive: true, force: true })

console.log('\n==== fuzz summary ====\n')
for (const line of lines) console.log(`  ${String(line.runs).padStart(8)} inputs  ${String(line.seconds).padStart(6)} s  ${line.name}`)
const total = lines.reduce((sum, line) => sum + line.runs, 0)
const ok = result.status === 0
console.log(`\n${lines.length} properties, ${total} inputs, seed ${seed}, ${seconds} s: ${ok ? 'all passed' : 'FAILED'}`)
if (!ok) console.log(`Replay with: OTP_FUZZ_SEED=${seed} npm run test:fuzz`)
process.exitCode = ok ? 0 : 1
