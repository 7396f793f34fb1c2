import { http, HttpResponse, type HttpHandler } from 'msw'
import type { OtpSandbox } from './OtpSandbox.js'
import type { SandboxResponse } from './types.js'
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
      if ('drop' in result) return result.partial ? cutOff(result.partial) : HttpResponse.error()
      if (result.cors === 'none') return HttpResponse.error()
      return new HttpResponse(result.body, { status: result.status, headers: readableHeaders(result) })
    }),
  )
}

// The page sees, cross-origin, only the CORS-safelisted headers unless the
// server exposes more: with `cors: 'no-expose'` MSW shows it just those.
const SAFELISTED = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'])

function readableHeaders(response: SandboxResponse): Record<string, string> {
  if (response.cors !== 'no-expose') return response.headers
  return Object.fromEntries(Object.entries(response.headers).filter(([name]) => SAFELISTED.has(name)))
}

// A body that breaks after its first bytes, as when the connection is cut.
function cutOff(response: SandboxResponse): Response {
  if (response.cors === 'none') return HttpResponse.error()
  let sent = response.body === ''
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) {
        controller.error(new TypeError('The connection was cut while the body was arriving'))
        return
      }
      sent = true
      controller.enqueue(new TextEncoder().encode(response.body))
    },
  })
  return new HttpResponse(body, { status: response.status, headers: readableHeaders(response) })
}

// An absolute base stays as it is; a path gets a leading wildcard so it matches on any origin.
function toPattern(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '')
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed)) return trimmed
  if (trimmed === '') return '*'
  return `*${trimmed.startsWith('/') ? '' : '/'}${trimmed}`
}
