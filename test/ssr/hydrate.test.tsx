// @vitest-environment jsdom
/**
 * Hydration: the HTML the server renders for <OtpVerification> is hydrated
 * with the same tree without a single mismatch, in en, ar and ku. The ssr
 * project runs in node; this file asks for jsdom, since hydrateRoot needs a DOM.
 * The server render runs with `window`, `document` and `sessionStorage`
 * hidden, as on a real server.
 */
import { QueryClient } from '@tanstack/react-query'
import { act, type ReactNode } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OtpVerification } from '../../src/components/OtpVerification'
import { ar } from '../../src/core/i18n/ar'
import { en } from '../../src/core/i18n/en'
import { ku } from '../../src/core/i18n/ku'
import type { Language } from '../../src/core/types'
import { OtpProvider } from '../../src/react/OtpProvider'

const PHONE = '+9647501234567'
const texts = { en, ar, ku }

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

function Page({ language, codeSentAt }: { language: Language; codeSentAt: number }): ReactNode {
  return (
    <OtpProvider adapter="ondi" baseUrl="/api" language={language} queryClient={new QueryClient()}>
      <OtpVerification phone={PHONE} codeSentAt={codeSentAt} />
    </OtpProvider>
  )
}

/** Renders as a server would: no window, no document, no sessionStorage. */
function serverRender(tree: ReactNode): string {
  vi.stubGlobal('window', undefined)
  vi.stubGlobal('document', undefined)
  vi.stubGlobal('sessionStorage', undefined)
  try {
    expect(typeof window).toBe('undefined')
    return renderToString(tree)
  } finally {
    vi.unstubAllGlobals()
  }
}

let root: Root | null = null
let container: HTMLElement | null = null
const consoleErrors = vi.fn()

beforeEach(() => {
  sessionStorage.clear()
  vi.spyOn(console, 'error').mockImplementation(consoleErrors)
})
afterEach(() => {
  act(() => root?.unmount())
  root = null
  container?.remove()
  container = null
  vi.restoreAllMocks()
  consoleErrors.mockReset()
})

describe.each(['en', 'ar', 'ku'] as const)('hydrating OtpVerification in %s', (language) => {
  it('hydrates the server HTML with no mismatch and no recoverable error', async () => {
    const codeSentAt = Date.now() - 10_000
    const html = serverRender(<Page language={language} codeSentAt={codeSentAt} />)
    expect(html).toContain(texts[language].title)
    expect(html).toContain(`dir="${language === 'en' ? 'ltr' : 'rtl'}"`)

    container = document.createElement('div')
    container.innerHTML = html
    document.body.appendChild(container)
    const serverTitle = container.querySelector('[data-part="title"]')
    const serverInput = container.querySelector('input')
    expect(serverTitle).not.toBeNull()
    expect(serverInput).not.toBeNull()

    const recoverable = vi.fn()
    const caught = vi.fn()
    const uncaught = vi.fn()
    await act(async () => {
      root = hydrateRoot(container!, <Page language={language} codeSentAt={codeSentAt} />, {
        onRecoverableError: recoverable,
        onCaughtError: caught,
        onUncaughtError: uncaught,
      })
    })
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
    })

    expect(recoverable).not.toHaveBeenCalled()
    expect(caught).not.toHaveBeenCalled()
    expect(uncaught).not.toHaveBeenCalled()
    const messages = consoleErrors.mock.calls.map((args) => args.map(String).join(' '))
    expect(messages).toEqual([])
    expect(messages.join('\n')).not.toMatch(/hydrat|did not match|mismatch/i)

    // Hydrated, not thrown away and rendered again: the server's nodes are still there.
    expect(container.querySelector('[data-part="title"]')).toBe(serverTitle)
    expect(container.querySelector('input')).toBe(serverInput)
    expect(serverTitle!.textContent).toBe(texts[language].title)

    // And alive after hydration: the resend cooldown from codeSentAt now counts down.
    const resend = container.querySelector('[data-part="resend-button"]')!
    expect(resend.getAttribute('aria-disabled')).toBe('true')
    expect(resend.hasAttribute('data-counting')).toBe(true)
    expect(resend.textContent).not.toBe(texts[language].resend)
  })
})
