/**
 * The shapes the sandbox speaks in: requests and responses at the HTTP level,
 * customers, text messages and faults. The sandbox is the other side of the
 * wire, so nothing here refers to the kit's adapters.
 */

/** The languages of the `message` strings (`?language=`). `ku` is Sorani, Arabic script. */
export type SandboxLanguage = 'en' | 'ar' | 'ku'

/** One HTTP request, as any transport hands it to {@link OtpSandbox.handle}. */
export interface SandboxRequest {
  method: string
  /** Absolute, or a path with its query string (`/api/express-shipping/...?language=ar`). */
  url: string
  /** Header names in any case. */
  headers?: Record<string, string | undefined>
  /** The raw body; empty when there is none. */
  body?: string
}

/** An answer: the transport writes it as it is. */
export interface SandboxResponse {
  status: number
  /** Lower-case header names. */
  headers: Record<string, string>
  body: string
  /**
   * The CORS headers the server adds, when a fault says otherwise than "all":
   * see {@link SandboxFault.cors}.
   */
  cors?: SandboxCors
}

/**
 * No whole answer: the transport drops the connection, before anything is
 * sent or, with `partial`, after the status, the headers and part of the body.
 */
export interface SandboxDrop {
  drop: true
  /** What goes out before the connection is cut (the `reset` fault). */
  partial?: SandboxResponse
}

/** What {@link OtpSandbox.handle} resolves to. */
export type SandboxResult = SandboxResponse | SandboxDrop

/** A customer as the sandbox stores it. */
export interface SandboxCustomer {
  /** OnDi style, `GAL` and digits, or any id (Oystr uses UUIDs). */
  customerId: string
  /** International format, `+` and 8 to 15 digits. */
  phone: string
  fullName: string
  email: string
  isVerified: boolean
  /** ISO 8601 without milliseconds, like the documented `2024-01-01T12:00:00Z`. */
  verifiedAt: string | null
  /**
   * Whether the customer has an OnDi user account: a successful verify then
   * answers the documented shape with `user_id` and an `access_token`.
   */
  hasUserAccount: boolean
  userId: string | null
  addressId: string | null
  deliveryAddress: Record<string, unknown> | null
  /** Oystr's `tracking_code`: the id the host site gave the customer. */
  trackingCode: string | null
}

/** What {@link OtpSandbox.addCustomer} takes: the phone, the rest has defaults. */
export interface SandboxCustomerInput {
  phone: string
  /** @defaultValue `GAL` and the clock's epoch milliseconds */
  customerId?: string
  /** @defaultValue `'Sandbox Customer'` */
  fullName?: string
  /** @defaultValue derived from the customer id */
  email?: string
  /** @defaultValue `false` */
  verified?: boolean
  /** @defaultValue `false` */
  hasUserAccount?: boolean
  userId?: string
  addressId?: string
  deliveryAddress?: Record<string, unknown>
  trackingCode?: string
}

/** One text message the sandbox "sent": the developer's SMS inbox. */
export interface SandboxSms {
  /** The phone the code went to. */
  to: string
  customerId: string
  code: string
  /** Epoch milliseconds on the sandbox's clock. */
  sentAt: number
  /** Epoch milliseconds at which the code stops working. */
  expiresAt: number
  /** The message as a phone would show it. */
  text: string
  language: SandboxLanguage
}

/** The routes a fault can aim at. `any` is the first of them to be called. */
export type SandboxFaultRoute = 'verify' | 'resend' | 'oystr-verify' | 'order' | 'any'

/** The kinds of fault {@link OtpSandbox.injectFault} takes. */
export type SandboxFaultType =
  /** 502 with an HTML page, as a proxy in front of a dead back end answers. */
  | 'html502'
  /** The connection is dropped: no status, no body. */
  | 'drop'
  /** The normal answer, `ms` later, timed by the sandbox's clock. */
  | 'delay'
  /** `status` (default 500) with a JSON `{ success: false, message }`, or `body` when given. */
  | 'status'
  /** `status` (default 200), `body` and `headers` exactly as given: for hostile back ends. */
  | 'body'
  /** No answer: the request is held, then dropped after `ms` (or at reset). */
  | 'timeout'
  /**
   * The status (default 200), the headers and the start of `body` go out, then
   * the connection is cut: the client fails while reading the body.
   */
  | 'reset'
  /** The next resend answers 429 with `wait_time` (`waitSeconds`, default the cooldown). */
  | 'rate_limit'
  /** Not queued: the current code of `to` (or every code) expires now. */
  | 'expire'
  /** 500 with a JSON `{ success: false, message }`. */
  | 'server_error'

/** A fault for the next answer(s) of a route. */
export interface SandboxFault {
  /** @defaultValue `'any'` (`'resend'` for `rate_limit`) */
  route?: SandboxFaultRoute
  type: SandboxFaultType
  /** `delay`: how long; `timeout`: how long before the connection drops. */
  ms?: number
  status?: number
  /** `body`: the raw body; `status`: replaces the JSON body. */
  body?: string
  headers?: Record<string, string>
  /** How many answers the fault takes. @defaultValue `1` */
  times?: number
  /** `expire`: the phone or customer id; all codes when absent. */
  to?: string
  /** `rate_limit`: the `wait_time` to answer. */
  waitSeconds?: number
  /**
   * The CORS headers of the answer, for cross-origin tests. `'none'`: the
   * server sends none, so a page on another origin gets a network error, as
   * behind a proxy whose error pages carry no CORS headers. `'no-expose'`: no
   * `Access-Control-Expose-Headers`, so such a page cannot read `Retry-After`.
   * MSW handlers mimic what that page would see: a network error, or only the
   * CORS-safelisted headers. @defaultValue every CORS header
   */
  cors?: SandboxCors
}

/** A fault's CORS headers: see {@link SandboxFault.cors}. */
export type SandboxCors = 'none' | 'no-expose'

/** The sandbox's time: every expiry, cooldown, token and injected delay reads it. */
export interface SandboxClock {
  /** Epoch milliseconds. */
  now(): number
  /** Moves time forward, firing the delays that fall due. */
  advance(ms: number): void
  /** Jumps to an epoch millisecond, firing the delays that fall due. */
  set(epochMs: number): void
  /** Resolves after `ms` of sandbox time: by a real timer or by `advance`, whichever comes first. */
  sleep(ms: number): Promise<void>
}

/** Credentials the sandbox accepts. Absent: anything goes, no header included. */
export interface SandboxAuth {
  apiKeys?: readonly string[]
  bearerTokens?: readonly string[]
}
