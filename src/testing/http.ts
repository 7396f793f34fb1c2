import type { SandboxRequest, SandboxResponse } from './types.js'

/** The content type of every JSON answer. */
export const JSON_TYPE = 'application/json; charset=utf-8'

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...lowerKeys(headers) }, body: JSON.stringify(body) }
}

/** A header's value, whatever the case of its name; `undefined` when absent or empty. */
export function header(request: SandboxRequest, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(request.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined && value !== '') return value
  }
  return undefined
}

/** Parses the request URL; a bare path is read against a placeholder origin. */
export function parseUrl(url: string): URL {
  return new URL(url, 'http://sandbox.invalid')
}

/** The parsed JSON object body, or `null` when the body is not a JSON object. */
export function readJsonObject(body: string | undefined): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body ?? '')
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * A string field as sent. Empty strings count as absent, as OnDi's documented
 * `customer_id: ""` beside a phone shows; other values are not rewritten.
 */
export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Header names in lower case, as the transports expect. */
export function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]))
}

/** `+` and 8 to 15 digits, no spaces: OnDi's "international format". */
export function isInternationalPhone(value: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(value)
}

/** ISO 8601 without milliseconds, the documented `verified_at` form. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
