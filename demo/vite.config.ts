// The checkout demo. `npm start` serves it next to a real sandbox server
// (scripts/start.mjs); `npm run build:demo` builds a static copy to demo-dist/
// that answers from an in-page sandbox through MSW instead.
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig(({ command }) => ({
  root: here('.'),
  base: './',
  // public/mockServiceWorker.js is the MSW worker the static build registers.
  publicDir: here('../public'),
  plugins: [react()],
  resolve: {
    // The demo imports the kit by its package names, as a host app would.
    alias: [
      { find: /^otp-kit\/styles\.css$/, replacement: here('../src/styles/otp.css') },
      { find: /^otp-kit\/testing$/, replacement: here('../src/testing.ts') },
      { find: /^otp-kit$/, replacement: here('../src/index.ts') },
    ],
  },
  define: {
    // True in the static build: the sandbox runs in the page, behind MSW,
    // unless VITE_SANDBOX_URL names a sandbox server to talk to instead.
    __DEMO_MSW__: JSON.stringify(command === 'build' && !process.env.VITE_SANDBOX_URL),
  },
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', strictPort: true },
  build: { outDir: here('../demo-dist'), emptyOutDir: true },
}))
