// Setup for the jsdom project. Vitest runs without globals, so Testing Library
// cannot register its own cleanup: unmount whatever a test rendered here.
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
})
