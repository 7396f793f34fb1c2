// The only code that differs between the two ways the demo runs:
// - `npm start`: a sandbox server on 127.0.0.1; the page reads its inbox and
//   injects faults over HTTP (its control routes under /__sandbox/). A static
//   build made with VITE_SANDBOX_URL set talks to that server the same way.
// - `npm run build:demo`: no server; a sandbox lives in the page, MSW answers
//   the kit's requests from it, and the panel calls the sandbox object directly.
import type { Language } from 'otp-kit'
import type { SandboxFault, SandboxSms } from 'otp-kit/testing'

/** What the shop's own server needs to send a first code. */
export interface FirstCode {
  phone: string
  fullName: string
  language: Language
}

export interface DemoBackend {
  /** Where the kit sends its requests. */
  baseUrl: string
  /** Where the order route lives (the sandbox's own). */
  orderUrl: string
  /** Shown in the developer panel. */
  label: string
  /**
   * The shop's own server: finds the customer by phone (or creates one) and
   * texts a first code, as OnDi's flow does before the code step. Not the
   * kit's resend route, so it meets no cooldown.
   */
  sendFirstCode(details: FirstCode): Promise<void>
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
  const call = (path: string, body?: unknown) =>
    fetch(`${origin}/__sandbox/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const control = async (path: string, body?: unknown): Promise<unknown> => {
    const response = await call(path, body)
    if (!response.ok) throw new Error(`sandbox ${path}: HTTP ${response.status}`)
    return response.json()
  }
  return {
    baseUrl,
    orderUrl: `${baseUrl}/express-shipping/orders`,
    label: `sandbox server ${baseUrl}`,
    sendFirstCode: async ({ phone, fullName, language }) => {
      const sent = await call('send', { to: phone, language })
      if (sent.ok) return
      if (sent.status !== 404) throw new Error(`sandbox send: HTTP ${sent.status}`)
      // A number the sandbox does not know: a new customer, as at a real shop.
      await control('customers', { phone, fullName, sendCode: false })
      await control('send', { to: phone, language })
    },
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
    sendFirstCode: async ({ phone, fullName, language }) => {
      if (!sandbox.getCustomer(phone)) sandbox.addCustomer({ phone, fullName })
      sandbox.sendCode(phone, { language })
    },
    inbox: async () => sandbox.inbox,
    fault: async (fault) => sandbox.injectFault(fault),
    reset: async () => sandbox.reset(),
  }
}
