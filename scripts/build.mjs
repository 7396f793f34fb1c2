#!/usr/bin/env node
// Builds the published package into dist/:
//   1. Vite library mode (ESM only), configured in vite.config.ts: one output file per
//      source module, 'use client' on the modules whose source has it, React's
//      module-level factory calls marked pure
//   2. tsc: declarations for src/ (tsconfig.build.json)
//   3. src/styles/otp.css minified into dist/styles.css
//   4. checks on the result: entries, directives, pure marks, declarations, no stray files
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'
import { build } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const USE_CLIENT = "'use client';"

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`build: ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`)
    process.exit(1)
  }
}

/** @param {string} dir @returns {string[]} */
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)))
    .sort()
}

/** @param {string} code */
const hasDirective = (code) => /^(['"])use client\1;?$/.test(code.split('\n', 1)[0] ?? '')

/**
 * The source module an output file was built from.
 * @param {string} file a path in dist/, `react/useOtpField.js`
 */
function sourceOf(file) {
  const base = join(root, 'src', file.replace(/\.js$/, ''))
  return ['.ts', '.tsx'].map((ext) => base + ext).find((path) => existsSync(path)) ?? null
}

/** Checks dist/ against package.json and the rules above; returns the problems found. */
function checkOutput() {
  const problems = []
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const targets = typeof target === 'string' ? [target] : Object.values(target)
    for (const file of targets) {
      if (!existsSync(join(root, file))) problems.push(`exports["${subpath}"] points at ${file}, which was not built`)
    }
  }
  const files = listFiles(dist)
  const clientModules = []
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(dist, file), 'utf8')
    const source = sourceOf(file)
    if (!source) {
      problems.push(`dist/${file} has no source module in src/: modules must not be merged or split`)
      continue
    }
    const directives = code.match(/^\s*['"]use client['"];?\s*$/gm)?.length ?? 0
    const wanted = /^\s*(['"])use client\1/.test(readFileSync(source, 'utf8'))
    // A module that calls React's hooks or factories runs only on the client.
    const usesReact = /import\s*\{[^}]*\b(use[A-Z]\w*|forwardRef|createContext|memo)\b[^}]*\}\s*from\s*['"]react['"]/.test(code)
    if (wanted) clientModules.push(file)
    if (wanted && (!hasDirective(code) || directives !== 1)) problems.push(`dist/${file} does not start with ${USE_CLIENT} once`)
    if (!wanted && directives !== 0) problems.push(`dist/${file} carries 'use client', which its source does not`)
    if (usesReact && !wanted) problems.push(`dist/${file} uses React hooks but its source lacks 'use client'`)
    if (wanted && (!file.includes('/') || file.startsWith('core/'))) problems.push(`dist/${file}: entries and core must be server-safe`)
    for (const line of code.match(/^(?:export\s+)?(?:const|let|var)\s+[\w$]+\s*=.*\b(?:forwardRef|createContext|memo)\s*\(.*$/gm) ?? []) {
      if (!/=\s*\/\*\s*[#@]__PURE__\s*\*\/\s*(?:React\.)?(?:forwardRef|createContext|memo)\s*\(/.test(line)) {
        problems.push(`dist/${file}: a module-level React factory call is not marked pure: ${line.trim().slice(0, 80)}`)
      }
    }
  }
  for (const file of files) {
    if (/mockServiceWorker/.test(file)) problems.push(`dist/${file}: the MSW worker must not be published`)
    if (/\.(test|spec|stories)\./.test(file)) problems.push(`dist/${file}: tests and stories must not be published`)
  }
  return { problems, files, clientModules }
}

const started = performance.now()
rmSync(dist, { recursive: true, force: true })

await build({ configFile: join(root, 'vite.config.ts') })

run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'])
// Minified: a host that copies the file as it is still ships a quarter less.
const css = await transform(readFileSync(join(root, 'src/styles/otp.css'), 'utf8'), { loader: 'css', minify: true })
writeFileSync(join(dist, 'styles.css'), css.code)

const { problems, files, clientModules } = checkOutput()
const seconds = ((performance.now() - started) / 1000).toFixed(1)
if (problems.length > 0) {
  console.error(`build: dist/ is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
const js = files.filter((f) => f.endsWith('.js'))
const dts = files.filter((f) => f.endsWith('.d.ts'))
console.log(
  `build: dist/ ready in ${seconds}s: ${js.length} .js, one per source module, ${dts.length} .d.ts, styles.css;` +
    ` 'use client' on ${clientModules.length} of them (components and hooks), none on the entries or core`,
)
