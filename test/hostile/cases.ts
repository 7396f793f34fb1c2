/**
 * Hostile back ends: one table of what a broken, odd or malicious server can
 * answer, and what the shopper must then see. It drives the jsdom suite
 * (`hostileBackends.test.tsx`, every row in en, ar and ku over MSW) and the
 * Chromium suite (`test/hostile/hostileBackends.browser.test.tsx`, the rows
 * marked `chromium`, cross-origin against the real sandbox server).
 *
 * Browser-safe: no Node imports.
 */
import type { OtpErrorDetails, OtpErrorOutcome } from '../../src/core/errors'
import type { Translator } from '../../src/core/i18n/types'
import type { Language } from '../../src/core/types'
import { message } from '../../src/testing/messages'
import type { SandboxFault } from '../../src/testing/types'

/** What the code field does after the answer (docs/back-ends.md §3). */
export type FieldAfter =
  /** A failure: the typed code stays, Enter or "Try again" sends it again. */
  | 'kept'
  /** A wrong code: the cells clear, focus stays. */
  | 'cleared'
  /** A dead code: the field is disabled until a new code is sent. */
  | 'locked'

/** How the provider authenticates in a row. */
export type AuthMode = 'token-getter' | 'bearer'

interface CaseBase {
  /** What the back end does. */
  name: string
  /** The fault(s) to inject; the server words its messages in the request's language. */
  faults: (language: Language) => SandboxFault[]
  /** The typed error that comes out: its kind and the facts the sentence reads. */
  error: OtpErrorDetails
  outcome: OtpErrorOutcome
  /** The HTTP status the error carries; `null` when no answer was read. */
  status: number | null
  /** The sentence the shopper reads, from the kit's tables; `null` when there is none to read. */
  message: (t: Translator) => string | null
  /** The server's `message`, which must never be rendered, only carried. */
  serverMessage?: string
  /** Also run in Chromium against the real server. */
  chromium?: boolean
  /** The provider's timeout for this row. @defaultValue {@link TIMEOUT_MS} */
  timeoutMs?: number
}

/** A row whose answer comes to a verify, after the shopper typed a whole code. */
export interface VerifyCase extends CaseBase {
  on: 'verify'
  field: FieldAfter
  auth?: AuthMode
  /** Verify requests the one submit made. @defaultValue 1 */
  requests?: number
  /** The `forceRefresh` of each `getAccessToken` call during that submit. */
  tokenCalls?: boolean[]
}

/** A row whose answer comes to a resend, after the shopper tapped "Resend code". */
export interface ResendCase extends CaseBase {
  on: 'resend'
  /** Seconds on the resend countdown right after the answer. */
  countdown: number
}

export type HostileCase = VerifyCase | ResendCase

/** The provider's client cooldown in every row. */
export const COOLDOWN_SECONDS = 30
/**
 * The provider's timeout in every row but the timeout row's: long enough that
 * no answer of a busy machine's sandbox reaches it, so a drop or a reset is
 * never read as a timeout.
 */
export const TIMEOUT_MS = 10_000
/** The timeout row's own: short, so it waits little. */
export const SHORT_TIMEOUT_MS = 500

/** Markup a server might echo back; the kit must never build elements from it. */
export const IMG_PAYLOAD = '<img src=x onerror="document.body.dataset.pwned=\'img\'">'
export const SCRIPT_PAYLOAD = '<script>document.body.dataset.pwned = "script"</script>'

const json = (value: unknown) => JSON.stringify(value)
const verifyBody = (status: number, body: string, headers?: Record<string, string>): SandboxFault[] => [
  { type: 'body', route: 'verify', status, body, ...(headers ? { headers } : {}) },
]
const resend429 = (body: Record<string, unknown>, extra: Partial<SandboxFault> = {}) =>
  (language: Language): SandboxFault[] => [
    {
      type: 'body',
      route: 'resend',
      status: 429,
      body: json({ success: false, message: message('rateLimited', language), ...body }),
      ...extra,
    },
  ]
const HTML_PAGE = '<!DOCTYPE html><html><body><h1>Checkout is down for maintenance</h1></body></html>'

export const hostileCases: readonly HostileCase[] = [
  {
    on: 'verify',
    name: '200 with success: false and only a message',
    faults: (language) => verifyBody(200, json({ success: false, message: message('invalidCode', language) })),
    error: { kind: 'bad_response' },
    outcome: 'failure',
    status: 200,
    message: (t) => t.badResponse,
    field: 'kept',
  },
  {
    on: 'verify',
    name: '200 with success: false and attempts_remaining',
    faults: (language) => verifyBody(200, json({ success: false, message: message('invalidCode', language), attempts_remaining: 3 })),
    error: { kind: 'invalid_code', attemptsRemaining: 3 },
    outcome: 'verdict',
    status: 200,
    message: (t) => t.attemptsLeft({ count: 3 }),
    field: 'cleared',
  },
  {
    on: 'verify',
    name: '200 with an HTML page',
    faults: () => verifyBody(200, HTML_PAGE, { 'Content-Type': 'text/html; charset=utf-8' }),
    error: { kind: 'bad_response' },
    outcome: 'failure',
    status: 200,
    message: (t) => t.badResponse,
    field: 'kept',
    chromium: true,
  },
  {
    on: 'verify',
    name: '200 with an empty body',
    faults: () => verifyBody(200, ''),
    error: { kind: 'bad_response' },
    outcome: 'failure',
    status: 200,
    message: (t) => t.badResponse,
    field: 'kept',
  },
  {
    on: 'verify',
    name: '400 with truncated JSON',
    faults: () => verifyBody(400, '{"success":false,"message":"Invalid verif'),
    error: { kind: 'bad_response' },
    outcome: 'failure',
    status: 400,
    message: (t) => t.badResponse,
    field: 'kept',
  },
  {
    on: 'verify',
    name: '400 with no message',
    faults: () => verifyBody(400, json({ success: false })),
    error: { kind: 'bad_response' },
    outcome: 'failure',
    status: 400,
    message: (t) => t.badResponse,
    field: 'kept',
  },
  {
    on: 'verify',
    name: '400 with attempts_remaining as a string',
    faults: (language) => verifyBody(400, json({ success: false, message: message('invalidCode', language), attempts_remaining: '3' })),
    error: { kind: 'invalid_code', attemptsRemaining: 3 },
    outcome: 'verdict',
    status: 400,
    message: (t) => t.attemptsLeft({ count: 3 }),
    field: 'cleared',
  },
  {
    on: 'verify',
    name: '400 with attempts_remaining negative',
    faults: (language) => verifyBody(400, json({ success: false, message: message('invalidCode', language), attempts_remaining: -2 })),
    error: { kind: 'code_dead', reason: 'too_many_attempts' },
    outcome: 'verdict',
    status: 400,
    message: (t) => t.codeLocked,
    field: 'locked',
  },
  {
    // docs/back-ends.md §1: a 400 with only a message is one of the two dead-code
    // answers, whatever its words; the first try has attempts to spare, so the
    // reason is unknown.
    on: 'verify',
    name: '400 with attempts_remaining missing',
    faults: (language) => verifyBody(400, json({ success: false, message: message('invalidCode', language) })),
    error: { kind: 'code_dead', reason: 'unknown' },
    outcome: 'verdict',
    status: 400,
    message: (t) => t.codeDead,
    field: 'locked',
  },
  {
    on: 'verify',
    name: '401 with a token getter: one forced refresh, one retry, no more',
    faults: (language) => [{ type: 'status', route: 'verify', status: 401, times: Infinity, body: json({ success: false, message: message('unauthorized', language) }) }],
    error: { kind: 'unauthorized' },
    outcome: 'failure',
    status: 401,
    message: (t) => t.unauthorized,
    field: 'kept',
    auth: 'token-getter',
    requests: 2,
    tokenCalls: [false, true],
    chromium: true,
  },
  {
    on: 'verify',
    name: '403 with a token getter: one forced refresh, one retry, no more',
    faults: () => [{ type: 'status', route: 'verify', status: 403, times: Infinity }],
    error: { kind: 'unauthorized' },
    outcome: 'failure',
    status: 403,
    message: (t) => t.unauthorized,
    field: 'kept',
    auth: 'token-getter',
    requests: 2,
    tokenCalls: [false, true],
  },
  {
    on: 'verify',
    name: '401 with a static bearer token: no retry',
    faults: () => [{ type: 'status', route: 'verify', status: 401, times: Infinity }],
    error: { kind: 'unauthorized' },
    outcome: 'failure',
    status: 401,
    message: (t) => t.unauthorized,
    field: 'kept',
    auth: 'bearer',
    requests: 1,
  },
  {
    on: 'verify',
    name: '500 with a JSON message',
    faults: () => [{ type: 'server_error', route: 'verify' }],
    error: { kind: 'server' },
    outcome: 'failure',
    status: 500,
    message: (t) => t.server,
    field: 'kept',
  },
  {
    on: 'verify',
    name: '502 with an HTML page',
    faults: () => [{ type: 'html502', route: 'verify' }],
    error: { kind: 'server' },
    outcome: 'failure',
    status: 502,
    message: (t) => t.server,
    field: 'kept',
    chromium: true,
  },
  {
    on: 'verify',
    name: 'an answer slower than the timeout',
    faults: () => [{ type: 'delay', route: 'verify', ms: 60_000 }],
    timeoutMs: SHORT_TIMEOUT_MS,
    error: { kind: 'timeout' },
    outcome: 'failure',
    status: null,
    message: (t) => t.timeout,
    field: 'kept',
    chromium: true,
  },
  {
    on: 'verify',
    name: 'the connection dropped before an answer',
    faults: () => [{ type: 'drop', route: 'verify' }],
    error: { kind: 'network' },
    outcome: 'failure',
    status: null,
    message: (t) => t.network,
    field: 'kept',
    chromium: true,
  },
  {
    on: 'verify',
    name: 'the connection reset halfway through the body',
    faults: () => [{ type: 'reset', route: 'verify' }],
    error: { kind: 'network' },
    outcome: 'failure',
    status: null,
    message: (t) => t.network,
    field: 'kept',
    chromium: true,
  },
  {
    on: 'verify',
    name: 'a CORS failure: a proxy error page without CORS headers',
    faults: () => [{ type: 'html502', route: 'verify', cors: 'none' }],
    error: { kind: 'network' },
    outcome: 'failure',
    status: null,
    message: (t) => t.network,
    field: 'kept',
    chromium: true,
  },
  {
    on: 'verify',
    name: 'a wrong-code message that is an <img onerror> payload',
    faults: () => verifyBody(400, json({ success: false, message: IMG_PAYLOAD, attempts_remaining: 2 })),
    error: { kind: 'invalid_code', attemptsRemaining: 2 },
    outcome: 'verdict',
    status: 400,
    message: (t) => t.attemptsLeft({ count: 2 }),
    serverMessage: IMG_PAYLOAD,
    field: 'cleared',
    chromium: true,
  },
  {
    on: 'verify',
    name: 'a 500 whose message is a <script> payload',
    faults: () => verifyBody(500, json({ success: false, message: SCRIPT_PAYLOAD })),
    error: { kind: 'server' },
    outcome: 'failure',
    status: 500,
    message: (t) => t.server,
    serverMessage: SCRIPT_PAYLOAD,
    field: 'kept',
  },
  {
    on: 'resend',
    name: '429 with wait_time as a string',
    faults: resend429({ wait_time: '45' }),
    error: { kind: 'rate_limited', waitSeconds: 45 },
    outcome: 'failure',
    status: 429,
    message: (t) => t.rateLimited({ seconds: 45 }),
    countdown: 45,
  },
  {
    // A wait of zero is "now": the button is free at once.
    on: 'resend',
    name: '429 with wait_time 0',
    faults: resend429({ wait_time: 0 }),
    error: { kind: 'rate_limited', waitSeconds: 0 },
    outcome: 'failure',
    status: 429,
    // Nothing to wait for, so nothing to say: the button is free again.
    message: () => null,
    countdown: 0,
  },
  {
    on: 'resend',
    name: '429 with wait_time negative',
    faults: resend429({ wait_time: -30 }),
    error: { kind: 'rate_limited', waitSeconds: 0 },
    outcome: 'failure',
    status: 429,
    // Nothing to wait for, so nothing to say: the button is free again.
    message: () => null,
    countdown: 0,
  },
  {
    // Capped at an hour: the countdown stays m:ss and the sentence in minutes;
    // a server still limiting after that answers 429 again with what is left.
    on: 'resend',
    name: '429 with a huge wait_time',
    faults: resend429({ wait_time: 1e12 }),
    error: { kind: 'rate_limited', waitSeconds: 3600 },
    outcome: 'failure',
    status: 429,
    message: (t) => t.rateLimited({ seconds: 3600 }),
    countdown: 3600,
  },
  {
    on: 'resend',
    name: '429 without wait_time or Retry-After: the client cooldown',
    faults: resend429({}),
    error: { kind: 'rate_limited', waitSeconds: null },
    outcome: 'failure',
    status: 429,
    message: (t) => t.rateLimited({ seconds: COOLDOWN_SECONDS }),
    countdown: COOLDOWN_SECONDS,
  },
  {
    on: 'resend',
    name: '429 without wait_time, Retry-After exposed by CORS',
    faults: resend429({}, { headers: { 'Retry-After': '120' } }),
    error: { kind: 'rate_limited', waitSeconds: 120 },
    outcome: 'failure',
    status: 429,
    message: (t) => t.rateLimited({ seconds: 120 }),
    countdown: 120,
    chromium: true,
  },
  {
    on: 'resend',
    name: '429 without wait_time, Retry-After not exposed: the client cooldown',
    faults: resend429({}, { headers: { 'Retry-After': '120' }, cors: 'no-expose' }),
    error: { kind: 'rate_limited', waitSeconds: null },
    outcome: 'failure',
    status: 429,
    message: (t) => t.rateLimited({ seconds: COOLDOWN_SECONDS }),
    countdown: COOLDOWN_SECONDS,
    chromium: true,
  },
  {
    on: 'resend',
    name: 'resend answered by a 502 HTML page',
    faults: () => [{ type: 'html502', route: 'resend' }],
    error: { kind: 'server' },
    outcome: 'failure',
    status: 502,
    message: (t) => t.server,
    countdown: 0,
  },
]

export const verifyCases = hostileCases.filter((c): c is VerifyCase => c.on === 'verify')
export const resendCases = hostileCases.filter((c): c is ResendCase => c.on === 'resend')

/** The sentence a row expects on screen, for rows that always show one. */
export function sentenceOf(row: HostileCase, t: Translator): string {
  const sentence = row.message(t)
  if (sentence === null) throw new Error(`the row "${row.name}" shows no sentence`)
  return sentence
}
