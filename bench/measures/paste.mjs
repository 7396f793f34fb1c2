// Paste to request: a pasted code to the verify request leaving.
import { setTimeout as sleep } from 'node:timers/promises'
import { open } from '../lib/browser.mjs'
import { median, round } from '../lib/stats.mjs'
import { CODE, RUNS } from './config.mjs'

/**
 * A full code pasted with Ctrl+V into OtpVerification: time from the paste
 * event to the stub fetch being called, and how many verify requests left.
 * @param {import('playwright-core').Page} page
 * @param {string} base
 */
export async function measurePaste(page, base) {
  await open(page, `${base}/prod.html?scenario=paste`)
  await page.evaluate((code) => navigator.clipboard.writeText(code), CODE)
  /** @type {number[]} */
  const times = []
  /** @type {number[]} */
  const requests = []
  for (let run = 0; run < RUNS.paste; run += 1) {
    await page.evaluate(() => window.bench.remount())
    await page.focus('input')
    await sleep(50)
    await page.keyboard.press('Control+V')
    await sleep(300)
    const result = await page.evaluate(() => {
      const pastedAt = window.bench.pastedAt
      const verifies = window.__ledger.calls.filter((call) => call.at >= pastedAt && call.url.includes('verify-otp'))
      const first = verifies[0]
      return { pastedAt, ms: first ? first.at - pastedAt : null, count: verifies.length }
    })
    if (result.pastedAt === 0) throw new Error('Ctrl+V fired no paste event')
    if (result.ms !== null) times.push(result.ms)
    requests.push(result.count)
  }
  return {
    runs: RUNS.paste,
    medianMs: times.length ? round(median(times)) : null,
    maxMs: times.length ? round(Math.max(...times)) : null,
    requestsPerPaste: { min: Math.min(...requests), max: Math.max(...requests) },
  }
}
