import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { OtpVerification, maskPhone } from '../src'
import type { OtpSandbox } from '../src/testing'
import { cellTexts, otpInput } from './support/cells'
import { bannerText, burnAllAttempts, sendWrongCode, sendWrongCodes, translatorFor, typeCode, visibleText } from './support/flows'
import { CODE, PHONES, withSandbox } from './support/withSandbox'
import { partSelector } from '../src/react/anatomy'

/**
 * The drop-in widget against the sandbox back end: every state below comes
 * from a real request answered by the story's own sandbox, reached by the
 * story's play function.
 */
const meta = {
  title: 'Components/OtpVerification',
  component: OtpVerification,
  tags: ['autodocs'],
  args: {
    phone: PHONES.unverified,
    onVerified: fn(),
    onError: fn(),
  },
} satisfies Meta<typeof OtpVerification>

export default meta
type Story = StoryObj<typeof meta>

function resendButton(root: HTMLElement): HTMLElement {
  const button = root.querySelector<HTMLElement>(partSelector('resend-button'))
  if (!button) throw new Error('No resend button in the story')
  return button
}

function widget(root: HTMLElement): HTMLElement {
  const element = root.querySelector<HTMLElement>(partSelector('verification'))
  if (!element) throw new Error('No OtpVerification in the story')
  return element
}

/** Waiting for the code: title, where it went, empty cells, resend ready. */
export const Idle: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('heading', { name: t.title })).toBeVisible()
    await expect(canvas.getByRole('textbox', { name: t.title })).toHaveValue('')
    const description = canvasElement.querySelector(partSelector('description'))
    await expect(visibleText(description)).toBe(visibleText(Object.assign(document.createElement('p'), { textContent: t.instructions({ phone: maskPhone(PHONES.unverified) }) })))
    // The phone is masked: only its last four digits show.
    await expect(description?.textContent).not.toContain(PHONES.unverified)
    await expect(cellTexts(canvasElement)).toEqual(['', '', '', '', '', ''])
    await expect(bannerText(canvasElement)).toBe('')
    await expect(visibleText(resendButton(canvasElement))).toBe(t.resend)
    await expect(widget(canvasElement)).toHaveAttribute('data-state', 'idle')
  },
}

/** Part of the code typed; Backspace takes the last digit back and nothing is sent. */
export const Typing: Story = {
  play: async ({ canvasElement, args }) => {
    await typeCode(canvasElement, '1234')
    await expect(cellTexts(canvasElement)).toEqual(['1', '2', '3', '4', '', ''])
    await userEvent.keyboard('{Backspace}')
    await expect(cellTexts(canvasElement)).toEqual(['1', '2', '3', '', '', ''])
    await expect(otpInput(canvasElement)).toHaveValue('123')
    await expect(widget(canvasElement)).toHaveAttribute('data-state', 'idle')
    await expect(args.onVerified).not.toHaveBeenCalled()
  },
}

/** A slow back end: the code is being checked, the field is read-only and the button says so. */
export const Verifying: Story = {
  parameters: withSandbox((sandbox) => sandbox.injectFault({ route: 'verify', type: 'delay', ms: 600_000 })),
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    await typeCode(canvasElement, CODE)
    await waitFor(() => expect(widget(canvasElement)).toHaveAttribute('data-state', 'verifying'))
    await expect(otpInput(canvasElement)).toHaveAttribute('readonly')
    await expect(within(canvasElement).getByRole('button', { name: t.verifying })).toHaveAttribute('aria-disabled', 'true')
  },
}

/** The first wrong code: "4 attempts left", and the cells are cleared for the next try. */
export const WrongCode4Left: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = translatorFor(globals)
    await sendWrongCode(canvasElement, t.attemptsLeft({ count: 4 }))
    await expect(cellTexts(canvasElement)).toEqual(['', '', '', '', '', ''])
    await expect(otpInput(canvasElement)).toHaveAttribute('aria-invalid', 'true')
    await expect(otpInput(canvasElement)).toHaveFocus()
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invalid_code', attemptsRemaining: 4 }))
  },
}

/** Four wrong codes: the banner warns that the next one is the last. */
export const WrongCode1Left: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    await sendWrongCodes(canvasElement, t)
    await expect(canvasElement.querySelector(partSelector('banner'))).toHaveAttribute('data-tone', 'warning')
  },
}

/** Five wrong codes: the code is dead, the field is disabled, an alert asks for a new code. */
export const Locked: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    await burnAllAttempts(canvasElement, t)
    await expect(visibleText(canvasElement.querySelector(partSelector('banner-alert')))).toBe(t.codeLocked)
    await waitFor(() => expect(widget(canvasElement)).toHaveAttribute('data-state', 'locked'))
    await expect(otpInput(canvasElement)).toBeDisabled()
    await expect(visibleText(resendButton(canvasElement))).toBe(t.resend)
  },
}

/** The code ran out before it was typed. */
export const Expired: Story = {
  parameters: withSandbox((sandbox) => sandbox.expireCode(PHONES.unverified)),
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    await typeCode(canvasElement, CODE)
    await waitFor(() => expect(bannerText(canvasElement)).toBe(t.codeExpired), { timeout: 3000 })
    await waitFor(() => expect(otpInput(canvasElement)).toBeDisabled())
  },
}

/**
 * Resend right after the first code: the sandbox's 60 s cooldown answers 429
 * with `wait_time`, and the button counts down, disabled, from there.
 */
export const RateLimited: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    const button = resendButton(canvasElement)
    await expect(visibleText(button)).toBe(t.resend)
    await userEvent.click(button)
    await waitFor(() => expect(visibleText(button)).toMatch(/^Resend in 0:5\d$/), { timeout: 4000 })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveAttribute('data-counting')
    const first = visibleText(button)
    // The countdown is live: a second later it shows less.
    await waitFor(() => expect(visibleText(button)).not.toBe(first), { timeout: 2500 })
    await expect(visibleText(canvasElement.querySelector(partSelector('resend-error')))).toMatch(/^Please wait/)
  },
}

/** The cooldown is over: resend sends a new code and the provider's cooldown starts. */
export const CodeSent: Story = {
  parameters: withSandbox((sandbox) => sandbox.clock.advance(61_000)),
  play: async ({ canvasElement, globals, loaded }) => {
    const t = translatorFor(globals)
    const sandbox = loaded.sandbox as OtpSandbox
    const button = resendButton(canvasElement)
    await userEvent.click(button)
    await waitFor(() => expect(visibleText(canvasElement.querySelector(partSelector('resend-sent')))).toBe(t.codeResent), {
      timeout: 3000,
    })
    await expect(sandbox.inbox.filter((sms) => sms.to === PHONES.unverified)).toHaveLength(2)
    await expect(visibleText(button)).toMatch(/^Resend in 0:[0-3]\d$/)
    await expect(button).toHaveAttribute('aria-disabled', 'true')
  },
}

/** This customer verified earlier: a resend is refused with a sentence that says why. */
export const AlreadyVerified: Story = {
  args: { phone: PHONES.verified },
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    await userEvent.click(resendButton(canvasElement))
    await waitFor(() => expect(within(canvasElement).getAllByText(t.alreadyVerified).length).toBeGreaterThan(0), {
      timeout: 3000,
    })
  },
}

/** A phone the back end does not know: the verify answers 404, the widget says so, nothing is verified. */
export const CustomerNotFound: Story = {
  args: { phone: PHONES.unknown },
  play: async ({ canvasElement, args, globals }) => {
    const t = translatorFor(globals)
    await typeCode(canvasElement, CODE)
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'customer_not_found' })), {
      timeout: 3000,
    })
    await expect(args.onVerified).not.toHaveBeenCalled()
    await expect(visibleText(canvasElement.querySelector(partSelector('success')))).toBe('')
    await expect(widget(canvasElement)).not.toHaveAttribute('data-state', 'verified')
    await waitFor(() => expect(visibleText(canvasElement.querySelector(partSelector('error')))).toBe(t.customerNotFound))
  },
}

/** The connection drops: the code stays, the button offers a retry, and Enter retries. */
export const NetworkError: Story = {
  parameters: withSandbox((sandbox) => sandbox.injectFault({ route: 'verify', type: 'drop' })),
  play: async ({ canvasElement, globals, args }) => {
    const t = translatorFor(globals)
    const canvas = within(canvasElement)
    await typeCode(canvasElement, CODE)
    await waitFor(() => expect(visibleText(canvasElement.querySelector(partSelector('error')))).toBe(t.network), { timeout: 3000 })
    await expect(otpInput(canvasElement)).toHaveValue(CODE)
    await expect(canvas.getByRole('button', { name: t.retry })).toBeVisible()
    await expect(widget(canvasElement)).toHaveAttribute('data-state', 'error')
    // The fault was for one answer only: the retry goes through.
    await userEvent.click(otpInput(canvasElement))
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(args.onVerified).toHaveBeenCalledOnce(), { timeout: 3000 })
  },
}

/**
 * The right code, pasted from the SMS in Arabic-Indic digits with a space:
 * accepted, the field is disabled and the success line shows.
 */
export const Verified: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = translatorFor(globals)
    await userEvent.click(otpInput(canvasElement))
    await userEvent.paste('١٢٣ ٤٥٦')
    await waitFor(() => expect(visibleText(canvasElement.querySelector(partSelector('success')))).toBe(t.verified), {
      timeout: 3000,
    })
    await expect(cellTexts(canvasElement)).toEqual(['1', '2', '3', '4', '5', '6'])
    await waitFor(() => expect(widget(canvasElement)).toHaveAttribute('data-state', 'verified'))
    await expect(otpInput(canvasElement)).toBeDisabled()
    await expect(args.onVerified).toHaveBeenCalledWith(
      expect.objectContaining({ customer: expect.objectContaining({ phone: PHONES.unverified }) }),
    )
  },
}

/** The same story in another language: the sentences come from that language's table. */
function inLanguage(story: Story, language: 'ar' | 'ku'): Story {
  return { ...story, globals: { ...story.globals, language } }
}

export const IdleArabic = inLanguage(Idle, 'ar')
export const WrongCodeArabic = inLanguage(WrongCode4Left, 'ar')
export const LockedArabic = inLanguage(Locked, 'ar')
export const VerifiedArabic = inLanguage(Verified, 'ar')
export const IdleKurdish = inLanguage(Idle, 'ku')
export const WrongCodeKurdish = inLanguage(WrongCode4Left, 'ku')
export const LockedKurdish = inLanguage(Locked, 'ku')
export const VerifiedKurdish = inLanguage(Verified, 'ku')

/** The dark theme, checked by the accessibility test like every other story (contrast included). */
export const IdleDark: Story = { ...Idle, globals: { theme: 'dark' } }
export const WrongCodeDark: Story = { ...WrongCode4Left, globals: { theme: 'dark' } }
