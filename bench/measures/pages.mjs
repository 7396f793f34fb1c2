// The bench page (bench/pages/main.tsx), built into the run's scratch directory.
import { copyFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { build } from 'esbuild'
import { benchDir, root } from '../lib/paths.mjs'
import { work } from '../lib/session.mjs'

const require = createRequire(import.meta.url)

/**
 * The page twice: for production, and against react-dom/profiling (the only
 * production-mode React in which <Profiler> reports commits).
 */
export async function buildPages() {
  const profilingDom = require.resolve('react-dom/profiling')
  /** @type {import('esbuild').Plugin} */
  const useProfilingDom = {
    name: 'react-dom-profiling',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^react-dom\/client$/ }, () => ({ path: profilingDom }))
    },
  }
  /** @param {string} name @param {import('esbuild').Plugin[]} plugins */
  const page = (name, plugins) =>
    build({
      entryPoints: [join(benchDir, 'pages/main.tsx')],
      absWorkingDir: root,
      bundle: true,
      outfile: join(work, `${name}.js`),
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins,
      logLevel: 'error',
      logOverride: { 'module-level-directive': 'silent' },
    })
  await Promise.all([page('prod', []), page('profiling', [useProfilingDom])])
  copyFileSync(join(benchDir, 'pages/instrument.js'), join(work, 'instrument.js'))
  copyFileSync(join(root, 'src/styles/otp.css'), join(work, 'otp.css'))
  copyFileSync(join(benchDir, 'pages/page.css'), join(work, 'page.css'))
  for (const name of ['prod', 'profiling']) {
    writeFileSync(
      join(work, `${name}.html`),
      '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>otp-kit bench</title>\n' +
        '<link rel="stylesheet" href="otp.css">\n<link rel="stylesheet" href="page.css">\n' +
        '<script src="instrument.js"></script>\n</head>\n<body>\n<div id="root"></div>\n' +
        `<script type="module" src="${name}.js"></script>\n</body>\n</html>\n`,
    )
  }
}
