import { QueryClient } from '@tanstack/react-query'
import type { LoaderFunction } from '@storybook/react-vite'
import { setupWorker, type SetupWorker } from 'msw/browser'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { createOtpSandbox, createSandboxHandlers } from '../src/testing'
import type { OtpStoryParameters } from '../stories/support/withSandbox'

/** Where the stories' provider sends its requests, and where the sandbox answers. */
export const STORY_BASE_URL = '/api'

// One worker for every story; the addon resets its handlers to the story's
// own `parameters.msw` before each render. Requests no handler claims
// (Storybook's own files, fonts) go to the network untouched.
const loadMsw = mswLoader(async () => {
  const worker = setupWorker()
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: './mockServiceWorker.js' },
  })
  return worker
})

/**
 * Gives each story render a fresh sandbox, fresh MSW handlers and a fresh
 * QueryClient. The MSW loader runs first, inside this one (Storybook may run
 * loaders side by side), so the worker exists and holds the story's own
 * `parameters.msw`; those stay first, so a story can still override a route.
 */
export const sandboxLoader: LoaderFunction = async (context) => {
  await loadMsw(context)
  const worker = (context as unknown as { msw?: SetupWorker }).msw
  if (!worker) throw new Error('sandboxLoader: the MSW loader did not set context.msw.')
  const otp = (context.parameters.otp ?? {}) as OtpStoryParameters

  // The kit keeps resend deadlines in sessionStorage; one story's countdown must not reach the next.
  for (const key of Object.keys(window.sessionStorage)) {
    if (key.startsWith('otp-kit:')) window.sessionStorage.removeItem(key)
  }

  const sandbox = createOtpSandbox({
    resendCooldownMs: 60_000,
    generateCode: () => '123456',
    ...otp.sandboxOptions,
  })
  await otp.setup?.(sandbox)

  const storyHandlers = worker.listHandlers().slice()
  worker.resetHandlers()
  worker.use(...createSandboxHandlers(sandbox, { baseUrl: STORY_BASE_URL }))
  // `use` prepends: the story's own handlers go last so they win.
  worker.use(...(storyHandlers as Parameters<SetupWorker['use']>))

  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  return { sandbox, queryClient }
}
