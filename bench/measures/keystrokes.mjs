// Keystrokes: OtpInput beside input-otp's OTPInput on one page, React commits
// and main-thread time per key.
import { setTimeout as sleep } from 'node:timers/promises'
import { open } from '../lib/browser.mjs'
import { median, round } from '../lib/stats.mjs'
import { CODE, KEY_GAP_MS, RUNS } from './config.mjs'

/**
 * Types the code one key at a time into one side's input, from a fresh mount.
 * @param {import('playwright-core').Page} page
 * @param {'ours' | 'theirs'} side
 * @param {() => Promise<void>} before called once the field is focused and settled
 */
async function typeCode(page, side, before) {
  await page.evaluate(() => window.bench.remount())
  await page.focus(`#${side} input`)
  await sleep(150)
  await before()
  for (const key of CODE) {
    await page.keyboard.press(key)
    await sleep(KEY_GAP_MS)
  }
  await sleep(150)
  const value = await page.inputValue(`#${side} input`)
  if (value !== CODE) throw new Error(`typing into ${side} gave "${value}", not ${CODE}`)
}

/** @param {import('playwright-core').Page} page @param {string} base */
export async function measureKeystrokeCommits(page, base) {
  await open(page, `${base}/profiling.html?scenario=keys`)
  /** @type {{ ours: number[], theirs: number[] }} */
  const perKey = { ours: [], theirs: [] }
  for (let run = 0; run < RUNS.keystrokeCommits; run += 1) {
    for (const side of /** @type {const} */ (['ours', 'theirs'])) {
      await typeCode(page, side, () => page.evaluate(() => window.bench.resetCommits()))
      const count = await page.evaluate((id) => window.bench.commits[id] ?? 0, side)
      perKey[side].push(count / CODE.length)
    }
  }
  return { ours: round(median(perKey.ours)), theirs: round(median(perKey.theirs)) }
}

/**
 * Main-thread time of typing, as the renderer's own task and script time in
 * thread CPU time (CDP Performance metrics with threadTicks), so that other
 * work on a busy machine does not count. Ours and theirs alternate.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} base
 */
export async function measureKeystrokeTime(page, cdp, base) {
  await open(page, `${base}/prod.html?scenario=keys`)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  const metrics = async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics')
    /** @param {string} name */
    const value = (name) => list.find((metric) => metric.name === name)?.value ?? 0
    return {
      task: value('TaskDuration'),
      script: value('ScriptDuration'),
      styleLayout: value('RecalcStyleDuration') + value('LayoutDuration'),
    }
  }
  /** @typedef {{ task: number[], script: number[], styleLayout: number[] }} Samples */
  /** @type {Record<'ours' | 'theirs', Samples>} */
  const perKey = { ours: { task: [], script: [], styleLayout: [] }, theirs: { task: [], script: [], styleLayout: [] } }
  for (let run = 0; run < RUNS.keystrokeTime; run += 1) {
    for (const side of /** @type {const} */ (['ours', 'theirs'])) {
      let first = { task: 0, script: 0, styleLayout: 0 }
      await typeCode(page, side, async () => {
        first = await metrics()
      })
      const last = await metrics()
      perKey[side].task.push(((last.task - first.task) * 1000) / CODE.length)
      perKey[side].script.push(((last.script - first.script) * 1000) / CODE.length)
      perKey[side].styleLayout.push(((last.styleLayout - first.styleLayout) * 1000) / CODE.length)
    }
  }
  await cdp.send('Performance.disable')
  /** @param {Samples} side */
  const summary = (side) => ({
    task: round(median(side.task), 3),
    script: round(median(side.script), 3),
    styleLayout: round(median(side.styleLayout), 3),
  })
  return { ours: summary(perKey.ours), theirs: summary(perKey.theirs) }
}
