'use client'
import { useEffect, useRef, type RefObject } from 'react'

/**
 * Asks the browser for the code of an incoming SMS through WebOTP
 * (`navigator.credentials.get({ otp })`) while `enabled`, where the browser
 * has it; elsewhere it does nothing. The request is aborted when `enabled`
 * turns false, on unmount, and by whoever holds the returned ref (the field
 * aborts it when the shopper types or pastes). Aborts and refusals are
 * expected, so errors are ignored.
 *
 * @param enabled - whether a request should be open now
 * @param deliver - holds the function that receives the code (read when the code arrives)
 * @returns the open request's controller
 *
 * @example
 * const deliver = useRef((code: string) => setValue(code))
 * const request = useWebOtp(!disabled, deliver)
 * request.current?.abort()
 */
export function useWebOtp(enabled: boolean, deliver: RefObject<((code: string) => void) | null>): RefObject<AbortController | null> {
  const request = useRef<AbortController | null>(null)

  useEffect(() => {
    if (!enabled || !('OTPCredential' in window)) return
    const controller = (request.current = new AbortController())
    // `otp` is not in TypeScript's DOM types yet.
    const options = { otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions
    navigator.credentials.get(options).then(
      (credential) => {
        const code = (credential as { code?: string } | null)?.code
        if (code && !controller.signal.aborted) deliver.current?.(code)
      },
      () => {},
    )
    return () => controller.abort()
  }, [enabled, deliver])

  return request
}
