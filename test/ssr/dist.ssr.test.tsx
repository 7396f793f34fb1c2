// @vitest-environment node
/**
 * Server rendering of the built package: the files in dist/ (one per module,
 * 'use client' kept) render in node to the same HTML as the sources, in both
 * provider forms. `npm test` builds dist/ before it runs Vitest; run alone,
 * build first (`npm run build`).
 */
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as source from '../../src/index'
import { fieldParts } from '../../src/react/anatomy'

const distEntry = fileURLToPath(new URL('../../dist/index.js', import.meta.url))
const built = existsSync(distEntry)
const PHONE = '+9647501234567'
const SENT_AT = Date.UTC(2026, 0, 1, 12, 0, 0)

type Kit = typeof source

/** The same page from either copy of the kit. */
function pages(kit: Kit) {
  return {
    byName: (
      <kit.OtpProvider adapter="ondi" baseUrl="/api" language="ar" queryClient={new QueryClient()}>
        <kit.OtpVerification phone={PHONE} codeSentAt={SENT_AT} />
        <kit.ResendButton target={{ phone: PHONE }} codeSentAt={SENT_AT} />
      </kit.OtpProvider>
    ),
    byObject: (
      <kit.OtpProviderBase adapter={kit.oystr} baseUrl="/api" messages={{ ku: kit.ku }} queryClient={new QueryClient()}>
        <kit.OtpVerification customerId="c-1" codeSentAt={SENT_AT} />
        <kit.AttemptsBanner target={{ customerId: 'c-1' }} />
      </kit.OtpProviderBase>
    ),
    fieldAlone: <kit.OtpInput aria-label="Code" defaultValue="12" />,
  }
}

afterEach(() => vi.restoreAllMocks())

describe('server rendering of dist/', () => {
  it('has a build to render (npm run build)', () => {
    expect(built).toBe(true)
  })

  it.each(['byName', 'byObject', 'fieldAlone'] as const)('renders %s to the same HTML as the sources, with no warning', async (name) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const dist = (await import(/* @vite-ignore */ pathToFileURL(distEntry).href)) as Kit
    expect(dist.OtpInput).not.toBe(source.OtpInput)
    const fromDist = renderToString(pages(dist)[name])
    expect(fromDist).toBe(renderToString(pages(source)[name]))
    expect(fromDist).toContain(`data-part="${fieldParts.root}"`)
    if (name === 'byName') expect(fromDist).toContain(source.ar.title)
    if (name === 'byObject') expect(fromDist).toContain(source.ku.title)
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
  })
})
