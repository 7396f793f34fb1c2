// The library build (Vite library mode): one ESM file per source module under dist/,
// so a host's bundler keeps only the modules a page imports. `npm run build`
// (scripts/build.mjs) runs it, then writes the declarations and the stylesheet and
// checks the result. Storybook has its own config (.storybook/vite.config.ts), the
// demo its own (demo/vite.config.ts), the tests theirs (vitest.config.ts).
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Public entries: name → source. The name is the file name in dist/. */
export const entries = {
  index: 'src/index.ts',
  headless: 'src/headless.ts',
  'react-hook-form': 'src/react-hook-form.ts',
  testing: 'src/testing.ts',
}

const externalPackages = ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', 'msw']
const nodeBuiltins = new Set(builtinModules)

function isExternal(id: string): boolean {
  if (id.startsWith('node:') || nodeBuiltins.has(id)) return true
  return externalPackages.some((name) => id === name || id.startsWith(`${name}/`))
}

const USE_CLIENT = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(['"])use client\1;?/

/**
 * Bundlers drop module-level directives. Each output file is one source module
 * here, so each gets back the `'use client'` its source starts with, and no
 * other file gets one: not the entries (barrels), not core. Next.js then sees
 * each component and hook as its own client reference, and a page ships only
 * the ones it renders.
 */
function useClientPerModule(): Plugin {
  return {
    name: 'otp-kit:use-client-per-module',
    apply: 'build',
    renderChunk(code, chunk) {
      const source = chunk.facadeModuleId
      if (!source || !/\.[cm]?[jt]sx?$/.test(source)) return null
      const wants = USE_CLIENT.test(readFileSync(source, 'utf8'))
      const stripped = code.replace(/^\s*(['"])use client\1;?[ \t]*\r?\n?/, '')
      return { code: wants ? `'use client';\n${stripped}` : stripped, map: null }
    },
  }
}

/**
 * Marks the module-level calls of React's factories as pure: esbuild and webpack
 * cannot tell that `forwardRef(...)`, `createContext(...)` or `memo(...)` has no
 * side effect, and would keep an unused component for it.
 */
function pureReactFactories(): Plugin {
  const call = /^((?:export\s+)?(?:const|let|var)\s+[\w$]+\s*=\s*)(?!\/\*\s*[#@]__PURE__)((?:React\.)?(?:forwardRef|createContext|memo)\s*\()/gm
  return {
    name: 'otp-kit:pure-react-factories',
    apply: 'build',
    renderChunk(code) {
      const marked = code.replace(call, '$1/* @__PURE__ */ $2')
      return marked === code ? null : { code: marked, map: null }
    },
  }
}

export default defineConfig({
  root: here('.'),
  publicDir: false,
  logLevel: 'warn',
  plugins: [react(), useClientPerModule(), pureReactFactories()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, here(file)])),
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        preserveModules: true,
        preserveModulesRoot: here('src'),
        entryFileNames: '[name].js',
      },
    },
  },
})
