import { createOtpError } from './errors.js'
import type { OtpRequestContext } from './types.js'

/** A response whose body was read; `json` is `undefined` when it was not JSON. */
export interface JsonResponse {
  status: number
  headers: Headers
  json: unknown
  /** Whether the body parsed as JSON (an empty body does not). */
  isJson: boolean
}

/** Joins a base URL and a path without doubling or losing a slash. */
export function joinUrl(baseUrl: string, path: string, query?: Record<string, string>): string {
  const base = baseUrl.replace(/\/+$/, '')
  const search = query ? `?${new URLSearchParams(query).toString()}` : ''
  return `${base}/${path.replace(/^\/+/, '')}${search}`
}

/**
 * POSTs JSON and reads the answer, whatever its status. Never throws anything
 * but an OtpError: `network` when no answer came, `timeout` when none came in
 * time, `aborted` when the caller's signal fired. A body that is not JSON is
 * returned with `isJson: false`; the adapter decides what that means.
 */
export async function postJson(
  url: string,
  body: unknown,
  ctx: OtpRequestContext,
  extraHeaders: Record<string, string> = {},
): Promise<JsonResponse> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, ctx.timeoutMs)
  const onAbort = () => controller.abort()
  ctx.signal?.addEventListener('abort', onAbort)
  try {
    if (ctx.signal?.aborted) throw abortedError()
    const headers = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...(await ctx.getAuthHeaders()),
      ...extraHeaders,
    }
    if (controller.signal.aborted) throw failureOf(undefined, timedOut, ctx.signal)
    let response: Response
    try {
      response = await ctx.fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: controller.signal,
        credentials: 'same-origin',
        // A code or token must never sit in a cache or be replayed from one.
        cache: 'no-store',
      })
    } catch (cause) {
      throw failureOf(cause, timedOut, ctx.signal)
    }
    let text: string
    try {
      text = await response.text()
    } catch (cause) {
      // The connection broke while the body was arriving.
      throw failureOf(cause, timedOut, ctx.signal)
    }
    const parsed = parseJson(text)
    return { status: response.status, headers: response.headers, ...parsed }
  } finally {
    clearTimeout(timer)
    ctx.signal?.removeEventListener('abort', onAbort)
  }
}

function parseJson(text: string): { json: unknown; isJson: boolean } {
  if (text.trim() === '') return { json: undefined, isJson: false }
  try {
    return { json: JSON.parse(text), isJson: true }
  } catch {
    return { json: undefined, isJson: false }
  }
}

function abortedError(cause?: unknown) {
  return createOtpError({ kind: 'aborted', message: 'The request was cancelled', cause })
}

function failureOf(cause: unknown, timedOut: boolean, signal: AbortSignal | undefined) {
  if (signal?.aborted) return abortedError(cause)
  if (timedOut) return createOtpError({ kind: 'timeout', message: 'No answer in time', cause })
  return createOtpError({ kind: 'network', message: 'The request got no answer', cause })
}
