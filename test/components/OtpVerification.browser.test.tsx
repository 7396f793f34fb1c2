/**
 * The drop-in `OtpVerification` in each real engine, over the sandbox as a
 * host page runs it in the browser: `otp-kit/testing`'s handlers in MSW's
 * service worker (public/mockServiceWorker.js). Real keyboard, mouse and
 * clipboard; the assertions read what the shopper sees.
 */
import { QueryClient } from '@tanstack/react-query'
import { setupWorker } from 'msw/browser'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { OtpVerification } from '../../src/components/OtpVerification'
import { createTranslator } from '../../src/core/i18n/translator'
import type { Language } from '../../src/core/types'
import { OtpProvider } from '../../src/react/OtpProvider'
import { partSelector } from '../../src/react/anatomy'
import '../../src/styles/otp.css'
import { createOtpSandbox, createSandboxHandlers, type OtpSandbox } from '../../src/testing'
import { copy, engine, keyboard } from '../support/drive'

const PHONE = '+9647501234567'
const BASE_URL = '/api'
const worker = setupWorker()

beforeAll(async () => {
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true })
})
afterAll(() => worker.stop())

let sandbox: OtpSandbox
let verifyRequests: number
beforeEach(() => {
  sessionStorage.clear()
  // Each phone's codes in turn, none of them the wrong ones the rows type.
  const sent = new Map<string, number>()
  const generateCode = ({ to }: { to: string }) => {
    const count = sent.get(to) ?? 0
    sent.set(to, count + 1)
    return ['123456', '246802', '135791'][count % 3]!
  }
  sandbox = createOtpSandbox({ resendCooldownMs: 0, generateCode })
  verifyRequests = 0
  worker.resetHandlers(...createSandboxHandlers(sandbox, { baseUrl: BASE_URL }))
  worker.events.removeAllListeners()
  worker.events.on('request:start', ({ request }) => {
    if (request.url.includes('/verify-otp')) verifyRequests++
  })
})

/** The text a shopper reads, without the bidi isolates the kit puts around numbers. */
const read = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/[\u2066-\u2069]/g, '')

async function mount(language: Language) {
  const onVerified = vi.fn()
  const screen = await render(
    <div>
      <textarea data-sms aria-label="SMS" />
      <OtpProvider adapter="ondi" baseUrl={BASE_URL} language={language} queryClient={new QueryClient()} resendCooldownSeconds={0}>
        <OtpVerification phone={PHONE} onVerified={onVerified} />
      </OtpProvider>
    </div>,
  )
  const root = screen.container
  const part = (name: Parameters<typeof partSelector>[0]) => root.querySelector<HTMLElement>(partSelector(name))
  const t = createTranslator(language)
  return {
    t,
    onVerified,
    input: () => part('input') as HTMLInputElement,
    /** The code row as the cells show it. */
    cells: () => [...root.querySelectorAll(partSelector('cell'))].map((cell) => cell.textContent || '_').join(''),
    alert: () => read(part('error')),
    status: () => read(part('success')),
    /** What the attempts banner announces (role="alert"). */
    lockedAlert: () => read(part('banner-alert')),
    state: () => part('verification')!.getAttribute('data-state'),
    resend: () => part('resend-button') as HTMLButtonElement,
    /** Resolves once some element of the widget reads exactly `text`. */
    shows: (text: string) =>
      vi.waitFor(() => expect([...root.querySelectorAll('*')].map(read)).toContain(text), { timeout: 5000 }),
  }
}

describe(`OtpVerification over the in-page sandbox in ${engine}`, () => {
  it('a wrong code clears the cells and says how many attempts are left; the right one verifies', async () => {
    const ui = await mount('en')
    await userEvent.click(ui.input())
    await keyboard('111111')
    await ui.shows(ui.t.attemptsLeft({ count: 4 }))
    await vi.waitFor(() => expect(ui.cells()).toBe('______'))
    expect(document.activeElement).toBe(ui.input())
    expect(ui.status()).toBe('')
    await keyboard(sandbox.lastCodeFor(PHONE)!)
    await ui.shows(ui.t.verified)
    expect(ui.status()).toBe('Phone number verified')
    expect(ui.state()).toBe('verified')
    expect(ui.input().disabled).toBe(true)
    expect(ui.onVerified).toHaveBeenCalledTimes(1)
    expect(verifyRequests).toBe(2)
  })

  it('an Arabic SMS pasted with Ctrl+V verifies, the code shown in ASCII digits', async () => {
    const ui = await mount('ar')
    await copy('رمزك ١٢٣٤٥٦')
    await userEvent.click(ui.input())
    await userEvent.paste()
    await ui.shows(ui.t.verified)
    expect(ui.input().value).toBe('123456')
    expect(ui.cells()).toBe('123456')
    expect(ui.status()).toBe('تم التحقق من رقم الهاتف')
    expect(ui.onVerified).toHaveBeenCalledTimes(1)
    expect(verifyRequests).toBe(1)
  })

  it('Persian digits typed in Kurdish verify, the code shown in ASCII digits', async () => {
    const ui = await mount('ku')
    await userEvent.click(ui.input())
    await keyboard('۱۲۳')
    expect(ui.cells()).toBe('123___')
    expect(ui.input().value).toBe('123')
    await keyboard('۴۵۶')
    await ui.shows(ui.t.verified)
    expect(ui.cells()).toBe('123456')
    expect(ui.status()).toBe('ژمارەی مۆبایلەکەت پشتڕاست کرایەوە')
    expect(ui.onVerified).toHaveBeenCalledTimes(1)
  })

  it('five wrong codes lock the field until a new code is sent; the new code verifies', async () => {
    const ui = await mount('en')
    const wrongs = ['111111', '222222', '333333', '444444', '555555']
    for (const [index, code] of wrongs.entries()) {
      await userEvent.click(ui.input())
      await keyboard(code)
      await vi.waitFor(() => expect(verifyRequests).toBe(index + 1))
      if (index < wrongs.length - 1) await vi.waitFor(() => expect(ui.cells()).toBe('______'))
    }
    await ui.shows(ui.t.codeLocked)
    expect(ui.lockedAlert()).toBe('Too many attempts. Request a new code.')
    expect(ui.input().disabled).toBe(true)
    await userEvent.click(ui.resend())
    await vi.waitFor(() => expect(ui.input().disabled).toBe(false))
    await vi.waitFor(() => expect(document.activeElement).toBe(ui.input()))
    expect(ui.lockedAlert()).toBe('')
    expect(ui.alert()).toBe('')
    const fresh = sandbox.lastCodeFor(PHONE)!
    expect(fresh).toBe('246802')
    await keyboard(fresh)
    await ui.shows(ui.t.verified)
    expect(ui.onVerified).toHaveBeenCalledTimes(1)
    expect(verifyRequests).toBe(6)
  })
})
