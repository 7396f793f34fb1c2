// Where the bench keeps things.
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const benchDir = join(root, 'bench')
/** Host apps built from the packed tarball; gitignored, rebuilt on every run. */
export const hostsDir = join(root, '.bench-hosts')
