// Configuration only: where a browser or React 18 lives is found by
// scripts/ensure-browsers.mjs and scripts/ensure-react18.mjs, and only when a
// project that needs it runs (a missing one fails that project with a
// sentence saying how to get it).
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { webdriverio } from '@vitest/browser-webdriverio'
import react from '@vitejs/plugin-react'
import type { Frame, Page } from 'playwright-core'
import type { BrowserProviderOption } from 'vitest/node'
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import { CHROMIUM_ARGS, requireEngine, WEBKIT_DRIVER_PORT_VARIABLE } from './scripts/ensure-browsers.mjs'
import { REACT18_DIR } from './scripts/ensure-react18.mjs'

const root = fileURLToPath(new URL('.', import.meta.url))

/**
 * A browser provider whose options are worked out when Vitest opens the
 * browser, not when this file loads: the lookup runs only for a project that
 * runs, after its global setup.
 */
function whenOpened(provider: BrowserProviderOption, options: () => BrowserProviderOption): BrowserProviderOption {
  return { ...provider, providerFactory: (project) => options().providerFactory(project) }
}

/** What every browser project shares. */
const browserBase = {
  enabled: true,
  api: { host: '127.0.0.1' },
  screenshotFailures: false,
}

/** Chromium from the system, through Playwright; never Playwright's own download. */
function chromiumBrowser() {
  return {
    ...browserBase,
    headless: true,
    provider: whenOpened(playwright(), () =>
      playwright({ launchOptions: { executablePath: requireEngine('chromium').chromium, args: CHROMIUM_ARGS } }),
    ),
    instances: [{ browser: 'chromium' as const }],
  }
}

/**
 * Playwright's Firefox backend names a frame once, when it appears, from a lookup
 * of its element that sometimes comes back empty (`browsingContext.locateNodes`,
 * playwright 1.64.1). Vitest finds its tester iframe by that name, so then every
 * command of that test file fails with 'Cannot find "vitest-iframe" on the page'
 * (about one Firefox run in two on this machine). The page's tester frame is the
 * one the orchestrator opened with an `iframeId`: when the name finds nothing,
 * that one is used.
 */
function testerFrameByUrl(option: BrowserProviderOption): BrowserProviderOption {
  return {
    ...option,
    providerFactory: (project) => {
      const provider = option.providerFactory(project)
      const contextOf = provider.getCommandsContext.bind(provider)
      provider.getCommandsContext = (sessionId) => {
        const context = contextOf(sessionId)
        const page = context.page as Page
        const byName = context.frame as () => Promise<Frame>
        const byUrl = () => page.frames().find((frame) => frame.parentFrame() === page.mainFrame() && /[?&]iframeId=/.test(frame.url()))
        return { ...context, frame: async () => page.frame('vitest-iframe') ?? byUrl() ?? byName() }
      }
      return provider
    },
  }
}

/**
 * Firefox ESR from the system over WebDriver BiDi (Playwright's `moz-firefox`
 * channel; playwright 1.64.1 exactly, as 1.65 cannot open a context in
 * Firefox 153 ESR).
 */
function firefoxBrowser() {
  return {
    ...browserBase,
    headless: true,
    // Fits Playwright's 1280x720 window, so the tester iframe's scale is 1 and
    // test/support/firefoxUnscale.ts can drop the transform Firefox's backend
    // cannot click through.
    viewport: { width: 414, height: 700 },
    provider: whenOpened(playwright(), () =>
      testerFrameByUrl(playwright({ launchOptions: { channel: 'moz-firefox', executablePath: requireEngine('firefox').firefox } })),
    ),
    instances: [{ browser: 'firefox' as const }],
  }
}

/**
 * Vitest's WebDriver provider asks for a browserName of its own list; WebKitWebDriver
 * only starts a session for `MiniBrowser` (or none). Rewrites the new-session body.
 */
function askForMiniBrowser(request: RequestInit): RequestInit {
  if (typeof request.body !== 'string' || !request.body.includes('"capabilities"')) return request
  const body = JSON.parse(request.body)
  const capabilities = body.capabilities ?? {}
  for (const match of [capabilities.alwaysMatch, ...(capabilities.firstMatch ?? [])]) {
    if (match && 'browserName' in match) match.browserName = 'MiniBrowser'
  }
  return { ...request, body: JSON.stringify(body) }
}

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver, which
 * test/support/webkit.setup.ts starts under Xvfb. MiniBrowser has no headless
 * mode, and Vitest takes `safari` only with `headless: false`.
 */
function webkitBrowser() {
  return {
    ...browserBase,
    headless: false,
    provider: whenOpened(webdriverio(), () => {
      const { miniBrowser } = requireEngine('webkit')
      const port = Number(process.env[WEBKIT_DRIVER_PORT_VARIABLE])
      if (!port) throw new Error('webkit: no WebKitWebDriver is running: the project needs test/support/webkit.setup.ts as a global setup.')
      return webdriverio({
        hostname: '127.0.0.1',
        port,
        path: '/',
        transformRequest: askForMiniBrowser,
        capabilities: {
          'wdio:enforceWebDriverClassic': true,
          // WebKitGTK's own capability, which webdriverio's types do not list.
          ...{ 'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] } },
        },
      })
    }),
    instances: [{ browser: 'safari' as const }],
  }
}

function nameOf(project: TestProjectInlineConfiguration): string | undefined {
  const name = project.test?.name
  return typeof name === 'object' ? name.label : name
}

/**
 * Tests that load no React at all: src/core is kept free of it by a lint rule,
 * and the sandbox never had any. On React 18 they would run the same code again.
 */
const reactFreeTests = ['test/core/**', 'test/testing/**', 'test/scripts/**', 'test/readme.test.ts']

/**
 * The same project on React 18: `react`, `react-dom` and every subpath of
 * theirs point into compat/react18 (its own lockfile; `node
 * scripts/ensure-react18.mjs` installs it, and the project's global setup
 * stops with that sentence when it is not there). Types stay React 19's.
 */
function onReact18(project: TestProjectInlineConfiguration): TestProjectInlineConfiguration {
  return {
    ...project,
    resolve: {
      alias: [
        { find: /^(react|react-dom)(\/.*)?$/, replacement: `${join(REACT18_DIR, 'node_modules')}/$1$2` },
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
      globalSetup: ['scripts/ensure-react18.mjs'],
      provide: { reactMajor: 18 },
      server: {
        // Through Vite rather than Node, so that their own `import 'react'`
        // meets the alias too: one React, 18, for the kit and its peers.
        deps: { inline: ['@tanstack/react-query', '@testing-library/react', 'react-hook-form'] },
      },
    },
  }
}

/** Projects pick their files by suffix, wherever under test/ a file lives. */
const SUFFIX = {
  browser: 'test/**/*.browser.test.{ts,tsx}',
  e2e: 'test/**/*.e2e.test.ts',
  ssr: 'test/**/*.ssr.test.{ts,tsx}',
}

/** The browser tests, the same files in each engine. */
function browserProject(name: string, browser: object, extra: { setupFiles?: string[]; globalSetup?: string[] } = {}) {
  return {
    extends: true,
    test: {
      name,
      include: [SUFFIX.browser],
      setupFiles: extra.setupFiles ?? [],
      // A real sandbox server on another origin: `inject('sandboxOrigin')`.
      globalSetup: [...(extra.globalSetup ?? []), 'test/support/sandboxServer.setup.ts'],
      browser,
    },
  } satisfies TestProjectInlineConfiguration
}

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      environment: 'jsdom',
      include: ['test/**/*.test.{ts,tsx}'],
      exclude: [...configDefaults.exclude, SUFFIX.browser, SUFFIX.e2e, SUFFIX.ssr],
      setupFiles: ['test/setup.ts'],
      provide: { reactMajor: 19 },
    },
  },
  {
    extends: true,
    test: {
      name: 'ssr',
      environment: 'node',
      include: [SUFFIX.ssr],
      exclude: [...configDefaults.exclude, SUFFIX.browser, SUFFIX.e2e],
      provide: { reactMajor: 19 },
    },
  },
  {
    extends: true,
    test: {
      // The demo checkout end to end: sandbox server + Vite dev server + a browser.
      name: 'e2e',
      environment: 'node',
      include: [SUFFIX.e2e],
      fileParallelism: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  browserProject('chromium', chromiumBrowser()),
  browserProject('firefox', firefoxBrowser(), { setupFiles: ['test/support/firefoxUnscale.ts'] }),
  browserProject('webkit', webkitBrowser(), { globalSetup: ['test/support/webkit.setup.ts'] }),
]

// The jsdom and ssr suites again on React 18 (the peers are `^18 || ^19`).
projects.push(...projects.filter((project) => ['unit', 'ssr'].includes(nameOf(project) ?? '')).map(onReact18))

projects.push({
  extends: true,
  plugins: [storybookTest({ configDir: join(root, '.storybook'), storybookUrl: 'http://127.0.0.1:6006' })],
  // Bundled before the first story runs: a dependency found mid-run makes
  // Vite reload the page under a running test.
  optimizeDeps: {
    include: ['@tanstack/react-query', 'react-hook-form', 'msw', 'msw/browser', 'msw-storybook-addon/csf3'],
  },
  test: {
    // The stories as tests, in Chromium.
    name: 'storybook',
    browser: chromiumBrowser(),
  },
})

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1' },
  test: {
    projects,
  },
})
