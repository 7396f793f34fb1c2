/**
 * Countdown maths. Deadlines are absolute epoch milliseconds, never a counter
 * decremented by a timer: a background tab's timers are throttled, so only
 * `deadline - now` tells the truth after the tab wakes up.
 */

/** Whole seconds left until `deadline`, rounded up, never negative. */
export function secondsUntil(deadline: number | null | undefined, now: number): number {
  if (deadline == null || !Number.isFinite(deadline)) return 0
  const ms = deadline - now
  return ms > 0 ? Math.ceil(ms / 1000) : 0
}

/**
 * Milliseconds until the shown number of seconds changes, so a timer wakes
 * once per displayed second instead of polling.
 */
export function msUntilNextTick(deadline: number, now: number): number {
  const ms = deadline - now
  if (ms <= 0) return 0
  return ms % 1000 || 1000
}

/**
 * The longest countdown the kit will show; a larger server value is treated
 * as this. An hour keeps the countdown `m:ss` and the sentence in minutes
 * ("Resend in 60:00", not "1440:00"); a server still limiting after it
 * answers the next resend with another 429 and what is left of its wait.
 */
export const MAX_WAIT_SECONDS = 60 * 60

/**
 * Reads a wait from a server (`wait_time`, `Retry-After`): a number of seconds,
 * or a string of one; `null` when absent or not a usable number. Zero and
 * negative waits mean "now"; huge ones are capped to {@link MAX_WAIT_SECONDS}.
 */
export function parseWaitSeconds(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  if (!Number.isFinite(n)) return null
  return Math.min(Math.max(0, Math.ceil(n)), MAX_WAIT_SECONDS)
}

/**
 * Reads an HTTP `Retry-After` header: delay-seconds or an HTTP date.
 * `null` when absent, unreadable or already past.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  if (!header) return null
  const seconds = parseWaitSeconds(header)
  if (seconds !== null) return seconds
  const date = Date.parse(header)
  if (Number.isNaN(date)) return null
  return parseWaitSeconds((date - now) / 1000)
}
