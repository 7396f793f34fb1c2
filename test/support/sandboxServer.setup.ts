// Global setup of the browser project: one real sandbox server on 127.0.0.1
// (a free port), on another origin than the test page, so Chromium applies
// CORS to every call the kit makes. Tests reach it through `inject`.
import type { TestProject } from 'vitest/node'
import { createOtpSandbox, startSandboxServer } from '../../src/testing'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The sandbox server's origin: the API at its root, control routes under `/__sandbox/`. */
    sandboxOrigin: string
  }
}

export default async function setup(project: TestProject) {
  // No server cooldown: the rows that need a 429 inject it.
  const server = await startSandboxServer({ sandbox: createOtpSandbox({ resendCooldownMs: 0 }) })
  project.provide('sandboxOrigin', server.origin)
  return () => server.close()
}
