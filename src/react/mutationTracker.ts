'use client'
import type { Mutation, QueryClient } from '@tanstack/react-query'
import type { OtpRequestInfo } from '../core/controller.js'
import { otpKeys } from './otpKeys.js'

/** What {@link createMutationTracker} returns. */
export interface MutationTracker {
  /** Runs one request as a mutation of the QueryClient under its `otpKeys` key. */
  track<T>(request: OtpRequestInfo, run: () => Promise<T>): Promise<T>
  /** Takes the kit's settled mutations out of the cache. */
  clear(): void
}

/**
 * Files each of the controller's requests in the host's QueryClient as a
 * mutation, so devtools, `useIsMutating` and the cache's own callbacks see
 * the kit's work. Nothing reads state back from them: the controller's store
 * owns it. The last settled mutation of each key stays for devtools until
 * the next one or until the provider unmounts, with no timer of its own.
 */
export function createMutationTracker(getClient: () => QueryClient): MutationTracker {
  const kept = new Map<string, { client: QueryClient; mutation: Mutation<unknown, unknown, void> }>()
  const drop = (entry: { client: QueryClient; mutation: Mutation<unknown, unknown, void> } | undefined) => {
    if (entry) entry.client.getMutationCache().remove(entry.mutation)
  }
  return {
    track(request, run) {
      const client = getClient()
      const mutationKey = request.kind === 'verify' ? otpKeys.verify(request.key) : otpKeys.resend(request.key)
      const mutation = client.getMutationCache().build<unknown, unknown, void, unknown>(client, {
        mutationKey,
        mutationFn: () => run(),
        // A blind retry can burn an attempt, and offline must end in `network`
        // rather than wait: whatever the host's QueryClient defaults say.
        retry: 0,
        networkMode: 'always',
        // No garbage-collection timer: the kit removes its own (see above).
        gcTime: Infinity,
      })
      const id = mutationKey.join(' ')
      const settled = () => {
        const before = kept.get(id)
        if (before?.mutation !== mutation) drop(before)
        kept.set(id, { client, mutation })
      }
      return (mutation.execute() as Promise<Awaited<ReturnType<typeof run>>>).finally(settled)
    },
    clear() {
      kept.forEach(drop)
      kept.clear()
    },
  }
}
