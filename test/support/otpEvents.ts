import { expect } from 'vitest'
import type { OtpEvent } from '../../src/core/events'

/** The fields each event may carry besides `type`, `timestamp` and `flowId`, and what each may hold. */
const FIELDS: Record<OtpEvent['type'], Record<string, (value: unknown) => boolean>> = {
  code_sent: { by: (v) => v === 'host' || v === 'resend' },
  resend_requested: {},
  code_entered: { source: (v) => ['typed', 'pasted', 'autofilled', 'webotp'].includes(v as string) },
  verify_failed: { kind: (v) => typeof v === 'string' && /^[a-z_]+$/.test(v) },
  rate_limited: { waitSeconds: (v) => v === null || (typeof v === 'number' && v >= 0) },
  locked: { reason: (v) => ['expired', 'too_many_attempts', 'unknown'].includes(v as string) },
  verified: { attempts: (v) => Number.isInteger(v) && (v as number) >= 0, msSinceCodeSent: (v) => v === null || typeof v === 'number' },
  change_phone: {},
  abandoned: { msSpent: (v) => typeof v === 'number' && v >= 0 },
}

/**
 * Checks that an event holds nothing but its own kinds, counts and times: no
 * field beyond its type's, no free text, and none of `secrets` (codes, the
 * phone, ids, tokens, server text) anywhere in it.
 */
export function expectPrivacySafe(event: OtpEvent, secrets: readonly string[]) {
  const { type, timestamp, flowId, ...rest } = event
  const fields = FIELDS[type]
  expect(fields, `an event of an unknown type: ${type}`).toBeDefined()
  expect(typeof timestamp).toBe('number')
  // A random id, not one derived from the target.
  expect(flowId).toMatch(/^[0-9a-z-]{16,40}$/)
  for (const [name, value] of Object.entries(rest)) {
    expect(fields[name], `${type} carries an unexpected field: ${name}`).toBeDefined()
    expect(fields[name]!(value), `${type}.${name} = ${JSON.stringify(value)}`).toBe(true)
  }
  const text = JSON.stringify({ type, timestamp, ...rest })
  for (const secret of secrets) if (secret) expect(text.includes(secret), `${type} contains ${secret}`).toBe(false)
}
