import type { CodeDeadReason, OtpErrorKind } from './errors.js'
import type { OtpInputSource } from './otpField.js'

/** What every {@link OtpEvent} carries. */
export interface OtpEventBase<TType extends string> {
  type: TType
  /** Epoch ms at which it happened. */
  timestamp: number
  /** A random id of one mounted flow: joins the events of one shopper's attempt. */
  flowId: string
}

/**
 * The funnel of one verification flow, for a checkout's analytics. Privacy
 * safe by construction: no event carries the code, the phone, a customer id,
 * a tracking code, a token or any text from the server; only kinds, counts
 * and durations.
 */
export type OtpEvent =
  /** A code went out: `host` when the host's flow sent it (`codeSentAt`), `resend` when the kit asked for it. */
  | (OtpEventBase<'code_sent'> & { by: 'host' | 'resend' })
  /** The shopper (or `sendOnMount`) asked for a new code. */
  | OtpEventBase<'resend_requested'>
  /** A complete code is in the field, once per completed code, with how its last input arrived. */
  | (OtpEventBase<'code_entered'> & { source: OtpInputSource })
  /** A verify ended without success (never for a cancelled one). */
  | (OtpEventBase<'verify_failed'> & { kind: OtpErrorKind })
  /** A resend was refused as too soon; `waitSeconds` when the server said. */
  | (OtpEventBase<'rate_limited'> & { waitSeconds: number | null })
  /** The code can no longer be used until a new one is sent. */
  | (OtpEventBase<'locked'> & { reason: CodeDeadReason })
  /** The code was accepted: `attempts` verify requests the server judged in this flow, `msSinceCodeSent` when known. */
  | (OtpEventBase<'verified'> & { attempts: number; msSinceCodeSent: number | null })
  /** The shopper chose "Wrong number?". */
  | OtpEventBase<'change_phone'>
  /** The flow unmounted unverified, after `msSpent`. */
  | (OtpEventBase<'abandoned'> & { msSpent: number })

/** The `type` of an {@link OtpEvent}. */
export type OtpEventType = OtpEvent['type']
