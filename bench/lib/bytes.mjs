// Compressed sizes, as a server would send them: gzip at level 9, brotli at quality 11.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** @param {string | Uint8Array} data */
export function gzipSize(data) {
  return gzipSync(data, { level: 9 }).length
}

/** @param {string | Uint8Array} data */
export function brotliSize(data) {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: typeof data === 'string' ? Buffer.byteLength(data) : data.length,
    },
  }).length
}

/** @param {string | Uint8Array} data */
export function byteLength(data) {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.length
}

/** 1 kB = 1000 bytes. @param {number} bytes */
export function kB(bytes) {
  return `${(bytes / 1000).toFixed(2)} kB`
}
