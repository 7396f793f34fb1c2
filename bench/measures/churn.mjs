// Mount churn: OtpVerification mounted and unmounted 1,000 times; what is left.
import { setTimeout as sleep } from 'node:timers/promises'
import { open } from '../lib/browser.mjs'
import { round } from '../lib/stats.mjs'
import { RUNS } from './config.mjs'

/**
 * Mounts and unmounts OtpVerification 1,000 times (a third with a countdown
 * running, a third with a resend in flight, a third with a verify in flight;
 * the stub back end never answers), then counts what is left and how much
 * the heap grew, each after a forced GC.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} base
 */
export async function measureChurn(page, cdp, base) {
  await open(page, `${base}/prod.html?scenario=churn`)
  await page.evaluate(() => {
    window.__ledger.backend.mode = 'hang'
  })
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
  await page.evaluate((count) => window.bench.churn(count), RUNS.churnWarmUp)
  await sleep(200)
  const heapBefore = await heap()
  const mark = await page.evaluate(() => window.__ledger.mark())
  const churnStarted = performance.now()
  const { requestsStarted } = await page.evaluate((count) => window.bench.churn(count), RUNS.churn)
  const churnMs = performance.now() - churnStarted
  // Long enough for anything that was going to settle by itself (timeouts of 0-50 ms, aborts).
  await sleep(300)
  const left = await page.evaluate((since) => window.__ledger.leftSince(since), mark)
  const heapAfter = await heap()
  return {
    mounts: RUNS.churn,
    requestsStarted,
    msPerMount: round(churnMs / RUNS.churn),
    timersLeft: left.timers,
    listenersLeft: left.listeners,
    requestsInFlight: left.requests,
    leftDetail: left.detail,
    heapGrowthBytes: heapAfter - heapBefore,
  }
}
