// Countdown: ResendButton for 60 s in a background tab, where Chromium throttles timers.
import { setTimeout as sleep } from 'node:timers/promises'
import { open } from '../lib/browser.mjs'
import { log } from '../lib/session.mjs'
import { median, round } from '../lib/stats.mjs'
import { COUNTDOWN_HIDDEN_MS, COUNTDOWN_VISIBLE_MS } from './config.mjs'

/**
 * ResendButton counting down from 90 s: 5 s in a visible tab, then 60 s in a
 * background tab (another tab in front), where Chromium wakes timers at most
 * once a second. Commits per second come from a <Profiler> (profiling build);
 * drift compares the label with `deadline - now`, sampled from outside the page.
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 */
export async function measureCountdown(browser, base) {
  const context = browser.contexts()[0]
  if (!context) throw new Error('Chromium has no default context')
  const tab = context.pages()[0] ?? (await context.newPage())
  tab.on('pageerror', (error) => log(`page error (countdown): ${error.message}`))
  await open(tab, `${base}/profiling.html?scenario=countdown`)

  const counters = () =>
    tab.evaluate(() => ({ at: Date.now(), commits: window.bench.commits.resend ?? 0, wakes: window.bench.probeWakes }))
  const sample = () =>
    tab.evaluate(() => {
      const text = document.querySelector('[data-part="resend-button"]')?.textContent ?? ''
      const match = /(\d+):(\d\d)/.exec(text)
      const now = Date.now()
      return {
        shown: match ? Number(match[1]) * 60 + Number(match[2]) : null,
        truth: Math.max(0, Math.ceil((window.bench.deadline - now) / 1000)),
      }
    })
  /** @param {Awaited<ReturnType<typeof counters>>} from @param {Awaited<ReturnType<typeof counters>>} to */
  const rates = (from, to) => {
    const seconds = (to.at - from.at) / 1000
    return { commitsPerSecond: round((to.commits - from.commits) / seconds), probeWakesPerSecond: round((to.wakes - from.wakes) / seconds, 1) }
  }

  await sleep(500)
  const visibleStart = await counters()
  await sleep(COUNTDOWN_VISIBLE_MS)
  const visibleEnd = await counters()

  const front = await context.newPage()
  await front.bringToFront()
  const visibility = await tab.evaluate(() => document.visibilityState)
  const hiddenStart = await counters()
  /** @type {number[]} */
  const offBy = []
  while (Date.now() - hiddenStart.at < COUNTDOWN_HIDDEN_MS) {
    const { shown, truth } = await sample()
    if (shown === null) throw new Error('the resend button shows no countdown')
    offBy.push(shown - truth)
    await sleep(250)
  }
  const hiddenEnd = await counters()
  await tab.bringToFront()
  const onReturn = await sample()
  const changes = await tab.evaluate(() => ({ list: window.bench.labelChanges, deadline: window.bench.deadline }))
  await front.close()
  await tab.close()

  // How late each new second reached the screen: the label shows s from the
  // moment the time left drops to s seconds, that is from deadline - s * 1000.
  /** @param {number} from @param {number} to */
  const lags = (from, to) =>
    changes.list
      .filter((change) => change.at >= from && change.at <= to)
      .map((change) => {
        const match = /(\d+):(\d\d)/.exec(change.text)
        return match ? change.at - (changes.deadline - (Number(match[1]) * 60 + Number(match[2])) * 1000) : null
      })
      .filter((lag) => lag !== null)
  const visibleLags = lags(visibleStart.at, visibleEnd.at)
  const hiddenLags = lags(hiddenStart.at, hiddenEnd.at)
  const off = offBy.filter((value) => value !== 0)
  return {
    visibility,
    visible: { ...rates(visibleStart, visibleEnd), lagMs: { median: median(visibleLags), max: Math.max(...visibleLags) } },
    hidden: {
      seconds: round((hiddenEnd.at - hiddenStart.at) / 1000, 1),
      ...rates(hiddenStart, hiddenEnd),
      lagMs: { median: median(hiddenLags), max: Math.max(...hiddenLags) },
      samples: offBy.length,
      samplesOff: off.length,
      maxDriftSeconds: Math.max(0, ...offBy.map(Math.abs)),
    },
    onReturn: { shown: onReturn.shown, truth: onReturn.truth },
  }
}
