/// <reference types="vite/client" />

/** True in the static build (`npm run build:demo`): the sandbox runs in the page behind MSW. */
declare const __DEMO_MSW__: boolean

interface ImportMetaEnv {
  /**
   * The sandbox server's base URL: set by `npm start`, or at build time for a
   * static build that talks to a running sandbox server instead of MSW.
   */
  readonly VITE_SANDBOX_URL?: string
}
