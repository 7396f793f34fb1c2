// Small statistics for repeated measurements.

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return NaN
  const at = (/** @type {number} */ index) => sorted[index] ?? NaN
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2
}

/** @param {number} value @param {number} [digits] */
export function round(value, digits = 2) {
  return Number(value.toFixed(digits))
}

/** @param {number} ours @param {number} theirs */
export function ratio(ours, theirs) {
  return theirs === 0 ? null : round(ours / theirs)
}
