// The host bundlers: each builds one entry module from .bench-hosts/ the way an
// app's production build would (minified, NODE_ENV=production), with the
// host's own packages external, and says what it emitted and from which modules.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build as esbuild } from 'esbuild'
import { hostsDir } from '../lib/paths.mjs'
import { HOST_PACKAGES } from './subjects.mjs'

/**
 * @typedef {object} Bundle
 * @property {string} js every JavaScript file it emitted, joined
 * @property {string} css every stylesheet, joined ('' when none)
 * @property {Array<{ module: string, bytes: number }>} modules the modules in the output, by package path
 *   (`otp-kit/dist/core/errors.js`), with their bytes where the bundler tells them, largest first
 * @property {string[]} imports the packages the output still imports (the host's own)
 */

/**
 * @callback Bundler
 * @param {string} entry path of the entry module
 * @param {string[]} external packages to leave out
 * @returns {Promise<Bundle>}
 */

/** @param {string[]} names */
function externalTest(names) {
  return (/** @type {string} */ id) => names.some((name) => id === name || id.startsWith(`${name}/`))
}

/** A module's name from a path: the part after the last node_modules/. @param {string} path */
export function moduleName(path) {
  const clean = path.replace(/^\0/, '').replace(/\?.*$/, '')
  const at = clean.lastIndexOf('node_modules/')
  return at === -1 ? clean : clean.slice(at + 'node_modules/'.length)
}

/** @param {Array<{ module: string, bytes: number }>} list */
const bySize = (list) => list.filter((m) => m.bytes > 0).sort((a, b) => b.bytes - a.bytes)

/** @type {Bundler} */
export async function bundleWithEsbuild(entry, external) {
  const result = await esbuild({
    entryPoints: [entry],
    absWorkingDir: hostsDir,
    bundle: true,
    write: false,
    outdir: join(hostsDir, 'out/esbuild'),
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    external: external.flatMap((name) => [name, `${name}/*`]),
    logLevel: 'silent',
  })
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n')
  const css = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('\n')
  const modules = []
  const imports = new Set()
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) modules.push({ module: moduleName(path), bytes: input.bytesInOutput })
    for (const imported of output.imports) if (imported.external) imports.add(imported.path)
  }
  return { js, css, modules: bySize(modules), imports: [...imports] }
}

/** @type {Bundler} */
export async function bundleWithVite(entry, external) {
  const { build } = await import('vite')
  const isExternal = externalTest(external)
  const output = await build({
    configFile: false,
    root: hostsDir,
    logLevel: 'silent',
    mode: 'production',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      cssMinify: true,
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: entry,
        external: (id) => isExternal(id),
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es' },
      },
    },
  })
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []))
  let js = ''
  let css = ''
  const modules = []
  const imports = new Set()
  for (const file of outputs) {
    if (file.type === 'chunk') {
      js += `${file.code}\n`
      for (const [id, info] of Object.entries(file.modules)) modules.push({ module: moduleName(id), bytes: info.renderedLength })
      for (const imported of file.imports) if (isExternal(imported)) imports.add(imported)
    } else if (file.fileName.endsWith('.css')) {
      css += `${typeof file.source === 'string' ? file.source : Buffer.from(file.source).toString('utf8')}\n`
    }
  }
  return { js, css, modules: bySize(modules), imports: [...imports] }
}

let webpackRuns = 0

/** @type {Bundler} */
export async function bundleWithWebpack(entry, external) {
  const { default: webpack } = await import('webpack')
  const isExternal = externalTest(external)
  const outDir = join(hostsDir, 'out', `webpack-${(webpackRuns += 1)}`)
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  /** @type {import('webpack').Configuration} */
  const config = {
    mode: 'production',
    context: hostsDir,
    entry,
    devtool: false,
    output: { path: outDir, filename: 'main.js', module: true, library: { type: 'module' }, chunkFormat: 'module' },
    experiments: { outputModule: true, css: true },
    externalsType: 'module',
    externals: [({ request }, callback) => (request && isExternal(request) ? callback(undefined, request) : callback())],
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  }
  const stats = await new Promise((resolve, reject) => {
    webpack(config, (error, result) => {
      if (error || !result) reject(error ?? new Error('webpack gave no stats'))
      else if (result.hasErrors()) reject(new Error(result.toString({ all: false, errors: true })))
      else resolve(result)
    })
  })
  const json = /** @type {import('webpack').Stats} */ (stats).toJson({ all: false, modules: true, nestedModules: true })
  /** @type {Array<{ module: string, bytes: number }>} */
  const modules = []
  const walk = (/** @type {any[]} */ list) => {
    for (const m of list ?? []) {
      if (m.modules) walk(m.modules)
      else if (m.name && !m.name.startsWith('external ') && !m.name.startsWith('webpack/')) modules.push({ module: moduleName(m.name.replace(/^\.\//, '')), bytes: m.size ?? 0 })
    }
  }
  walk(json.modules ?? [])
  const files = readdirSync(outDir)
  const read = (/** @type {string} */ ext) => files.filter((f) => f.endsWith(ext)).map((f) => readFileSync(join(outDir, f), 'utf8')).join('\n')
  const js = read('.js')
  const imports = [...new Set([...js.matchAll(/from\s*["']([^"']+)["']|import\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2] ?? '').filter(isExternal))]
  return { js, css: read('.css'), modules: bySize(modules), imports }
}

/** The bundlers by name, in the order the tables show them. */
export const BUNDLERS = { esbuild: bundleWithEsbuild, vite: bundleWithVite, webpack: bundleWithWebpack }

/**
 * Writes a subject's entry module into .bench-hosts/entries/.
 * @param {string} slug
 * @param {string} source
 */
export function writeEntry(slug, source) {
  const dir = join(hostsDir, 'entries')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${slug}.js`)
  writeFileSync(file, `${source}\n`)
  return file
}

export { HOST_PACKAGES }
