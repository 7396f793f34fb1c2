import type { Meta, StoryObj } from '@storybook/react-vite'
import { useForm } from 'react-hook-form'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { OtpField } from '../src/react-hook-form'
import { cellTexts, otpInput } from './support/cells'
import { translatorFor } from './support/flows'

interface CheckoutForm {
  code: string
}

interface CheckoutProps {
  onSubmit: (values: CheckoutForm) => void
  length?: number
  disabled?: boolean
}

/** A checkout form of the host's own with the code field in it. */
function Checkout({ onSubmit, length, disabled }: CheckoutProps) {
  const { control, handleSubmit } = useForm<CheckoutForm>({ defaultValues: { code: '' } })
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <OtpField control={control} name="code" aria-label="Code from the SMS" length={length} disabled={disabled} />
      <button type="submit">Place order</button>
    </form>
  )
}

const meta = {
  title: 'Components/OtpField',
  component: Checkout,
  tags: ['autodocs'],
  args: { onSubmit: fn() },
} satisfies Meta<typeof Checkout>

export default meta
type Story = StoryObj<typeof meta>

/** A full code goes out with the form. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('textbox', { name: 'Code from the SMS' }))
    await userEvent.keyboard('123456')
    await userEvent.click(canvas.getByRole('button', { name: 'Place order' }))
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ code: '123456' }, expect.anything()))
  },
}

/** Submitting an empty field asks for the code, in the provider's language. */
export const Required: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = translatorFor(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Place order' }))
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(t.codeRequired))
    await expect(otpInput(canvasElement)).toHaveAttribute('aria-invalid', 'true')
    await expect(args.onSubmit).not.toHaveBeenCalled()
  },
}

/** Three digits are not a code: the field says how many it needs; Backspace works as usual. */
export const Incomplete: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = translatorFor(globals)
    const canvas = within(canvasElement)
    await userEvent.click(otpInput(canvasElement))
    await userEvent.keyboard('1234{Backspace}')
    await expect(cellTexts(canvasElement)).toEqual(['1', '2', '3', '', '', ''])
    await userEvent.click(canvas.getByRole('button', { name: 'Place order' }))
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(t.codeIncomplete({ length: 6 })))
    await expect(otpInput(canvasElement)).toHaveAccessibleDescription(t.codeIncomplete({ length: 6 }))
    await expect(args.onSubmit).not.toHaveBeenCalled()
  },
}

/** A pasted code in Arabic-Indic digits is stored as ASCII digits. */
export const Paste: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(otpInput(canvasElement))
    await userEvent.paste('١٢٣ ٤٥٦')
    await expect(cellTexts(canvasElement)).toEqual(['1', '2', '3', '4', '5', '6'])
    await userEvent.click(canvas.getByRole('button', { name: 'Place order' }))
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ code: '123456' }, expect.anything()))
  },
}

/** Kurdish: the validation message in Sorani. */
export const RequiredKurdish: Story = {
  ...Required,
  globals: { language: 'ku' },
}

/** Disabled with the rest of the form. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await expect(otpInput(canvasElement)).toBeDisabled()
  },
}
