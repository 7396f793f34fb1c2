#!/usr/bin/env node
// `npm start`: the checkout demo. Starts the OTP sandbox server and a Vite dev
// server for demo/, both on 127.0.0.1 only, and prints the URL. The sandbox is
// loaded from source through Vite (no build needed). Ctrl-C stops both.
// Ports: SANDBOX_PORT (default 8787) and DEMO_PORT (default 5173).
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const HOST = '127.0.0.1'

/** @param {string} text @returns {never} */
function fail(text) {
  console.error(`start: ${text}`)
  process.exit(1)
}

/** @param {string} name @param {string} fallback */
function portFrom(name, fallback) {
  const text = process.env[name] ?? fallback
  const port = Number(text)
  if (!/^\d+$/.test(text) || port < 1 || port > 65_535) fail(`${name}="${text}" is not a port (1 to 65535)`)
  return port
}

/** @param {unknown} error @param {number} port @param {string} what @param {string} env */
function explain(error, port, what, env) {
  const code = /** @type {{ code?: string }} */ (error)?.code
  const text = error instanceof Error ? error.message : String(error)
  if (code === 'EADDRINUSE' || /EADDRINUSE|in use/i.test(text)) {
    return `port ${port} on ${HOST} is busy, so the ${what} cannot start; free it or set ${env}`
  }
  return `the ${what} did not start: ${text}`
}

const sandboxPort = portFrom('SANDBOX_PORT', '8787')
const demoPort = portFrom('DEMO_PORT', '5173')
const sandboxUrl = `http://${HOST}:${sandboxPort}`
// Vite hands VITE_* variables from the environment to the page.
process.env.VITE_SANDBOX_URL = sandboxUrl

const vite = await createServer({
  configFile: join(root, 'demo', 'vite.config.ts'),
  server: { host: HOST, port: demoPort, strictPort: true },
  clearScreen: false,
  logLevel: 'warn',
}).catch((/** @type {unknown} */ error) => fail(explain(error, demoPort, 'demo server', 'DEMO_PORT')))

const testing = /** @type {import('../src/testing.js')} */ (await vite.ssrLoadModule(join(root, 'src', 'testing.ts')))

/** @type {import('../src/testing.js').SandboxServer | undefined} */
let sandboxServer
let stopping = false
async function stop(code = 0) {
  if (stopping) return
  stopping = true
  sandboxServer?.sandbox.clearFaults()
  await Promise.allSettled([sandboxServer?.close(), vite.close()])
  process.exit(code)
}

try {
  sandboxServer = await testing.startSandboxServer({ port: sandboxPort, host: HOST })
} catch (error) {
  await vite.close()
  fail(explain(error, sandboxPort, 'sandbox server', 'SANDBOX_PORT'))
}
try {
  await vite.listen()
} catch (error) {
  await sandboxServer.close()
  await vite.close()
  fail(explain(error, demoPort, 'demo server', 'DEMO_PORT'))
}

process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

const demoUrl = vite.resolvedUrls?.local[0] ?? `http://${HOST}:${demoPort}/`
console.log(`otp-kit demo:  ${demoUrl}`)
console.log(`sandbox:       ${sandboxServer.url}   (inbox: ${sandboxServer.origin}/__sandbox/inbox)`)
console.log('Ctrl-C to stop both.')
