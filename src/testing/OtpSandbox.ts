import type {
  SandboxAuth,
  SandboxClock,
  SandboxCustomer,
  SandboxCustomerInput,
  SandboxFault,
  SandboxLanguage,
  SandboxRequest,
  SandboxResult,
  SandboxSms,
} from './types.js'

/** What `generateCode` is told about the code it makes. */
export interface GenerateCodeDetails {
  to: string
  customerId: string
  /** 1 for the first code the sandbox sends, 2 for the next, and so on. */
  count: number
}

/** Options of {@link createOtpSandbox}. Every one has a default. */
export interface OtpSandboxOptions {
  /**
   * The time source. `sandbox.clock.advance` and `set` move time on top of it,
   * so `() => fixedEpoch` gives a clock that moves only when a test says so.
   * @defaultValue `() => Date.now()` (read at each call, so fake timers apply)
   */
  now?: () => number
  /** Makes each code. @defaultValue six random digits from `crypto.getRandomValues` */
  generateCode?: (details: GenerateCodeDetails) => string
  /** Called with each text message as it is sent: the only place codes leave the sandbox. */
  onSend?: (sms: SandboxSms) => void
  /**
   * The customers at start and after `reset()`. Unverified ones get a first
   * code at once, as the host's flow sends one when it creates a customer.
   * @defaultValue {@link DEMO_CUSTOMERS}
   */
  customers?: readonly SandboxCustomerInput[]
  /** Wrong codes a code survives. @defaultValue `5` */
  maxAttempts?: number
  /**
   * What the last wrong code answers: `attempts_remaining: 0` with
   * "Invalid verification code", or the "Too many failed attempts" body.
   * Either way the code is dead afterwards.
   * @defaultValue `'attempts_remaining_0'`
   */
  lastWrongCode?: 'attempts_remaining_0' | 'too_many_attempts'
  /** How long a code lives. @defaultValue `300_000` (5 minutes) */
  codeTtlMs?: number
  /** Time after a send before a resend succeeds. @defaultValue `60_000` */
  resendCooldownMs?: number
  /** Lifetime of the `access_token` a verify hands out. @defaultValue `300_000` */
  sessionTtlMs?: number
  /** Required credentials. @defaultValue none: every request is accepted */
  auth?: SandboxAuth
  /**
   * `sandbox`: any 6-digit OTP verifies, as Oystr documents for its sandbox.
   * `strict`: the OTP must be the customer's current code (no attempt count).
   * @defaultValue `'sandbox'`
   */
  oystrMode?: 'sandbox' | 'strict'
}

/** What {@link OtpSandbox.sendCode} takes. */
export interface SendCodeOptions {
  /** Language of the text message. @defaultValue `'en'` */
  language?: SandboxLanguage
}

/** A fake OnDi + Oystr back end: a state machine behind {@link OtpSandbox.handle}. */
export interface OtpSandbox {
  /** The sandbox's time. */
  readonly clock: SandboxClock
  /** Every text message sent since the last reset, oldest first. */
  readonly inbox: readonly SandboxSms[]
  /** Snapshots of the customers. */
  readonly customers: readonly SandboxCustomer[]
  /** Faults still waiting for a request. */
  readonly pendingFaults: readonly SandboxFault[]
  /** The last code sent to a phone or customer id. */
  lastCodeFor(phoneOrCustomerId: string): string | undefined
  /** A snapshot of one customer, by phone, customer id or tracking code. */
  getCustomer(key: string): SandboxCustomer | undefined
  /** Seeds a customer without sending anything. Throws when the phone or id is taken. */
  addCustomer(input: SandboxCustomerInput): SandboxCustomer
  /** Seeds a customer and sends the first code, as the host's flow does. */
  createCustomer(input: SandboxCustomerInput, options?: SendCodeOptions): SandboxCustomer
  /**
   * Starts a new code cycle the way the host's server would: no cooldown, and
   * it works for verified customers too (the only way to renew a session).
   */
  sendCode(phoneOrCustomerId: string, options?: SendCodeOptions): SandboxSms
  /** Expires the current code of one customer, or of all of them. */
  expireCode(phoneOrCustomerId?: string): void
  /** Queues a fault for the next answer(s) of a route; `expire` acts at once. */
  injectFault(fault: SandboxFault): void
  /** Drops the queued faults and releases held requests. */
  clearFaults(): void
  /** Answers one request. Both transports are thin wrappers over this. */
  handle(request: SandboxRequest): Promise<SandboxResult>
  /** Back to the start: seed customers, empty inbox, no faults, no sessions. The clock stays. */
  reset(): void
}
