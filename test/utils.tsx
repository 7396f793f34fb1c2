import { QueryClient } from '@tanstack/react-query'
import { render, renderHook, type RenderHookOptions } from '@testing-library/react'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { OtpProvider, type OtpProviderProps } from '../src/react/OtpProvider'
import { createOtpSandbox, createSandboxHandlers, type OtpSandbox, type OtpSandboxOptions } from '../src/testing'

export const BASE_URL = 'https://api.shop.test'
export const PHONE = '+9647501234567'

let current: OtpSandbox = createOtpSandbox()
const server = setupServer(...createSandboxHandlers({ handle: (req) => current.handle(req) } as OtpSandbox, { baseUrl: BASE_URL }))

/** Starts MSW for this file, answering from a fresh sandbox per test. */
export function useSandboxServer() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
}

/** A fresh sandbox; the MSW handlers answer from it until the next call. */
export function newSandbox(options: OtpSandboxOptions = {}): OtpSandbox {
  current = createOtpSandbox({ now: () => Date.now(), generateCode: ({ count }) => String(111111 * ((count % 9) + 1)).slice(0, 6), ...options })
  return current
}

export { server as mswServer }

type ProviderOptions = Partial<Omit<OtpProviderProps, 'children'>>

/** A provider over a fresh QueryClient, talking to the sandbox. */
export function makeWrapper(options: ProviderOptions = {}) {
  const queryClient = options.queryClient ?? new QueryClient()
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <OtpProvider adapter="ondi" baseUrl={BASE_URL} queryClient={queryClient} {...options}>
        {children}
      </OtpProvider>
    )
  }
}

export function renderWithOtp(ui: ReactNode, options: ProviderOptions = {}) {
  return render(ui, { wrapper: makeWrapper(options) })
}

export function renderHookWithOtp<R, P>(hook: (props: P) => R, options: ProviderOptions & Pick<RenderHookOptions<P>, 'initialProps'> = {}) {
  const { initialProps, ...provider } = options
  return renderHook(hook, { wrapper: makeWrapper(provider), initialProps })
}
