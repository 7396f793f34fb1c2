import { onlineManager, QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { createMutationTracker } from '../../src/react/mutationTracker'
import { otpKeys } from '../../src/react/otpKeys'

const VERIFY = { kind: 'verify', key: '+9647501234567' } as const

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

afterEach(() => {
  onlineManager.setOnline(true)
})

describe('createMutationTracker', () => {
  it('files a request as a mutation under its otpKeys key while it runs, and hands back its result', async () => {
    const client = new QueryClient()
    const tracker = createMutationTracker(() => client)
    const answer = deferred<string>()
    const pending = tracker.track(VERIFY, () => answer.promise)
    await Promise.resolve()
    expect(client.isMutating({ mutationKey: otpKeys.verify(VERIFY.key) })).toBe(1)
    expect(client.isMutating({ mutationKey: otpKeys.resend(VERIFY.key) })).toBe(0)
    answer.resolve('verified')
    expect(await pending).toBe('verified')
    expect(client.isMutating()).toBe(0)
  })

  it('runs a request once, whatever retry the host’s QueryClient defaults to, and passes the failure on', async () => {
    const client = new QueryClient({ defaultOptions: { mutations: { retry: 3, retryDelay: 0 } } })
    const tracker = createMutationTracker(() => client)
    let runs = 0
    const failure = new Error('wrong code')
    await expect(
      tracker.track(VERIFY, async () => {
        runs++
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(runs).toBe(1)
  })

  it('runs while the browser says it is offline, rather than waiting to come back', async () => {
    onlineManager.setOnline(false)
    const client = new QueryClient()
    const tracker = createMutationTracker(() => client)
    let runs = 0
    await tracker.track(VERIFY, async () => ++runs)
    expect(runs).toBe(1)
  })

  it('keeps only the last settled mutation of each key, and none after clear', async () => {
    const client = new QueryClient()
    const tracker = createMutationTracker(() => client)
    const cache = client.getMutationCache()
    await tracker.track(VERIFY, async () => 'first')
    await tracker.track(VERIFY, async () => 'second')
    await tracker.track({ kind: 'resend', key: VERIFY.key }, async () => 'sent')
    expect(cache.getAll().map((m) => [m.options.mutationKey, m.state.data])).toEqual([
      [otpKeys.verify(VERIFY.key), 'second'],
      [otpKeys.resend(VERIFY.key), 'sent'],
    ])
    tracker.clear()
    expect(cache.getAll()).toEqual([])
  })

  it('files each request in the QueryClient of the moment, taking the earlier one of its key out of its own', async () => {
    const clients = [new QueryClient(), new QueryClient()]
    let current = clients[0]!
    const tracker = createMutationTracker(() => current)
    await tracker.track(VERIFY, async () => 1)
    current = clients[1]!
    await tracker.track(VERIFY, async () => 2)
    expect(clients.map((client) => client.getMutationCache().getAll().map((m) => m.state.data))).toEqual([[], [2]])
    tracker.clear()
    expect(clients.map((client) => client.getMutationCache().getAll().length)).toEqual([0, 0])
  })
})
