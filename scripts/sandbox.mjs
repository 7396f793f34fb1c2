#!/usr/bin/env node
// `npm run sandbox`: the OTP sandbox as a real HTTP server on 127.0.0.1, for
// the demo and for trying a host app by hand. It prints the URL, the demo
// customers, and every code it "sends" as it sends it: the terminal is the
// SMS inbox. Options: --port N (or SANDBOX_PORT; default 8787), --base-path /api.
// It runs the built package (dist/testing.js) and builds it first when missing.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const entry = join(root, 'dist', 'testing.js')

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ port?: string, basePath?: string, help?: boolean }} */
  const out = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [name, inline] = arg.split(/=(.*)/s, 2)
    const value = () => inline ?? argv[++i]
    if (name === '--port' || name === '-p') out.port = value()
    else if (name === '--base-path') out.basePath = value()
    else if (name === '--help' || name === '-h') out.help = true
    else fail(`unknown option ${arg}; try --help`)
  }
  return out
}

/** @param {string} text @returns {never} */
function fail(text) {
  console.error(`sandbox: ${text}`)
  process.exit(1)
}

const args = parseArgs(process.argv.slice(2))
if (args.help) {
  console.log('usage: npm run sandbox -- [--port 8787] [--base-path /api]\n  SANDBOX_PORT sets the port too.')
  process.exit(0)
}
const portText = args.port ?? process.env.SANDBOX_PORT ?? '8787'
const port = Number(portText)
if (!/^\d+$/.test(portText) || port > 65_535) fail(`"${portText}" is not a port (0 to 65535)`)

if (!existsSync(entry)) {
  console.log('sandbox: dist/testing.js is missing, so building the package first (npm run build)...')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0 || !existsSync(entry)) fail('the build failed; fix it and run the sandbox again')
}

/** @type {import('../src/testing.js')} */
const { createOtpSandbox, startSandboxServer, SANDBOX_ROUTES } = await import(pathToFileURL(entry).href)

const time = (/** @type {number} */ ms) => new Date(ms).toLocaleTimeString('en-GB')
/** @param {import('../src/testing.js').SandboxSms} sms */
const printSms = (sms) =>
  console.log(`  ${time(sms.sentAt)}  SMS to ${sms.to.padEnd(15)}  code ${sms.code}  (expires ${time(sms.expiresAt)})`)

// Codes sent while the sandbox seeds its customers wait until the banner is out.
/** @type {import('../src/testing.js').SandboxSms[] | null} */
let early = []
const sandbox = createOtpSandbox({ onSend: (sms) => (early ? early.push(sms) : printSms(sms)) })

/** @type {import('../src/testing.js').SandboxServer} */
const server = await startSandboxServer({ port, sandbox, basePath: args.basePath }).catch((/** @type {unknown} */ error) =>
  fail(error instanceof Error ? error.message : String(error)),
)

const routes = /** @type {Record<string, string>} */ (SANDBOX_ROUTES)
console.log(`otp-kit sandbox on ${server.url}`)
console.log(`  OnDi   POST ${server.url}${routes.verify}`)
console.log(`         POST ${server.url}${routes.resend}`)
console.log(`  Oystr  POST ${server.url}${routes['oystr-verify']}  (any 6 digits verify)`)
console.log(`  Orders POST ${server.url}${routes.order}  (the sandbox's own; needs X-EXPRESS-KEY)`)
console.log(`  Inbox  GET  ${server.origin}/__sandbox/inbox   (faults, clock, reset: GET ${server.origin}/__sandbox/)`)
console.log('\nDemo customers:')
for (const c of sandbox.customers) {
  const traits = [
    c.isVerified ? 'verified already (resend answers 400)' : 'unverified',
    c.hasUserAccount ? 'has an account (verify returns a session)' : '',
    c.trackingCode ? `Oystr tracking_code ${c.trackingCode}` : '',
  ].filter(Boolean)
  console.log(`  ${c.phone.padEnd(15)}  ${c.customerId.padEnd(36)}  ${c.fullName.padEnd(13)}  ${traits.join(', ')}`)
}
console.log('\nCodes, as they are sent:')
for (const sms of early) printSms(sms)
early = null
console.log('\nCtrl-C to stop.\n')

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  console.log('\nsandbox: stopping')
  sandbox.clearFaults()
  await server.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
