// Global setup of the webkit project: MiniBrowser has no headless mode, so it
// runs on an Xvfb display of its own (unless DISPLAY names one), driven by
// WebKitWebDriver on a free port of 127.0.0.1. vitest.config.ts reads the port
// when it opens the browser, after this has run.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import type { Readable } from 'node:stream'
import { requireEngine, WEBKIT_DRIVER_PORT_VARIABLE } from '../../scripts/ensure-browsers.mjs'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Starts Xvfb on the first free display and resolves with its name (`:N`). */
function startXvfb(xvfb: string, children: ChildProcess[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display itself and writes its number on fd 3.
    const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    })
    children.push(child)
    const fd3 = child.stdio[3] as Readable
    let said = ''
    fd3.on('data', (chunk: Buffer) => {
      said += chunk.toString()
      if (!said.includes('\n')) return
      fd3.destroy()
      resolve(`:${said.trim()}`)
    })
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it gave a display`)))
    child.once('error', reject)
  })
}

async function waitForDriver(port: number, driver: ChildProcess) {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}) before it answered`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`WebKitWebDriver did not answer on 127.0.0.1:${port} within 10 s`)
}

export default async function setup() {
  const paths = requireEngine('webkit')
  const children: ChildProcess[] = []
  const stop = () => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill()
    children.length = 0
  }
  // Vitest ends the global setups before it closes the browser session: the
  // driver and the display stay until the process exits.
  process.once('exit', stop)
  try {
    const display = process.env.DISPLAY || (await startXvfb(paths.xvfb!, children))
    const port = await freePort()
    const driver = spawn(paths.webkitDriver!, [`--port=${port}`, '--host=127.0.0.1'], {
      stdio: 'ignore',
      env: { ...process.env, DISPLAY: display },
    })
    children.push(driver)
    await waitForDriver(port, driver)
    process.env[WEBKIT_DRIVER_PORT_VARIABLE] = String(port)
  } catch (error) {
    stop()
    throw error
  }
  // Neither keeps Vitest's event loop alive.
  for (const child of children) child.unref()
}
