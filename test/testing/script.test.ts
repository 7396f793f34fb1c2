// @vitest-environment node
/**
 * `npm run sandbox` (scripts/sandbox.mjs). It runs the built package, so it is
 * only checked when dist/testing.js exists; the script builds it itself when
 * run by hand.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const built = existsSync(`${root}dist/testing.js`)

function run(args: string[], until: RegExp, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['scripts/sandbox.mjs', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (until.test(output)) resolve(output)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then(() => (until.test(output) ? resolve(output) : reject(new Error(`exited early:\n${output}`))))
  })
  return { child, ready, exited, output: () => output }
}

// `npm test` builds dist/ before running vitest; run alone, build first.
describe('scripts/sandbox.mjs', () => {
  it('needs a build of dist/testing.js (npm run build)', () => {
    expect(built).toBe(true)
  })

  it('prints the URL, the demo customers and each code, serves, and stops on Ctrl-C', async () => {
    const { child, ready, exited, output } = run(['--port', '0'], /Ctrl-C to stop/)
    const banner = await ready
    const url = /otp-kit sandbox on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1]
    expect(url).toBeDefined()
    expect(banner).toContain('+9647501234567')
    const code = /SMS to \+9647501234567\s+code (\d{6})/.exec(banner)?.[1]
    const res = await fetch(`${url}/express-shipping/customer/verify-otp`, {
      method: 'POST',
      body: JSON.stringify({ phone: '+9647501234567', code }),
    })
    expect(res.status).toBe(200)
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(output()).toContain('sandbox: stopping')
  }, 20_000)

  it('says so and exits 1 when the port from SANDBOX_PORT is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0
    try {
      const { exited, output } = run([], /in use/, { SANDBOX_PORT: String(port) })
      expect(await exited).toBe(1)
      expect(output()).toBe(`sandbox: port ${port} on 127.0.0.1 is in use; pass another port\n`)
    } finally {
      blocker.close()
    }
  }, 20_000)
})
