import { createOtpError } from '../errors.js'
import type { OtpAdapter } from '../types.js'
import { ondiAdapter } from './ondi.js'
import { oystrAdapter } from './oystr.js'

/**
 * The built-in back ends by name. Whatever reads this object ships both
 * adapters: pass `ondi` or `oystr` itself to ship one.
 */
export const adapters = { ondi: ondiAdapter, oystr: oystrAdapter } as const

/** A built-in back end's name. */
export type AdapterName = keyof typeof adapters

/** A built-in back end's name, or an adapter of the host's own. */
export type AdapterOption = AdapterName | OtpAdapter<any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** The adapter an option names. */
export function resolveAdapter(option: AdapterOption): OtpAdapter<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (typeof option === 'string') {
    // Own names only: `toString` or `constructor` would find Object's own.
    const found = Object.prototype.hasOwnProperty.call(adapters, option) ? adapters[option] : undefined
    if (!found) throw createOtpError({ kind: 'invalid_request', message: `Unknown adapter "${String(option)}": use "ondi", "oystr" or an OtpAdapter` })
    return found
  }
  return option
}
