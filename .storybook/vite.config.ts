// Storybook's own Vite config, so it never reads the library build in the
// top-level vite.config.ts (library mode, one file per module, 'use client'
// rewriting). Storybook adds React and its own settings to this.
import { defineConfig } from 'vite'

export default defineConfig({
  server: { host: '127.0.0.1' },
})
