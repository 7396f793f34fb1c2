import type { CustomerStore } from '../customerStore.js'
import type { SessionTokens } from '../sessionTokens.js'
import type { SandboxClock, SandboxLanguage, SandboxRequest } from '../types.js'

/** Everything a route handler reads: the request and the sandbox's state. */
export interface RouteContext {
  request: SandboxRequest
  language: SandboxLanguage
  clock: SandboxClock
  store: CustomerStore
  tokens: SessionTokens
  maxAttempts: number
  lastWrongCode: 'attempts_remaining_0' | 'too_many_attempts'
  oystrMode: 'sandbox' | 'strict'
  /** Serial for order ids. */
  nextOrderNumber: () => number
}
