/**
 * The three ways to reach a sandbox, behind one interface, so each case runs
 * against the state machine itself, through MSW and through the real server.
 */
import { setupServer } from 'msw/node'
import { createSandboxHandlers, startSandboxServer, type OtpSandbox } from '../../src/testing.js'

/** A parsed JSON body: assertions read it freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read in assertions, checked by them
export type Json = any

/** An answer as a client sees it. */
export interface Reply {
  dropped?: false
  status: number
  headers: Record<string, string>
  text: string
  /** The parsed body; `undefined` when it is not JSON. */
  body: Json
}

/** What a client sees: an answer, or a dropped connection. */
export type Outcome = Reply | { dropped: true }

export interface CallOptions {
  language?: string
  headers?: Record<string, string>
  method?: string
  /** A string is sent as it is; anything else as JSON. */
  body?: unknown
}

export interface Wire {
  /** `path` is the route, such as `/express-shipping/customer/verify-otp`. */
  call(path: string, options?: CallOptions): Promise<Outcome>
  close(): Promise<void>
}

export interface Transport {
  name: string
  open(sandbox: OtpSandbox): Promise<Wire>
}

function encode(options: CallOptions) {
  const body = options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
  const query = options.language === undefined ? '' : `?language=${options.language}`
  return { body, query, method: options.method ?? 'POST', headers: { 'Content-Type': 'application/json', ...options.headers } }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

async function viaFetch(url: string, options: CallOptions): Promise<Outcome> {
  const { body, query, method, headers } = encode(options)
  let response: Response
  try {
    response = await fetch(`${url}${query}`, { method, headers, body: method === 'GET' ? undefined : body })
  } catch (error) {
    if (error instanceof TypeError) return { dropped: true }
    throw error
  }
  const text = await response.text()
  return { status: response.status, headers: Object.fromEntries(response.headers), text, body: parse(text) }
}

export const direct: Transport = {
  name: 'state machine',
  async open(sandbox) {
    return {
      async call(path, options = {}) {
        const { body, query, method, headers } = encode(options)
        const result = await sandbox.handle({ method, url: `/api${path}${query}`, headers, body })
        if ('drop' in result) return { dropped: true }
        return { status: result.status, headers: result.headers, text: result.body, body: parse(result.body) }
      },
      async close() {},
    }
  },
}

export const msw: Transport = {
  name: 'msw',
  async open(sandbox) {
    const base = 'https://ondi.example.test/api'
    const server = setupServer(...createSandboxHandlers(sandbox, { baseUrl: base }))
    server.listen({ onUnhandledRequest: 'error' })
    return {
      call: (path, options = {}) => viaFetch(`${base}${path}`, options),
      async close() {
        server.close()
      },
    }
  },
}

export const httpServer: Transport = {
  name: 'http server',
  async open(sandbox) {
    const server = await startSandboxServer({ sandbox, basePath: '/api' })
    return {
      call: (path, options = {}) => viaFetch(`${server.url}${path}`, options),
      close: () => server.close(),
    }
  },
}

export const transports: readonly Transport[] = [direct, msw, httpServer]

/** Narrows an outcome to an answer, failing the test on a dropped connection. */
export function answered(outcome: Outcome): Reply {
  if (outcome.dropped) throw new Error('expected an answer, the connection was dropped')
  return outcome
}

/** The route paths, short. */
export const VERIFY = '/express-shipping/customer/verify-otp'
export const RESEND = '/express-shipping/customer/resend-otp'
export const OYSTR = '/v1/customer/verify'
export const ORDER = '/express-shipping/orders'

/** 2024-01-01T12:00:00Z: the documented `verified_at`, so answers match the fixtures. */
export const T0 = Date.UTC(2024, 0, 1, 12, 0, 0)

/** Codes `000001`, `000002`, ... in the order they are sent. */
export const sequentialCodes = ({ count }: { count: number }) => String(count).padStart(6, '0')

/** Reads a JWT's payload. */
export function jwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? ''
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>
}
