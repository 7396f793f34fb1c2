import type { OtpSandbox, OtpSandboxOptions } from '../../src/testing'

/** What a story may tell the preview about its sandbox and provider. */
export interface OtpStoryParameters {
  /** The provider's adapter. @defaultValue 'ondi' */
  adapter?: 'ondi' | 'oystr'
  /** Options laid over the stories' defaults (60 s cooldown, code 123456). */
  sandboxOptions?: OtpSandboxOptions
  /** Runs on the story's fresh sandbox before the story renders: faults, expiries, clock moves. */
  setup?: (sandbox: OtpSandbox) => void | Promise<void>
}

/**
 * Parameters that give a story its own sandbox, set up its own way. The
 * preview's loader builds the sandbox per render, so no state leaks between
 * stories.
 *
 * @example
 * export const NetworkError = { parameters: withSandbox((sandbox) => sandbox.injectFault({ type: 'drop', route: 'verify' })) }
 */
export function withSandbox(
  setup?: OtpStoryParameters['setup'],
  options: Omit<OtpStoryParameters, 'setup'> = {},
): { otp: OtpStoryParameters } {
  return { otp: { ...options, setup } }
}

/** The phones of the sandbox's demo customers that the stories use. */
export const PHONES = {
  /** Unverified, with a live code (123456 in the stories). */
  unverified: '+9647501234567',
  /** Already verified: a resend answers "already verified". */
  verified: '+9647701234567',
  /** No such customer. */
  unknown: '+9647509999999',
} as const

/** The code every story sandbox sends. */
export const CODE = '123456'
