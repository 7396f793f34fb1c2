import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { ResendButton } from '../src'
import type { OtpSandbox } from '../src/testing'
import { translatorFor, visibleText } from './support/flows'
import { SentJustNow } from './support/SentJustNow'
import { PHONES, withSandbox } from './support/withSandbox'

const meta = {
  title: 'Components/ResendButton',
  component: ResendButton,
  tags: ['autodocs'],
  args: {
    target: { phone: PHONES.unverified },
    onSent: fn(),
    onError: fn(),
  },
} satisfies Meta<typeof ResendButton>

export default meta
type Story = StoryObj<typeof meta>

/** The sandbox's cooldown is over. */
const cooldownOver = withSandbox((sandbox) => sandbox.clock.advance(61_000))

/** Ready: a click sends a new code, says so, and starts the provider's 30 s cooldown. */
export const Ready: Story = {
  parameters: cooldownOver,
  play: async ({ canvasElement, globals, args, loaded }) => {
    const t = translatorFor(globals)
    const sandbox = loaded.sandbox as OtpSandbox
    const button = within(canvasElement).getByRole('button', { name: t.resend })
    await expect(button).not.toHaveAttribute('aria-disabled')
    await userEvent.click(button)
    await waitFor(() => expect(args.onSent).toHaveBeenCalledOnce(), { timeout: 3000 })
    await expect(within(canvasElement).getByText(t.codeResent)).toBeVisible()
    await expect(sandbox.inbox.filter((sms) => sms.to === PHONES.unverified)).toHaveLength(2)
    await waitFor(() => expect(visibleText(button)).toMatch(/^Resend in 0:[23]\d$/))
    await expect(button).toHaveAttribute('aria-disabled', 'true')
  },
}

/** The host says when its flow sent the first code: the button counts down from there, without asking the server. */
export const CountingDown: Story = {
  render: (args) => <SentJustNow {...args} />,
  play: async ({ canvasElement, args, loaded }) => {
    const sandbox = loaded.sandbox as OtpSandbox
    const button = within(canvasElement).getByRole('button')
    await waitFor(() => expect(visibleText(button)).toMatch(/^Resend in 0:[23]\d$/))
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    // A click while counting sends nothing.
    await userEvent.click(button)
    await expect(args.onSent).not.toHaveBeenCalled()
    await expect(sandbox.inbox.filter((sms) => sms.to === PHONES.unverified)).toHaveLength(1)
  },
}

/** Too soon for the server: its 429 `wait_time` becomes a live countdown. */
export const RateLimited: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = translatorFor(globals)
    const button = within(canvasElement).getByRole('button', { name: t.resend })
    await userEvent.click(button)
    await waitFor(() => expect(visibleText(button)).toMatch(/^Resend in 0:5\d$/), { timeout: 4000 })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'rate_limited' }))
    const shown = visibleText(button)
    await waitFor(() => expect(visibleText(button)).not.toBe(shown), { timeout: 2500 })
  },
}

/** The same countdown in Arabic: Arabic-Indic digits, kept left to right inside the sentence. */
export const RateLimitedArabic: Story = {
  globals: { language: 'ar' },
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    const button = within(canvasElement).getByRole('button', { name: t.resend })
    await userEvent.click(button)
    await waitFor(() => expect(visibleText(button)).toMatch(/^إعادة الإرسال بعد ٠:٥[٠-٩]$/), { timeout: 4000 })
    await expect(button.textContent).toContain('\u2066')
    await expect(button).toHaveAttribute('aria-disabled', 'true')
  },
}

/** The customer is verified already: the server refuses, and the button says why. */
export const AlreadyVerified: Story = {
  args: { target: { phone: PHONES.verified } },
  play: async ({ canvasElement, globals, args }) => {
    const t = translatorFor(globals)
    await userEvent.click(within(canvasElement).getByRole('button', { name: t.resend }))
    await waitFor(() => expect(within(canvasElement).getByText(t.alreadyVerified)).toBeVisible(), { timeout: 3000 })
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'already_verified' }))
  },
}

/** Oystr cannot resend: the button is not rendered at all. */
export const Unsupported: Story = {
  parameters: withSandbox(undefined, { adapter: 'oystr' }),
  args: { target: { customerId: 'cd989813-9852-40f6-bca7-ea0233d48cb9' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('button')).toBeNull()
  },
}
