import { expect, vi } from 'vitest'
import { isOtpError, type OtpError } from '../../src/core/errors'

/** What a fake fetch was called with: the URL, the init, its headers in lower case and the parsed JSON body. */
export type Call = { url: string; init: RequestInit; headers: Record<string, string>; body: unknown }

/** A fetch that answers each call with the next answer (the last one repeats), and records the calls. */
export function fakeFetch(...answers: Array<Response | Error | ((call: Call) => Response | Promise<Response>)>) {
  const calls: Call[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      url: String(input),
      init,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    }
    calls.push(call)
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!
    if (answer instanceof Error) throw answer
    return typeof answer === 'function' ? answer(call) : answer.clone()
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

/** A JSON response. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

/** The phone of the customer in {@link ondiVerified}. */
export const ONDI_PHONE = '+9647501234567'

/** OnDi's answer to a right code for {@link ONDI_PHONE} (customer GAL1, Sara), with no session. */
export const ondiVerified = json(200, { success: true, data: { customer_id: 'GAL1', full_name: 'Sara', phone: ONDI_PHONE, is_verified: true }, message: 'ok' })

/** The OtpError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function caught(promise: Promise<unknown>): Promise<OtpError> {
  try {
    await promise
  } catch (error) {
    expect(isOtpError(error)).toBe(true)
    return error as OtpError
  }
  throw new Error('expected a rejection')
}
