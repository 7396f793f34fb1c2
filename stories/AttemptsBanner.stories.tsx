import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor } from 'storybook/test'
import { AttemptsBanner, OtpInput, useVerifyOtp, type AttemptsBannerProps } from '../src'
import { bannerText, burnAllAttempts, sendWrongCode, sendWrongCodes, translatorFor, typeCode } from './support/flows'
import { CODE, PHONES, withSandbox } from './support/withSandbox'
import { partSelector } from '../src/react/anatomy'

/** The banner beside a bare field that verifies against the sandbox, so each verdict is a real answer. */
function WithField(props: AttemptsBannerProps) {
  const { verifyAsync } = useVerifyOtp(props.target)
  const [code, setCode] = useState('')
  // A wrong code empties the field for the next try, as OtpVerification does.
  const verify = (value: string) => void verifyAsync(value).catch(() => setCode(''))
  return (
    <>
      <OtpInput aria-label="Verification code" value={code} onValueChange={setCode} onComplete={verify} />
      <AttemptsBanner {...props} />
    </>
  )
}

const meta = {
  title: 'Components/AttemptsBanner',
  component: AttemptsBanner,
  tags: ['autodocs'],
  args: { target: { phone: PHONES.unverified } },
  render: (args) => <WithField {...args} />,
} satisfies Meta<typeof AttemptsBanner>

export default meta
type Story = StoryObj<typeof meta>

function banner(root: HTMLElement): HTMLElement {
  const element = root.querySelector<HTMLElement>(partSelector('banner'))
  if (!element) throw new Error('No banner in the story')
  return element
}

/** No verdict yet: nothing to say, both live regions already listening. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await expect(banner(canvasElement)).toHaveAttribute('data-empty')
    await expect(canvasElement.querySelector('[role="status"]')).not.toBeNull()
    await expect(canvasElement.querySelector('[role="alert"]')).not.toBeNull()
  },
}

/** A wrong code: attempts left, said politely. */
export const AttemptsLeft: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    await sendWrongCode(canvasElement, t.attemptsLeft({ count: 4 }))
    await expect(banner(canvasElement)).toHaveAttribute('data-tone', 'info')
    await expect(canvasElement.querySelector(partSelector('banner-status'))).toHaveTextContent(t.attemptsLeft({ count: 4 }))
  },
}

/** One attempt left: a warning. */
export const LastAttempt: Story = {
  play: async ({ canvasElement, globals }) => {
    await sendWrongCodes(canvasElement, translatorFor(globals))
    await expect(banner(canvasElement)).toHaveAttribute('data-tone', 'warning')
  },
}

/** No attempts left: an alert. */
export const Locked: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    await burnAllAttempts(canvasElement, t)
    await waitFor(() => expect(banner(canvasElement)).toHaveAttribute('data-locked'))
    await expect(banner(canvasElement)).toHaveAttribute('data-tone', 'error')
    await expect(canvasElement.querySelector(partSelector('banner-alert'))).toHaveTextContent(t.codeLocked)
  },
}

/** The code expired before it was typed. */
export const Expired: Story = {
  parameters: withSandbox((sandbox) => sandbox.expireCode(PHONES.unverified)),
  play: async ({ canvasElement, globals }) => {
    const t = translatorFor(globals)
    await typeCode(canvasElement, CODE)
    await waitFor(() => expect(bannerText(canvasElement)).toBe(t.codeExpired), { timeout: 3000 })
    await expect(banner(canvasElement)).toHaveAttribute('data-locked')
  },
}

/** Arabic: the same verdict in the Arabic table's words and digits. */
export const AttemptsLeftArabic: Story = {
  ...AttemptsLeft,
  globals: { language: 'ar' },
}
