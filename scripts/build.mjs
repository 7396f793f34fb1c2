#!/usr/bin/env node
// Builds the published package into dist/:
//   1. Vite library mode (ESM only): one file per public entry, shared chunks under dist/chunks/
//   2. tsc: declarations for src/ (tsconfig.build.json)
//   3. src/styles/otp.css minified into dist/styles.css
//   4. checks on the result: entries, directives, declarations, no stray files
// The Vite config lives here rather than in vite.config.ts so that Storybook and
// the demo, which read vite.config.ts, never inherit library-mode settings.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { transform } from 'esbuild'
import { build } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')

/** Public entries: name → source. The name is the file name in dist/. */
const entries = {
  index: 'src/index.ts',
  headless: 'src/headless.ts',
  'react-hook-form': 'src/react-hook-form.ts',
  testing: 'src/testing.ts',
}

/**
 * Entries that React Server Components must treat as client modules. The testing
 * entry is left out: it holds the sandbox, MSW handlers and a node server.
 */
const clientEntries = new Set(['index', 'headless', 'react-hook-form'])
const USE_CLIENT = "'use client';"

const externalPackages = ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', 'msw']
const nodeBuiltins = new Set(builtinModules)

/** @param {string} id */
function isExternal(id) {
  if (id.startsWith('node:') || nodeBuiltins.has(id)) return true
  return externalPackages.some((name) => id === name || id.startsWith(`${name}/`))
}

/**
 * Bundlers drop module-level directives such as 'use client' (they only mean
 * something at the top of a file). Put the directive back at the top of each
 * client entry chunk, once.
 * @returns {import('vite').Plugin}
 */
function useClientDirective() {
  return {
    name: 'otp-kit:use-client',
    apply: 'build',
    renderChunk(code, chunk) {
      if (!chunk.isEntry || !clientEntries.has(chunk.name)) return null
      const withoutDirective = code.replace(/^\s*(['"])use client\1;?[ \t]*\r?\n?/, '')
      return { code: `${USE_CLIENT}\n${withoutDirective}`, map: null }
    },
  }
}

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
  for (const name of Object.keys(entries)) {
    const code = readFileSync(join(dist, `${name}.js`), 'utf8')
    const firstLine = code.split('\n', 1)[0]
    const directives = code.match(/^\s*['"]use client['"];?\s*$/gm)?.length ?? 0
    if (clientEntries.has(name)) {
      if (!/^(['"])use client\1;?$/.test(firstLine ?? '')) problems.push(`dist/${name}.js does not start with ${USE_CLIENT}`)
      if (directives !== 1) problems.push(`dist/${name}.js has ${directives} 'use client' directives, expected 1`)
    } else if (directives !== 0) {
      problems.push(`dist/${name}.js is a server-safe entry but carries 'use client'`)
    }
  }
  const files = listFiles(dist)
  for (const file of files) {
    if (/mockServiceWorker/.test(file)) problems.push(`dist/${file}: the MSW worker must not be published`)
    if (/\.(test|spec|stories)\./.test(file)) problems.push(`dist/${file}: tests and stories must not be published`)
  }
  return { problems, files }
}

const started = performance.now()
rmSync(dist, { recursive: true, force: true })

await build({
  root,
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  plugins: [react(), useClientDirective()],
  build: {
    outDir: dist,
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(root, file)])),
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
})

run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'])
// Minified: a host that copies the file as it is still ships a quarter less.
const css = await transform(readFileSync(join(root, 'src/styles/otp.css'), 'utf8'), { loader: 'css', minify: true })
writeFileSync(join(dist, 'styles.css'), css.code)

const { problems, files } = checkOutput()
const seconds = ((performance.now() - started) / 1000).toFixed(1)
if (problems.length > 0) {
  console.error(`build: dist/ is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
const js = files.filter((f) => f.endsWith('.js'))
const dts = files.filter((f) => f.endsWith('.d.ts'))
console.log(
  `build: dist/ ready in ${seconds}s: ${js.length} .js (${js.filter((f) => !f.startsWith('chunks/')).join(', ')}` +
    ` + ${js.filter((f) => f.startsWith('chunks/')).length} shared chunks), ${dts.length} .d.ts, styles.css;` +
    ` 'use client' on ${[...clientEntries].join(', ')}`,
)
