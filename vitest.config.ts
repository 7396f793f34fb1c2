import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import react from '@vitejs/plugin-react'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import { CHROMIUM_ARGS, findChromium } from './scripts/ensure-chromium.mjs'
import { checkReact18, REACT18_DIR } from './scripts/ensure-react18.mjs'

const root = fileURLToPath(new URL('.', import.meta.url))

/**
 * Vitest evaluates this file once per project that extends it: say each thing
 * once per process.
 */
function sayOnce(key: string, say: () => void) {
  const flag = `OTP_KIT_VITEST_SAID_${key}`
  if (process.env[flag] === '1') return
  process.env[flag] = '1'
  say()
}

const chromium = findChromium()
if (chromium.path === null) {
  sayOnce('NO_CHROMIUM', () => console.warn(
    `vitest: no Chromium (${chromium.source}); the browser and storybook projects will fail. ` +
      'Run `node scripts/ensure-chromium.mjs` to install it or to see how.',
  ))
}

/** Vitest browser mode on the system Chromium; never Playwright's own download. */
function chromiumBrowser() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: {
        ...(chromium.path === null ? {} : { executablePath: chromium.path }),
        args: CHROMIUM_ARGS,
      },
    }),
    instances: [{ browser: 'chromium' as const }],
    api: { host: '127.0.0.1' },
    screenshotFailures: false,
  }
}

/** True when stories/ holds at least one *.stories.tsx file. */
function hasStories(dir = join(root, 'stories')): boolean {
  if (!existsSync(dir)) return false
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith('.stories.tsx'))
}

/**
 * React 18 lives apart from the project's React 19, in compat/react18 with its
 * own lockfile; `node scripts/ensure-react18.mjs` installs it (`npm test` and
 * .ci/run do). Types stay React 19's.
 */
const react18Modules = join(REACT18_DIR, 'node_modules')
const react18 = checkReact18()
if (!react18.ok) {
  sayOnce('NO_REACT18', () => console.warn(
    `vitest: ${react18.reason}; the unit-react18 and ssr-react18 projects will fail. ` +
      'Run `node scripts/ensure-react18.mjs` to install it.',
  ))
}

function nameOf(project: TestProjectInlineConfiguration): string | undefined {
  const name = project.test?.name
  return typeof name === 'object' ? name.label : name
}

/**
 * Tests that load no React at all: src/core is kept free of it by a lint rule,
 * and the sandbox never had any. On React 18 they would run the same code again.
 */
const reactFreeTests = ['test/core/**', 'test/testing/**', 'test/readme.test.ts']

/** The same project on React 18: `react`, `react-dom` and every subpath of theirs point into compat/react18. */
function onReact18(project: TestProjectInlineConfiguration): TestProjectInlineConfiguration {
  return {
    ...project,
    resolve: {
      alias: [
        { find: /^(react|react-dom)(\/.*)?$/, replacement: `${react18Modules}/$1$2` },
        // Its `main` is CommonJS, whose `require('react-dom')` Node would answer with 19.
        {
          find: /^@testing-library\/react$/,
          replacement: join(root, 'node_modules/@testing-library/react/dist/@testing-library/react.esm.js'),
        },
      ],
    },
    test: {
      ...project.test,
      name: `${nameOf(project)}-react18`,
      exclude: [...(project.test?.exclude ?? []), ...reactFreeTests],
      provide: { reactMajor: 18 },
      server: {
        // Through Vite rather than Node, so that their own `import 'react'`
        // meets the alias too: one React, 18, for the kit and its peers.
        deps: { inline: ['@tanstack/react-query', '@testing-library/react', 'react-hook-form'] },
      },
    },
  }
}

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      environment: 'jsdom',
      // Projects select by suffix: *.browser.test, *.ssr.test and *.e2e.test
      // belong to their own projects, every other *.test here.
      include: ['test/**/*.test.{ts,tsx}'],
      exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.ssr.test.{ts,tsx}', 'test/**/*.e2e.test.ts'],
      setupFiles: ['test/setup.ts'],
      provide: { reactMajor: 19 },
    },
  },
  {
    extends: true,
    test: {
      name: 'ssr',
      environment: 'node',
      include: ['test/**/*.ssr.test.{ts,tsx}'],
      provide: { reactMajor: 19 },
    },
  },
  {
    extends: true,
    test: {
      // The demo checkout end to end: sandbox server + Vite dev server + Chromium.
      name: 'e2e',
      environment: 'node',
      include: ['test/**/*.e2e.test.ts'],
      fileParallelism: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  {
    extends: true,
    test: {
      name: 'browser',
      include: ['test/**/*.browser.test.{ts,tsx}'],
      // A real sandbox server on another origin: `inject('sandboxOrigin')`.
      globalSetup: ['test/support/sandboxServer.setup.ts'],
      browser: chromiumBrowser(),
    },
  },
]

// The jsdom and ssr suites again on React 18 (the peers are `^18 || ^19`).
projects.push(...projects.filter((project) => ['unit', 'ssr'].includes(nameOf(project) ?? '')).map(onReact18))

if (hasStories()) {
  projects.push({
    extends: true,
    plugins: [storybookTest({ configDir: join(root, '.storybook'), storybookUrl: 'http://127.0.0.1:6006' })],
    // Bundled before the first story runs: a dependency found mid-run makes
    // Vite reload the page under a running test.
    optimizeDeps: {
      include: ['@tanstack/react-query', 'react-hook-form', 'msw', 'msw/browser', 'msw-storybook-addon/csf3'],
    },
    test: {
      name: 'storybook',
      browser: chromiumBrowser(),
    },
  })
} else {
  sayOnce('NO_STORIES', () =>
    console.info('vitest: storybook project left out: no stories/**/*.stories.tsx file yet.'),
  )
}

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1' },
  test: {
    projects,
  },
})
