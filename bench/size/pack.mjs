// The package as a user gets it: `npm pack`, then the tarball unpacked into
// .bench-hosts/node_modules/otp-kit, where the host entries import it by name.
// Peers resolve from the project's own node_modules one level up (offline).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hostsDir, root } from '../lib/paths.mjs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** @param {string} dir @returns {number} the newest mtime of any file below */
function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return latest
}

/** Builds dist/ when it is missing or older than src/ or the build's config. */
export function ensureBuilt() {
  const dist = join(root, 'dist')
  const inputs = Math.max(newest(join(root, 'src')), ...['vite.config.ts', 'scripts/build.mjs', 'package.json'].map((f) => statSync(join(root, f)).mtimeMs))
  if (existsSync(join(dist, 'index.js')) && newest(dist) >= inputs) return false
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('the library build failed')
  return true
}

/**
 * Packs the package and installs the tarball into the hosts' node_modules.
 * @returns {{ tarball: string, tarballBytes: number, files: number }}
 */
export function packIntoHosts() {
  ensureBuilt()
  rmSync(hostsDir, { recursive: true, force: true })
  const packDir = join(hostsDir, 'tarball')
  const installed = join(hostsDir, 'node_modules', 'otp-kit')
  mkdirSync(packDir, { recursive: true })
  mkdirSync(installed, { recursive: true })
  const packed = spawnSync(npm, ['pack', '--json', '--silent', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' })
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`)
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')))
  const tarball = join(packDir, info.filename)
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], { encoding: 'utf8' })
  if (untar.status !== 0) throw new Error(`unpacking ${info.filename} failed:\n${untar.stderr}`)
  // The hosts are apps of their own: no path aliases from the project's tsconfig.json.
  writeFileSync(join(hostsDir, 'tsconfig.json'), '{ "compilerOptions": {} }\n')
  writeFileSync(join(hostsDir, 'package.json'), '{ "name": "otp-kit-bench-hosts", "private": true, "type": "module" }\n')
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))
  if (pkg.name !== 'otp-kit') throw new Error('the tarball holds no otp-kit package.json')
  return { tarball, tarballBytes: statSync(tarball).size, files: info.files.length }
}
