import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { CONTROL_PREFIX, handleControl } from './controlRoutes.js'
import { createOtpSandbox } from './createOtpSandbox.js'
import { json } from './http.js'
import { message } from './messages.js'
import type { OtpSandbox } from './OtpSandbox.js'
import { SANDBOX_ROUTES } from './routes/routeTable.js'
import type { SandboxCors, SandboxRequest, SandboxResponse } from './types.js'

/** Options of {@link startSandboxServer}. */
export interface SandboxServerOptions {
  /** `0` picks a free port. @defaultValue `0` */
  port?: number
  /** The only address the server binds: it hands out codes to anyone who asks. @defaultValue `'127.0.0.1'` */
  host?: '127.0.0.1'
  /** The sandbox to serve. @defaultValue a new `createOtpSandbox()` */
  sandbox?: OtpSandbox
  /** A prefix before every API route, such as `/api`. @defaultValue `''` */
  basePath?: string
  /** Largest request body accepted, in bytes; larger ones answer 413. @defaultValue `65_536` */
  bodyLimit?: number
}

/** A running sandbox server. */
export interface SandboxServer {
  /** The base URL to give the kit: `http://127.0.0.1:<port><basePath>`. */
  url: string
  /** `http://127.0.0.1:<port>`: the control routes live under `<origin>/__sandbox/`. */
  origin: string
  port: number
  sandbox: OtpSandbox
  /** Stops listening and closes every open connection. */
  close(): Promise<void>
}

const HOST = '127.0.0.1'
const ALLOWED_HEADERS = 'Content-Type, Authorization, X-API-Key, X-EXPRESS-KEY'
const API_PATHS = new Set<string>(Object.values(SANDBOX_ROUTES))

/**
 * Serves a sandbox over real HTTP on 127.0.0.1, with CORS for any origin so a
 * page on another port can call it, and control routes under `/__sandbox/`
 * (inbox, faults, clock, reset, customers). Node only.
 *
 * @example
 * const server = await startSandboxServer({ port: 8787 })
 * // point the kit at server.url; read codes at `${server.origin}/__sandbox/inbox`
 * await server.close()
 */
export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const port = options.port ?? 0
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`port must be 0 to 65535, got ${port}`)
  if (options.host !== undefined && options.host !== HOST) {
    throw new Error(`the sandbox server binds ${HOST} only, not ${String(options.host)}`)
  }
  const basePath = normaliseBasePath(options.basePath ?? '')
  const bodyLimit = options.bodyLimit ?? 65_536
  const sandbox = options.sandbox ?? createOtpSandbox()
  // Imported here, not at the top, so a browser bundle of the testing entry
  // that only uses the MSW handlers never evaluates node:http.
  const { createServer } = await import('node:http')

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error)
      write(res, json(500, { success: false, message: `sandbox server error: ${text}` }), cors(req))
    })
  })

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const corsHeaders = cors(req)
    if (req.method === 'OPTIONS') {
      const preflight: Record<string, string> = {
        ...corsHeaders,
        'access-control-allow-methods': 'POST, GET, OPTIONS',
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': '600',
      }
      // Chrome asks before a public page may call a server on the loopback address.
      if (req.headers['access-control-request-private-network'] === 'true') {
        preflight['access-control-allow-private-network'] = 'true'
      }
      write(res, { status: 204, headers: {}, body: '' }, preflight)
      return
    }
    const { body, tooLarge } = await readBody(req, bodyLimit)
    const url = new URL(req.url ?? '/', `http://${HOST}`)
    if (tooLarge) {
      write(res, json(413, { success: false, message: message('tooLarge', 'en') }), corsHeaders)
      return
    }
    const request: SandboxRequest = { method: req.method ?? 'GET', url: `${url.pathname}${url.search}`, headers: flatHeaders(req), body }

    if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      write(res, handleControl(sandbox, request), corsHeaders)
      return
    }
    const rest = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length).replace(/(.)\/+$/, '$1') : null
    if (rest === null || !API_PATHS.has(rest)) {
      const text = `no route ${req.method ?? ''} ${url.pathname}; the API lives under ${basePath || '/'}`
      write(res, json(404, { success: false, message: text }), corsHeaders)
      return
    }
    const result = await sandbox.handle(request)
    if ('drop' in result) {
      if (result.partial) writeThenCut(res, result.partial, cors(req, result.partial.cors))
      else req.socket.destroy()
      return
    }
    write(res, result, cors(req, result.cors))
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, port))
    server.once('error', onError)
    server.listen(port, HOST, () => {
      server.off('error', onError)
      resolve()
    })
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const origin = `http://${HOST}:${actualPort}`
  return { url: `${origin}${basePath}`, origin, port: actualPort, sandbox, close: () => closeServer(server) }
}

function cors(req: IncomingMessage, mode?: SandboxCors): Record<string, string> {
  const origin = req.headers.origin
  if (origin === undefined || mode === 'none') return {}
  // Echoing the origin (rather than `*`) keeps the door open for credentialed calls.
  const headers: Record<string, string> = { 'access-control-allow-origin': origin, vary: 'Origin' }
  if (mode !== 'no-expose') headers['access-control-expose-headers'] = 'Retry-After'
  return headers
}

function write(res: ServerResponse, response: SandboxResponse, extra: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(response.status, { ...response.headers, ...extra })
  res.end(response.body)
}

/**
 * Sends the status, the headers and `response.body` as the first chunk of a
 * chunked body, then closes the connection: the body never ends.
 */
function writeThenCut(res: ServerResponse, response: SandboxResponse, extra: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(response.status, { ...response.headers, ...extra })
  res.flushHeaders()
  if (response.body === '') {
    res.socket?.destroy()
    return
  }
  res.write(response.body, () => res.socket?.destroy())
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** Reads the body as UTF-8. Past the limit it keeps draining, so the client can read the 413. */
function readBody(req: IncomingMessage, limit: number): Promise<{ body: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
    })
    req.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8'), tooLarge: size > limit }))
    req.on('error', reject)
  })
}

function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '')
  if (trimmed === '') return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') return new Error(`port ${port} on ${HOST} is in use; pass another port`)
  if (error.code === 'EACCES') return new Error(`port ${port} on ${HOST} needs privileges; pass a port above 1023`)
  return new Error(`the sandbox server could not listen on ${HOST}:${port}: ${error.message}`, { cause: error })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    // Keep-alive and held (timeout fault) connections would otherwise keep close() waiting.
    server.closeAllConnections()
  })
}
