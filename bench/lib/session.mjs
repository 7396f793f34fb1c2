// One bench run: a scratch directory, the cleanups to run at the end, progress lines.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { log as logAs } from './log.mjs'

export const work = mkdtempSync(join(tmpdir(), 'otp-kit-bench-'))
// Chromium may still be writing its profile for a moment after it exits: retry.
/** @type {Array<() => Promise<void> | void>} */
export const cleanups = [() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })]

/** @param {string} message */
export function log(message) {
  logAs('bench', message)
}

/** Runs the cleanups, last first; a failing one does not stop the others. */
export async function runCleanups() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup()
    } catch (error) {
      console.error(`bench: cleanup failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}
