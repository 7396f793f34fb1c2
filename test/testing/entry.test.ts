// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'
import * as testing from '../../src/testing.js'

const entry = fileURLToPath(new URL('../../src/testing.ts', import.meta.url))

/** Bundles a browser module that imports `names` from the testing entry; returns the code. */
async function browserBundle(names: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'otp-kit-entry-'))
  try {
    const file = join(dir, 'page.js')
    writeFileSync(file, `import { ${names.join(', ')} } from ${JSON.stringify(entry)}\nexport default [${names.join(', ')}]\n`)
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      build: {
        write: false,
        minify: false,
        lib: { entry: file, formats: ['es'], fileName: 'page' },
        rolldownOptions: { external: (id) => id === 'msw' || id.startsWith('msw/') || id.startsWith('node:') },
      },
    })) as Rolldown.RolldownOutput[]
    return output.flatMap((o) => o.output).map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('otp-kit/testing', () => {
  it('names its exports', () => {
    expect(Object.keys(testing).sort()).toEqual([
      'DEMO_CUSTOMERS',
      'SANDBOX_ROUTES',
      'createOtpSandbox',
      'createSandboxHandlers',
      'startSandboxServer',
    ])
  })

  it('leaves node:http out of a browser bundle that uses the MSW handlers', async () => {
    const code = await browserBundle(['createOtpSandbox', 'createSandboxHandlers'])
    expect(code).toContain('verify-otp')
    expect(code).not.toMatch(/^\s*import[^;]*["']node:/m)
    expect(code).not.toContain('startSandboxServer')
  }, 30_000)

  it('loads node:http only when the server starts, by a dynamic import', async () => {
    const code = await browserBundle(['startSandboxServer'])
    expect(code).not.toMatch(/^\s*import[^;]*["']node:/m)
    expect(code).toMatch(/import\(["']node:http["']\)/)
  }, 30_000)
})
