import { isInternationalPhone, isoSeconds } from './http.js'
import { smsText } from './messages.js'
import type { GenerateCodeDetails } from './OtpSandbox.js'
import type { SandboxClock, SandboxCustomer, SandboxCustomerInput, SandboxLanguage, SandboxSms } from './types.js'

/** The live code of a customer. */
export interface CodeCycle {
  code: string
  sentAt: number
  expiresAt: number
  attemptsLeft: number
  /** Set when the attempts ran out: only a new code revives the customer. */
  locked: boolean
}

/** A customer and the state of their codes. */
export interface CustomerEntry {
  customer: SandboxCustomer
  /** `null` before the first code and after a code was used. */
  cycle: CodeCycle | null
  /** Epoch ms before which a resend answers 429. */
  cooldownUntil: number
}

/** Settings the store needs from the sandbox's options. */
export interface CustomerStoreConfig {
  clock: SandboxClock
  generateCode: (details: GenerateCodeDetails) => string
  onSend: ((sms: SandboxSms) => void) | undefined
  maxAttempts: number
  codeTtlMs: number
  resendCooldownMs: number
}

/** Customers, their codes and the inbox: the state behind every route. */
export interface CustomerStore {
  readonly entries: readonly CustomerEntry[]
  readonly inbox: readonly SandboxSms[]
  add(input: SandboxCustomerInput): CustomerEntry
  /** By phone or customer id. */
  find(key: string): CustomerEntry | undefined
  findByTrackingCode(trackingCode: string): CustomerEntry | undefined
  send(entry: CustomerEntry, language: SandboxLanguage): SandboxSms
  expire(key?: string): void
  clear(): void
}

/** Makes the store. Codes are compared as strings: a leading zero is a digit like any other. */
export function createCustomerStore(config: CustomerStoreConfig): CustomerStore {
  const { clock } = config
  let entries: CustomerEntry[] = []
  let inbox: SandboxSms[] = []
  let codesSent = 0
  let uuidSerial = 0

  const find = (key: string) => entries.find((e) => e.customer.phone === key || e.customer.customerId === key)
  // Deterministic ids keep test output stable from run to run.
  const nextUuid = () => `00000000-0000-4000-8000-${String(++uuidSerial).padStart(12, '0')}`

  return {
    get entries() {
      return entries
    },
    get inbox() {
      return inbox
    },
    add(input) {
      if (!isInternationalPhone(input.phone)) {
        throw new Error(`sandbox customer phone "${input.phone}" is not in international format (+ and 8 to 15 digits)`)
      }
      let customerId = input.customerId
      if (customerId === undefined) {
        let stamp = clock.now()
        while (find(`GAL${stamp}`)) stamp += 1
        customerId = `GAL${stamp}`
      }
      if (find(input.phone) || find(customerId)) {
        throw new Error(`a sandbox customer with phone ${input.phone} or id ${customerId} exists already`)
      }
      const verified = input.verified ?? false
      const hasUserAccount = input.hasUserAccount ?? false
      const customer: SandboxCustomer = {
        customerId,
        phone: input.phone,
        fullName: input.fullName ?? 'Sandbox Customer',
        email: input.email ?? `${customerId.toLowerCase()}@example.test`,
        isVerified: verified,
        verifiedAt: verified ? isoSeconds(clock.now()) : null,
        hasUserAccount,
        userId: input.userId ?? (hasUserAccount ? nextUuid() : null),
        addressId: input.addressId ?? (hasUserAccount ? nextUuid() : null),
        deliveryAddress: input.deliveryAddress ?? (hasUserAccount ? { line1: '1 Sandbox Street', city: 'Erbil', country: 'IQ' } : null),
        trackingCode: input.trackingCode ?? null,
      }
      const entry: CustomerEntry = { customer, cycle: null, cooldownUntil: 0 }
      entries.push(entry)
      return entry
    },
    find,
    findByTrackingCode(trackingCode) {
      return entries.find((e) => e.customer.trackingCode === trackingCode)
    },
    send(entry, language) {
      const now = clock.now()
      codesSent += 1
      const { phone: to, customerId } = entry.customer
      const code = config.generateCode({ to, customerId, count: codesSent })
      if (!/^\d{6}$/.test(code)) throw new Error(`generateCode must return 6 digits, got "${code}"`)
      entry.cycle = { code, sentAt: now, expiresAt: now + config.codeTtlMs, attemptsLeft: config.maxAttempts, locked: false }
      entry.cooldownUntil = now + config.resendCooldownMs
      const sms: SandboxSms = {
        to,
        customerId,
        code,
        sentAt: now,
        expiresAt: now + config.codeTtlMs,
        text: smsText(code, config.codeTtlMs, language),
        language,
      }
      inbox = [...inbox, sms]
      config.onSend?.(sms)
      return sms
    },
    expire(key) {
      const targets = key === undefined ? entries : entries.filter((e) => e === find(key))
      const now = clock.now()
      for (const entry of targets) if (entry.cycle) entry.cycle.expiresAt = Math.min(entry.cycle.expiresAt, now)
    },
    clear() {
      entries = []
      inbox = []
      codesSent = 0
      uuidSerial = 0
    },
  }
}

/** Six digits from the platform's CSPRNG, without modulo bias. */
export function randomCode(): string {
  const buffer = new Uint32Array(1)
  const limit = 4_294_000_000 // the largest multiple of 1e6 below 2^32
  let value: number
  do {
    globalThis.crypto.getRandomValues(buffer)
    value = buffer[0] ?? 0
  } while (value >= limit)
  return String(value % 1_000_000).padStart(6, '0')
}
