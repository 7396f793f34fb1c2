// Markdown tables for the reports.

/** @param {string[]} header @param {Array<Array<string | number>>} rows */
export function table(header, rows) {
  const align = header.map((_, index) => (index === 0 ? '---' : '---:'))
  return [header, align, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')
}

/** @param {number} value */
export function ms(value) {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`
}
