// The only code that differs between the two ways the demo runs:
// - `npm start`: a sandbox server on 127.0.0.1; the page reads its inbox and
//   injects faults over HTTP (its control routes under /__sandbox/).
// - `npm run build:demo`: no server; a sandbox lives in the page, MSW answers
//   the kit's requests from it, and the panel calls the sandbox object directly.
import type { SandboxFault, SandboxSms } from 'otp-kit/testing'

export interface DemoBackend {
  /** Where the kit sends its requests. */
  baseUrl: string
  /** Where the order route lives (the sandbox's own). */
  orderUrl: string
  /** Shown in the developer panel. */
  label: string
  inbox(): Promise<readonly SandboxSms[]>
  fault(fault: SandboxFault): Promise<void>
  reset(): Promise<void>
}

export async function startBackend(): Promise<DemoBackend> {
  return __DEMO_MSW__ ? startInPage() : connectToServer()
}

function connectToServer(): DemoBackend {
  const baseUrl = (import.meta.env.VITE_SANDBOX_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '')
  const origin = new URL(baseUrl).origin
  const control = async (path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${origin}/__sandbox/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`sandbox ${path}: HTTP ${response.status}`)
    return response.json()
  }
  return {
    baseUrl,
    orderUrl: `${baseUrl}/express-shipping/orders`,
    label: `sandbox server ${baseUrl}`,
    inbox: async () => (await control('inbox')) as SandboxSms[],
    fault: async (fault) => void (await control('fault', fault)),
    reset: async () => void (await control('reset', {})),
  }
}

async function startInPage(): Promise<DemoBackend> {
  const [{ setupWorker }, { createOtpSandbox, createSandboxHandlers }] = await Promise.all([
    import('msw/browser'),
    import('otp-kit/testing'),
  ])
  const sandbox = createOtpSandbox()
  const worker = setupWorker(...createSandboxHandlers(sandbox, { baseUrl: '/api' }))
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
  return {
    baseUrl: '/api',
    orderUrl: '/api/express-shipping/orders',
    label: 'in-page sandbox (MSW)',
    inbox: async () => sandbox.inbox,
    fault: async (fault) => sandbox.injectFault(fault),
    reset: async () => sandbox.reset(),
  }
}
