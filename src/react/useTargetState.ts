'use client'
import { useCallback, useSyncExternalStore } from 'react'
import type { TargetState } from '../core/store.js'
import type { OtpContextValue } from './OtpContext.js'

/** Subscribes to one target's state in the provider's store. */
export function useTargetState({ controller }: OtpContextValue, key: string): TargetState {
  const { store } = controller
  const get = useCallback(() => store.get(key), [store, key])
  return useSyncExternalStore(store.subscribe, get, get)
}
