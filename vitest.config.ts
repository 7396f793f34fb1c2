import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import react from '@vitejs/plugin-react'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import { findChromium } from './scripts/ensure-chromium.mjs'

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
        args: [
          '--no-sandbox',
          '--disable-gpu',
          // Without these Chromium keeps trying to reach Google's services.
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
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

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      environment: 'jsdom',
      include: ['test/**/*.test.{ts,tsx}'],
      exclude: ['test/browser/**', 'test/ssr/**', 'test/e2e/**'],
      setupFiles: ['test/setup.ts'],
    },
  },
  {
    extends: true,
    test: {
      name: 'ssr',
      environment: 'node',
      include: ['test/ssr/**/*.test.{ts,tsx}'],
    },
  },
  {
    extends: true,
    test: {
      // The demo checkout end to end: sandbox server + Vite dev server + Chromium.
      name: 'e2e',
      environment: 'node',
      include: ['test/e2e/**/*.e2e.test.ts'],
      fileParallelism: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  {
    extends: true,
    test: {
      name: 'browser',
      include: ['test/browser/**/*.browser.test.{ts,tsx}'],
      browser: chromiumBrowser(),
    },
  },
]

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
