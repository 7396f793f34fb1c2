import { http, HttpResponse, type HttpHandler } from 'msw'
import type { OtpSandbox } from './OtpSandbox.js'
import { SANDBOX_ROUTES } from './routes/routeTable.js'

/** Options of {@link createSandboxHandlers}. */
export interface SandboxHandlersOptions {
  /**
   * Where the OnDi routes live: absolute (`https://api.example.test/v2`) or a
   * path (`/api`). A path matches on any origin, which is what a page served
   * from its own dev server needs, and also works where there is no `location`.
   * @defaultValue `''`
   */
  baseUrl?: string
  /** Where the Oystr route lives. @defaultValue `baseUrl` */
  oystrBaseUrl?: string
}

/**
 * MSW request handlers that answer from a sandbox: pass them to `setupServer`
 * (`msw/node`) or `setupWorker` (`msw/browser`). Each handler hands the raw
 * request to `sandbox.handle` and writes its answer back, so the state lives
 * in the sandbox and tests can read its inbox and move its clock.
 *
 * @example
 * const sandbox = createOtpSandbox()
 * const server = setupServer(...createSandboxHandlers(sandbox, { baseUrl: 'https://api.example.test' }))
 */
export function createSandboxHandlers(sandbox: OtpSandbox, options: SandboxHandlersOptions = {}): HttpHandler[] {
  const ondiBase = toPattern(options.baseUrl ?? '')
  const oystrBase = toPattern(options.oystrBaseUrl ?? options.baseUrl ?? '')

  return Object.entries(SANDBOX_ROUTES).map(([name, path]) =>
    http.all(`${name === 'oystr-verify' ? oystrBase : ondiBase}${path}`, async ({ request }) => {
      const headers: Record<string, string> = {}
      request.headers.forEach((value, key) => {
        headers[key] = value
      })
      const result = await sandbox.handle({
        method: request.method,
        url: request.url,
        headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
      })
      if ('drop' in result) return HttpResponse.error()
      return new HttpResponse(result.body, { status: result.status, headers: result.headers })
    }),
  )
}

// An absolute base stays as it is; a path gets a leading wildcard so it matches on any origin.
function toPattern(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '')
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed)) return trimmed
  if (trimmed === '') return '*'
  return `*${trimmed.startsWith('/') ? '' : '/'}${trimmed}`
}
