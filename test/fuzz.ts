/**
 * How many inputs each property test runs. `npm test` runs a modest count on
 * a fixed seed, so every run checks the same inputs and stays fast;
 * `npm run test:fuzz` (scripts/fuzz.mjs) sets `OTP_FUZZ=1` and runs the big
 * counts on one random seed, printed so that a failure can be replayed with
 * `OTP_FUZZ_SEED=<seed> npm run test:fuzz`.
 */
import { appendFileSync } from 'node:fs'
import fc from 'fast-check'

/** Whether this is the long run of `npm run test:fuzz`. */
export const FUZZ = process.env.OTP_FUZZ === '1'

/** The seed of the long run: `OTP_FUZZ_SEED` when given, else a random one. */
const fuzzSeed = Number(process.env.OTP_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** How many inputs a property runs, and from which seed. */
export interface PropertyRuns {
  /** The seed of `npm test`: every run checks the same inputs. */
  seed: number
  /** Inputs under `npm test`. */
  runs: number
  /** Inputs under `npm run test:fuzz`. */
  fuzzRuns: number
}

/** A test timeout that fits both counts: none under `npm run test:fuzz`. */
export function propertyTimeout(ms: number): number {
  return FUZZ ? 24 * 60 * 60 * 1000 : ms
}

/**
 * Checks a property with the counts of this run and fails with fast-check's
 * report (the shrunk counterexample, its seed and path). Under
 * `npm run test:fuzz` it prints how many inputs ran, and appends the same to
 * the file named by `OTP_FUZZ_REPORT` for the script's summary.
 */
export async function checkProperty<Ts>(
  name: string,
  property: fc.IRawProperty<Ts>,
  { seed, runs, fuzzRuns }: PropertyRuns,
  parameters: fc.Parameters<Ts> = {},
): Promise<void> {
  const started = performance.now()
  const details = await fc.check(property, { ...parameters, seed: FUZZ ? fuzzSeed : seed, numRuns: FUZZ ? fuzzRuns : runs })
  const seconds = (performance.now() - started) / 1000
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? `\n\n${details.errorInstance.message}` : ''
    throw new Error(`${name}\n${fc.defaultReportMessage(details)}${cause}`)
  }
  if (!FUZZ) return
  const line = { name, runs: details.numRuns, skipped: details.numSkips, seed: details.seed, seconds: Number(seconds.toFixed(1)) }
  console.info(`fuzz: ${name}: ${line.runs} inputs in ${line.seconds} s (seed ${line.seed})`)
  if (process.env.OTP_FUZZ_REPORT) appendFileSync(process.env.OTP_FUZZ_REPORT, `${JSON.stringify(line)}\n`)
}
