// Progress lines on stderr, with the seconds since the process started.
const started = performance.now()

/** @param {string} scope @param {string} message */
export function log(scope, message) {
  const at = ((performance.now() - started) / 1000).toFixed(1).padStart(5)
  process.stderr.write(`${scope} ${at}s  ${message}\n`)
}

/** Seconds since the process started. */
export function elapsed() {
  return Number(((performance.now() - started) / 1000).toFixed(1))
}
