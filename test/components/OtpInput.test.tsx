import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { OtpInput } from '../../src/components/OtpInput'
import { partClass } from '../../src/components/parts'
import { partSelector } from '../../src/react/anatomy'

// The field's behaviour (keyboard, pointer, paste, IME) is useOtpField's and
// runs in real engines in OtpInput.browser.test.tsx; the stories show each
// look. These check what the component adds: the host's props reach the
// right element, the mask hides only what is shown, the look follows `state`.

const root = () => document.querySelector<HTMLElement>(partSelector('root'))!
const input = () => screen.getByRole('textbox') as HTMLInputElement
const cells = () => [...document.querySelectorAll<HTMLElement>(partSelector('cell'))].map((cell) => cell.textContent)

describe('OtpInput', () => {
  it('gives the host\'s input props, ref and input class to the real input, and its class to the row', () => {
    const ref = createRef<HTMLInputElement>()
    render(
      <OtpInput
        ref={ref}
        name="otp"
        id="checkout-code"
        aria-label="Code from the SMS"
        className="code-row"
        inputClassName="code-input"
        data-testid="code"
      />,
    )
    expect(ref.current).toBe(input())
    expect(input()).toMatchObject({ name: 'otp', id: 'checkout-code', className: 'code-input' })
    expect(input().getAttribute('aria-label')).toBe('Code from the SMS')
    expect(input().getAttribute('data-testid')).toBe('code')
    expect(root().className).toBe('otp-kit code-row')
    // What the hook reads never lands on the DOM as an attribute.
    expect(input().hasAttribute('mask')).toBe(false)
    expect(root().hasAttribute('state')).toBe(false)
  })

  it('asks for SMS autofill and the numeric keyboard on a plain text input', () => {
    render(<OtpInput aria-label="Code" />)
    expect(input().getAttribute('autocomplete')).toBe('one-time-code')
    expect(input().getAttribute('inputmode')).toBe('numeric')
    expect(input().type).toBe('text')
  })

  it('shows dots for a masked code while the input, and the host, still get the digits', async () => {
    const onValueChange = vi.fn()
    render(<OtpInput aria-label="Code" mask onValueChange={onValueChange} />)
    await userEvent.setup().type(input(), '1234')
    expect(cells()).toEqual(['•', '•', '•', '•', '', ''])
    expect(input().value).toBe('1234')
    expect(onValueChange).toHaveBeenLastCalledWith('1234', expect.anything())
  })

  it('marks the row verifying or verified, and nothing when idle', () => {
    const { rerender } = render(<OtpInput aria-label="Code" defaultValue="123456" />)
    expect(root().hasAttribute('data-state')).toBe(false)
    rerender(<OtpInput aria-label="Code" defaultValue="123456" state="verifying" />)
    expect(root().getAttribute('data-state')).toBe('verifying')
    rerender(<OtpInput aria-label="Code" defaultValue="123456" state="verified" />)
    expect(root().getAttribute('data-state')).toBe('verified')
  })

  it('calls the host\'s focus and blur handlers beside its own', async () => {
    const onFocus = vi.fn()
    const onBlur = vi.fn()
    render(
      <>
        <OtpInput aria-label="Code" onFocus={onFocus} onBlur={onBlur} />
        <button type="button">Next</button>
      </>,
    )
    const user = userEvent.setup()
    await user.click(input())
    expect(onFocus).toHaveBeenCalledTimes(1)
    expect(document.querySelector(partSelector('cell'))!.hasAttribute('data-active')).toBe(true)
    await user.tab()
    expect(onBlur).toHaveBeenCalledTimes(1)
  })

  it('classes its row as every styled part is classed (partClass), styled or not, with or without a host class', () => {
    for (const unstyled of [false, true, undefined]) {
      for (const className of ['mine', '', undefined]) {
        const { unmount } = render(<OtpInput aria-label="Code" unstyled={unstyled} className={className} />)
        expect(root().getAttribute('class')).toBe(partClass(unstyled, className) ?? null)
        unmount()
      }
    }
  })

  it('leaves out the kit\'s class when unstyled and keeps every data attribute for the host\'s CSS', () => {
    render(<OtpInput aria-label="Code" unstyled invalid disabled className="mine" />)
    expect(root().className).toBe('mine')
    expect(root().hasAttribute('data-invalid')).toBe(true)
    expect(root().hasAttribute('data-disabled')).toBe(true)
    expect(document.querySelectorAll(partSelector('cell'))).toHaveLength(6)
  })
})
