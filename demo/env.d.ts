/// <reference types="vite/client" />

/** True in the static build (`npm run build:demo`): the sandbox runs in the page behind MSW. */
declare const __DEMO_MSW__: boolean

interface ImportMetaEnv {
  /** The sandbox server's base URL, set by `npm start`. */
  readonly VITE_SANDBOX_URL?: string
}
