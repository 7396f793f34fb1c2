'use client'
import { useCallback, useEffect, useRef } from 'react'
import { useLatest } from './useLatest.js'

/**
 * Asks the browser for the code of an incoming SMS through WebOTP
 * (`navigator.credentials.get({ otp })`) while `enabled`, where the browser
 * has it; elsewhere it does nothing. The request is aborted when `enabled`
 * turns false, on unmount, and when the returned function is called (the
 * shopper typed or pasted). Aborts and refusals are expected, so errors are
 * ignored.
 *
 * @param enabled - whether a request should be open now
 * @param onCode - receives the code the browser read from the SMS
 * @returns a function that aborts the open request
 *
 * @example
 * const abort = useWebOtp(!disabled, (code) => setValue(code))
 */
export function useWebOtp(enabled: boolean, onCode: (code: string) => void): () => void {
  const request = useRef<AbortController | null>(null)
  const latest = useLatest(onCode)

  useEffect(() => {
    if (!enabled || !('OTPCredential' in window)) return
    const controller = (request.current = new AbortController())
    // `otp` is not in TypeScript's DOM types yet.
    const options = { otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions
    navigator.credentials.get(options).then(
      (credential) => {
        const code = (credential as { code?: string } | null)?.code
        if (code && !controller.signal.aborted) latest.current(code)
      },
      () => {},
    )
    return () => controller.abort()
  }, [enabled])

  return useCallback(() => request.current?.abort(), [])
}
