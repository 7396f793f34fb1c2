// @vitest-environment jsdom
/**
 * Hydration: the HTML the server renders for each exported component is
 * hydrated with the same tree without a mismatch, a recoverable error, or a
 * single console.error or console.warn, in en, ar and ku. The ssr project runs
 * this on React 19 and ssr-react18 on React 18. It runs in jsdom, since
 * hydrateRoot needs a DOM.
 *
 * As on a real server, the server side has no `window`, `document` or
 * `sessionStorage`, neither while rendering nor while the kit's modules are
 * evaluated: each side imports the pages fresh.
 */
import { act, version as reactVersion, type ReactNode } from 'react'
import { version as domVersion } from 'react-dom'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString, version as serverVersion } from 'react-dom/server'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ar } from '../../src/core/i18n/ar'
import { en } from '../../src/core/i18n/en'
import { ku } from '../../src/core/i18n/ku'
import type { Language } from '../../src/core/types'
import { expectedReactMajor, majorOf } from '../reactMajor'
import type { ComponentName, PageProps } from './pages'
import { partSelector, otpAnatomy, type OtpPart } from '../../src/react/anatomy'

const texts = { en, ar, ku }
const componentNames = ['OtpVerification', 'OtpInput', 'AttemptsBanner', 'ResendButton', 'OtpField'] as const satisfies readonly ComponentName[]
/** The part each component's outermost element carries. */
const rootPart: Record<ComponentName, OtpPart> = {
  OtpVerification: otpAnatomy.OtpVerification.verification,
  OtpInput: otpAnatomy.OtpInput.root,
  AttemptsBanner: otpAnatomy.AttemptsBanner.banner,
  ResendButton: otpAnatomy.ResendButton.resend,
  OtpField: otpAnatomy.OtpField.field,
}

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

type Render = (component: ComponentName, props: PageProps) => ReactNode

/** The pages module, evaluated afresh in the globals as they are now. */
async function freshPages(): Promise<Render> {
  vi.resetModules()
  const { Page } = await import('./pages')
  return (component, props) => <Page component={component} {...props} />
}

/** Renders as a server would: no window, no document, no sessionStorage. */
async function serverRender(component: ComponentName, props: PageProps): Promise<string> {
  vi.stubGlobal('window', undefined)
  vi.stubGlobal('document', undefined)
  vi.stubGlobal('sessionStorage', undefined)
  try {
    const page = await freshPages()
    expect(typeof window).toBe('undefined')
    return renderToString(page(component, props))
  } finally {
    vi.unstubAllGlobals()
  }
}

let root: Root | null = null
let container: HTMLElement | null = null
const consoleErrors = vi.fn()
const consoleWarnings = vi.fn()
const said = (spy: typeof consoleErrors) => spy.mock.calls.map((args) => args.map(String).join(' '))

// The first import transforms the kit and its peers, seconds on a busy machine;
// each test after it only evaluates them again.
beforeAll(async () => {
  await import('./pages')
}, 60_000)

beforeEach(() => {
  sessionStorage.clear()
  vi.spyOn(console, 'error').mockImplementation(consoleErrors)
  vi.spyOn(console, 'warn').mockImplementation(consoleWarnings)
})
afterEach(() => {
  act(() => root?.unmount())
  root = null
  container?.remove()
  container = null
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  consoleErrors.mockReset()
  consoleWarnings.mockReset()
})

it(`renders and hydrates with React ${expectedReactMajor()}`, () => {
  expect(majorOf(reactVersion)).toBe(expectedReactMajor())
  expect(domVersion).toBe(reactVersion)
  expect(serverVersion).toBe(reactVersion)
})

describe.each(['en', 'ar', 'ku'] as const)('in %s', (language: Language) => {
  it.each(componentNames)('hydrates the server HTML of %s with no mismatch, error or warning', async (component) => {
    const props = { language, codeSentAt: Date.now() - 10_000 }
    const html = await serverRender(component, props)
    expect(html).toContain(`data-part="${rootPart[component]}"`)

    container = document.createElement('div')
    container.innerHTML = html
    document.body.appendChild(container)
    const serverNodes = [...container.querySelectorAll('*')]
    expect(serverNodes.length).toBeGreaterThan(0)

    const page = await freshPages()
    const recoverable = vi.fn()
    const caught = vi.fn()
    const uncaught = vi.fn()
    await act(async () => {
      root = hydrateRoot(container!, page(component, props), {
        onRecoverableError: recoverable,
        // React 19 only; React 18 reports these through console.error.
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
    expect(said(consoleErrors)).toEqual([])
    expect(said(consoleWarnings)).toEqual([])

    // Hydrated, not thrown away and rendered again: every server node is still in place.
    for (const node of serverNodes) expect(container.contains(node)).toBe(true)
  })
})

describe.each(['en', 'ar', 'ku'] as const)('OtpVerification in %s, once hydrated', (language: Language) => {
  it('keeps its title and direction and counts the resend cooldown down from codeSentAt', async () => {
    const props = { language, codeSentAt: Date.now() - 10_000 }
    const html = await serverRender('OtpVerification', props)
    expect(html).toContain(texts[language].title)
    expect(html).toContain(`dir="${language === 'en' ? 'ltr' : 'rtl'}"`)
    // On the server the countdown reads 0: the clock is read after mount only.
    expect(html).toContain(`>${texts[language].resend}</button>`)

    container = document.createElement('div')
    container.innerHTML = html
    document.body.appendChild(container)
    const serverTitle = container.querySelector(partSelector('title'))
    const serverInput = container.querySelector('input')
    expect(serverTitle).not.toBeNull()
    expect(serverInput).not.toBeNull()

    const page = await freshPages()
    await act(async () => {
      root = hydrateRoot(container!, page('OtpVerification', props))
    })

    expect(container.querySelector(partSelector('title'))).toBe(serverTitle)
    expect(container.querySelector('input')).toBe(serverInput)
    expect(serverTitle!.textContent).toBe(texts[language].title)
    const resend = container.querySelector(partSelector('resend-button'))!
    expect(resend.getAttribute('aria-disabled')).toBe('true')
    expect(resend.hasAttribute('data-counting')).toBe(true)
    expect(resend.textContent).not.toBe(texts[language].resend)
    expect(said(consoleErrors)).toEqual([])
  })
})
