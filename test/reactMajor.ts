import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The React major a Vitest project runs on (its `provide` in vitest.config.ts). */
    reactMajor: 18 | 19
  }
}

/** The React major this Vitest project is meant to run on. */
export function expectedReactMajor(): 18 | 19 {
  const major = inject('reactMajor')
  if (major === undefined) throw new Error('This Vitest project does not say which React it runs on: give it `provide: { reactMajor }`.')
  return major
}

/** The major of a version string: `18` for `18.3.1`. */
export function majorOf(version: string): number {
  return Number(version.split('.')[0])
}
