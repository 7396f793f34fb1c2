// @vitest-environment node
/**
 * Server rendering: the provider, every hook and every component render to a
 * string in node, where `window`, `document` and `sessionStorage` do not
 * exist. Any unguarded touch of them would throw a ReferenceError here.
 */
import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AttemptsBanner } from '../../src/components/AttemptsBanner'
import { OtpInput } from '../../src/components/OtpInput'
import { OtpVerification } from '../../src/components/OtpVerification'
import { ResendButton } from '../../src/components/ResendButton'
import { ar } from '../../src/core/i18n/ar'
import { en } from '../../src/core/i18n/en'
import { ku } from '../../src/core/i18n/ku'
import type { Language } from '../../src/core/types'
import { OtpProvider } from '../../src/react/OtpProvider'
import { useCountdown } from '../../src/react/useCountdown'
import { useOtpField } from '../../src/react/useOtpField'
import { useOtpStatus } from '../../src/react/useOtpStatus'
import { useResendOtp } from '../../src/react/useResendOtp'
import { useVerifiedSession } from '../../src/react/useVerifiedSession'
import { useVerifyOtp } from '../../src/react/useVerifyOtp'
import { fieldParts, verificationParts, bannerParts, resendParts } from '../../src/react/anatomy'

const PHONE = '+9647501234567'
const TARGET = { phone: PHONE }
const SENT_AT = Date.UTC(2026, 0, 1, 12, 0, 0)

function EveryHook({ codeSentAt }: { codeSentAt: number }) {
  const verify = useVerifyOtp(TARGET)
  const resend = useResendOtp(TARGET, { codeSentAt })
  const seconds = useCountdown(Date.now() + 30_000)
  const field = useOtpField({ length: 6, defaultValue: '12' })
  const status = useOtpStatus(TARGET)
  const session = useVerifiedSession()
  return (
    <section
      data-testid="hooks"
      data-verified={String(verify.isVerified)}
      data-pending={String(verify.isPending)}
      data-locked={String(status.isLocked)}
      data-attempts={String(verify.attemptsRemaining)}
      data-can-resend={String(resend.canResend)}
      data-resend-seconds={String(resend.secondsLeft)}
      data-supported={String(resend.isSupported)}
      data-countdown={String(seconds)}
      data-session={String(session.session)}
      data-headers={String(session.headers)}
      data-expired={String(session.isExpired)}
      data-value={field.value}
    >
      <div {...field.getRootProps()}>
        <input {...field.getInputProps({ 'aria-label': 'code' })} />
        {field.cells.map((cell) => (
          <span key={cell.index} {...field.getCellProps(cell.index)} />
        ))}
      </div>
    </section>
  )
}

function Page({ language }: { language: Language }) {
  return (
    <OtpProvider adapter="ondi" baseUrl="/api" language={language} queryClient={new QueryClient()}>
      <EveryHook codeSentAt={SENT_AT} />
      <OtpVerification phone={PHONE} codeSentAt={SENT_AT} />
      <OtpInput aria-label="standalone" />
      <AttemptsBanner target={TARGET} />
      <ResendButton target={TARGET} codeSentAt={SENT_AT} />
    </OtpProvider>
  )
}

const texts = { en, ar, ku }
const errors = vi.fn()
const warnings = vi.fn()

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(errors)
  vi.spyOn(console, 'warn').mockImplementation(warnings)
})
afterEach(() => {
  vi.restoreAllMocks()
  errors.mockReset()
  warnings.mockReset()
})

describe('server rendering', () => {
  it('runs where there is no DOM at all', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    expect(typeof sessionStorage).toBe('undefined')
    expect(typeof localStorage).toBe('undefined')
  })

  describe.each(['en', 'ar', 'ku'] as const)('in %s', (language) => {
    it('renders the provider, every hook and every component to a string', () => {
      let html = ''
      expect(() => {
        html = renderToString(<Page language={language} />)
      }).not.toThrow()
      expect(typeof window).toBe('undefined')
      expect(typeof document).toBe('undefined')
      expect(typeof sessionStorage).toBe('undefined')

      // The widget: its title, its direction and its lang attribute.
      expect(html).toContain(texts[language].title)
      expect(html).toContain(`dir="${language === 'en' ? 'ltr' : 'rtl'}"`)
      expect(html).toContain(`lang="${{ en: 'en', ar: 'ar', ku: 'ckb' }[language]}"`)
      expect(html).toContain(`data-part="${verificationParts.verification}"`)
      expect(html).toContain('data-state="idle"')
      expect(html).toContain(`>${texts[language].verify}</button>`)
      // The code field stays left to right in every language.
      expect(html).toMatch(new RegExp(`data-part="${fieldParts.root}"[^>]*dir="ltr"`))

      // The hooks' server values: nothing verified, no session, countdowns at 0
      // (the clock and storage are read after mount only).
      const hooks = /<section data-testid="hooks"([^>]*)>/.exec(html)?.[1] ?? ''
      expect(hooks).toContain('data-verified="false"')
      expect(hooks).toContain('data-pending="false"')
      expect(hooks).toContain('data-locked="false"')
      // ondi: a fresh code has the adapter's 5 attempts.
      expect(hooks).toContain('data-attempts="5"')
      expect(hooks).toContain('data-countdown="0"')
      expect(hooks).toContain('data-resend-seconds="0"')
      expect(hooks).toContain('data-supported="true"')
      expect(hooks).toContain('data-session="null"')
      expect(hooks).toContain('data-headers="null"')
      expect(hooks).toContain('data-expired="false"')
      expect(hooks).toContain('data-value="12"')

      // Every component is there: two code inputs of their own plus the hook's, a resend button each.
      expect(html.match(/autocomplete="one-time-code"/gi)).toHaveLength(3)
      expect(html.split(`data-part="${bannerParts.banner}"`)).toHaveLength(3)
      expect(html.split(`data-part="${resendParts.button}"`)).toHaveLength(3)
      expect(html).toContain(`>${texts[language].resend}</button>`)
      expect(html).toContain('aria-label="standalone"')

      expect(errors).not.toHaveBeenCalled()
      expect(warnings).not.toHaveBeenCalled()
    })
  })
})
