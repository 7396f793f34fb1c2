// How the browser measurements run.

/** How many times each browser measurement repeats. */
export const RUNS = { keystrokeCommits: 3, keystrokeTime: 15, paste: 20, churnWarmUp: 30, churn: 1000 }
/** Time between two keys: a fast typist, and long enough for each key's own timers to run. */
export const KEY_GAP_MS = 100
export const COUNTDOWN_VISIBLE_MS = 5_000
export const COUNTDOWN_HIDDEN_MS = 60_000
export const CODE = '123456'
