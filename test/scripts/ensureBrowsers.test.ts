// @vitest-environment node
// scripts/ensure-browsers.mjs: what a machine without the browsers, or with
// them somewhere else, is told. (The install itself needs root and the network.)
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { APT_COMMAND, findEngine, findTool, requireEngine } from '../../scripts/ensure-browsers.mjs'

const script = fileURLToPath(new URL('../../scripts/ensure-browsers.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'otp-kit-ensure-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** An executable file standing in for a browser. */
function fakeBrowser(name: string): string {
  const file = join(dir, name)
  writeFileSync(file, '#!/bin/sh\n')
  chmodSync(file, 0o755)
  return file
}

const run = (args: string[], env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } })

describe('ensure-browsers', () => {
  it('takes CHROMIUM_PATH, FIREFOX_PATH and MINIBROWSER_PATH as the only place to look', () => {
    const chromium = fakeBrowser('my-chromium')
    const firefox = fakeBrowser('my-firefox')
    const miniBrowser = fakeBrowser('MiniBrowser')
    const env = { CHROMIUM_PATH: chromium, FIREFOX_PATH: firefox, MINIBROWSER_PATH: miniBrowser }
    expect(findTool('chromium', env)).toEqual({ path: chromium, source: 'CHROMIUM_PATH' })
    expect(findTool('firefox', env)).toEqual({ path: firefox, source: 'FIREFOX_PATH' })
    expect(findTool('miniBrowser', env)).toEqual({ path: miniBrowser, source: 'MINIBROWSER_PATH' })
  })

  it('treats an override that names nothing as missing, never as a reason to pick another browser', () => {
    const env = { PATH: process.env.PATH, FIREFOX_PATH: join(dir, 'no-such-firefox') }
    const lookup = findEngine('firefox', env)
    expect(lookup.paths.firefox).toBeUndefined()
    expect(lookup.missing[0]!.source).toContain('FIREFOX_PATH is set to')
    expect(() => requireEngine('firefox', env)).toThrow(APT_COMMAND)
  })

  it('stops with one sentence saying how, and installs nothing, when an override is wrong', () => {
    const result = run(['webkit'], { MINIBROWSER_PATH: join(dir, 'no-such-minibrowser') })
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    const said = result.stderr.trim()
    expect(said).toContain('MiniBrowser (MINIBROWSER_PATH is set to')
    expect(said).toContain(`apt-get update && ${APT_COMMAND}`)
    expect(said).not.toContain('running apt-get')
    expect(said.split('\n')).toHaveLength(1)
  })

  it('names an engine it does not know', () => {
    const result = run(['opera'], {})
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('unknown engine opera')
  })

  it('prints where each engine is when all are there', () => {
    const env = { CHROMIUM_PATH: fakeBrowser('c'), FIREFOX_PATH: fakeBrowser('f') }
    const result = run(['chromium', 'firefox'], env)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`Chromium: ${env.CHROMIUM_PATH}`)
    expect(result.stdout).toContain(`Firefox: ${env.FIREFOX_PATH}`)
  })
})
