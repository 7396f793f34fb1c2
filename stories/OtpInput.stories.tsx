import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { OtpInput } from '../src'
import { cellTexts, otpInput } from './support/cells'
import { partSelector } from '../src/react/anatomy'

const meta = {
  title: 'Components/OtpInput',
  component: OtpInput,
  tags: ['autodocs'],
  args: {
    'aria-label': 'Verification code',
    onValueChange: fn(),
    onComplete: fn(),
  },
} satisfies Meta<typeof OtpInput>

export default meta
type Story = StoryObj<typeof meta>

/** Empty, ready for a code: typing fills the cells, Backspace takes the last digit back. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const input = canvas.getByRole('textbox', { name: 'Verification code' })
    await userEvent.click(input)
    await userEvent.keyboard('123')
    await expect(cellTexts(canvasElement)).toEqual(['1', '2', '3', '', '', ''])
    await userEvent.keyboard('{Backspace}')
    await expect(cellTexts(canvasElement)).toEqual(['1', '2', '', '', '', ''])
    await expect(input).toHaveValue('12')
    await expect(args.onValueChange).toHaveBeenLastCalledWith('12', { source: 'typed' })
    await expect(args.onComplete).not.toHaveBeenCalled()
  },
}

/** A pasted code in Arabic-Indic digits with a space lands as six ASCII digits and completes the field. */
export const PasteArabicDigits: Story = {
  play: async ({ canvasElement, args }) => {
    const input = within(canvasElement).getByRole('textbox', { name: 'Verification code' })
    await userEvent.click(input)
    await userEvent.paste('١٢٣ ٤٥٦')
    await waitFor(() => expect(cellTexts(canvasElement)).toEqual(['1', '2', '3', '4', '5', '6']))
    await expect(input).toHaveValue('123456')
    await expect(args.onComplete).toHaveBeenCalledWith('123456', { source: 'pasted' })
  },
}

/** Every digit in. */
export const Filled: Story = {
  args: { defaultValue: '123456' },
  play: async ({ canvasElement }) => {
    await expect(cellTexts(canvasElement)).toEqual(['1', '2', '3', '4', '5', '6'])
    await expect(canvasElement.querySelector(partSelector('root'))).toHaveAttribute('data-complete')
  },
}

/** The code was wrong: the input says so to assistive technology, the row to CSS. */
export const Invalid: Story = {
  args: { defaultValue: '111111', invalid: true },
  play: async ({ canvasElement }) => {
    await expect(otpInput(canvasElement)).toHaveAttribute('aria-invalid', 'true')
    await expect(canvasElement.querySelector(partSelector('root'))).toHaveAttribute('data-invalid')
  },
}

/** Nothing can be typed. */
export const Disabled: Story = {
  args: { defaultValue: '12', disabled: true },
  play: async ({ canvasElement }) => {
    const input = otpInput(canvasElement)
    await expect(input).toBeDisabled()
    await userEvent.type(input, '345')
    await expect(input).toHaveValue('12')
  },
}

/** Dots instead of digits; the input still holds the digits. */
export const Masked: Story = {
  args: { defaultValue: '1234', mask: true },
  play: async ({ canvasElement }) => {
    await expect(cellTexts(canvasElement)).toEqual(['•', '•', '•', '•', '', ''])
    await expect(otpInput(canvasElement)).toHaveValue('1234')
  },
}

/** The look while the code is checked. */
export const Verifying: Story = {
  args: { defaultValue: '123456', state: 'verifying', readOnly: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(partSelector('root'))).toHaveAttribute('data-state', 'verifying')
  },
}

/** The look once the code is accepted. */
export const Verified: Story = {
  args: { defaultValue: '123456', state: 'verified', disabled: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(partSelector('root'))).toHaveAttribute('data-state', 'verified')
  },
}

/** A four-digit code: four cells, complete at the fourth digit; a fifth replaces the last, which stays selected. */
export const LengthFour: Story = {
  args: { length: 4 },
  play: async ({ canvasElement, args }) => {
    await expect(cellTexts(canvasElement)).toHaveLength(4)
    await userEvent.click(otpInput(canvasElement))
    await userEvent.keyboard('9876')
    await expect(cellTexts(canvasElement)).toEqual(['9', '8', '7', '6'])
    await expect(args.onComplete).toHaveBeenCalledWith('9876', { source: 'typed' })
    await userEvent.keyboard('5')
    await expect(cellTexts(canvasElement)).toEqual(['9', '8', '7', '5'])
    await expect(args.onComplete).toHaveBeenLastCalledWith('9875', { source: 'typed' })
  },
}

/** On an Arabic (right-to-left) page the digits still run left to right, first digit at the left. */
export const RtlPage: Story = {
  globals: { language: 'ar' },
  args: { 'aria-label': 'رمز التحقق' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[dir="rtl"]')).not.toBeNull()
    const input = within(canvasElement).getByRole('textbox', { name: 'رمز التحقق' })
    await userEvent.click(input)
    await userEvent.keyboard('12')
    await expect(canvasElement.querySelector(partSelector('root'))).toHaveAttribute('dir', 'ltr')
    const [first, second] = Array.from(canvasElement.querySelectorAll(partSelector('cell')))
    await expect(first!.getBoundingClientRect().left).toBeLessThan(second!.getBoundingClientRect().left)
    await expect(cellTexts(canvasElement).slice(0, 2)).toEqual(['1', '2'])
  },
}
