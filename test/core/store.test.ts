import { describe, expect, it, vi } from 'vitest'
import { createOtpError } from '../../src/core/errors'
import { createVerificationStore, initialTargetState } from '../../src/core/store'
import type { OtpSession } from '../../src/core/types'

const SHOPPER = 'ondi:+9647501234567'
const OTHER = 'ondi:+9647701234567'

describe('createVerificationStore', () => {
  it('starts each target fresh, with the attempts its back end allows', () => {
    const maxAttemptsOf = vi.fn((key: string) => (key.startsWith('ondi:') ? 5 : null))
    const store = createVerificationStore(maxAttemptsOf)
    expect(store.get(SHOPPER)).toEqual(initialTargetState(5))
    expect(store.get('oystr:GAL1')).toMatchObject({ attemptsRemaining: null, cycle: 0, dead: null, verified: null })
    // Asked once per target: the state is kept, not made again on each read.
    expect(store.get(SHOPPER)).toBe(store.get(SHOPPER))
    expect(maxAttemptsOf).toHaveBeenCalledTimes(2)
  })

  it('keeps targets apart: a wrong code for one phone leaves the other untouched', () => {
    const store = createVerificationStore(() => 5)
    const verdict = createOtpError({ kind: 'invalid_code', attemptsRemaining: 4 })
    store.update(SHOPPER, () => ({ attemptsRemaining: 4, lastVerdict: verdict, verdicts: { '111112': verdict } }))
    expect(store.get(SHOPPER)).toMatchObject({ attemptsRemaining: 4, lastVerdict: verdict })
    expect(store.get(OTHER)).toEqual(initialTargetState(5))
  })

  it('replaces a state on each change and never edits one a render already read', () => {
    const store = createVerificationStore(() => 5)
    const before = store.get(SHOPPER)
    const after = store.update(SHOPPER, (state) => ({ cycle: state.cycle + 1, sentAt: 1_000 }))
    expect(after).not.toBe(before)
    expect(before).toEqual(initialTargetState(5))
    expect(store.get(SHOPPER)).toBe(after)
    expect(after).toMatchObject({ cycle: 1, sentAt: 1_000, attemptsRemaining: 5 })
  })

  it('tells every subscriber of each change, until it unsubscribes', () => {
    const store = createVerificationStore(() => 5)
    const first = vi.fn()
    const second = vi.fn()
    const stop = store.subscribe(first)
    store.subscribe(second)
    store.update(SHOPPER, () => ({ isVerifying: true }))
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(1)
    stop()
    store.update(OTHER, () => ({ isResending: true }))
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(2)
  })

  it('holds one session, whichever target verified, and tells subscribers when it changes', () => {
    const store = createVerificationStore(() => 5)
    const listener = vi.fn()
    store.subscribe(listener)
    expect(store.getSession()).toBeNull()
    const session: OtpSession = { accessToken: 'token', headers: { 'X-EXPRESS-KEY': 'token' }, expiresAt: 2_000 }
    store.setSession(session)
    expect(store.getSession()).toBe(session)
    store.setSession(null)
    expect(store.getSession()).toBeNull()
    expect(listener).toHaveBeenCalledTimes(2)
  })
})
