import { expect, userEvent, waitFor } from 'storybook/test'
import { createTranslator, type Language, type Translator } from '../../src'
import { otpInput } from './cells'
import { partSelector } from '../../src/react/anatomy'

/** The kit's sentences in the story's language (from `globals.language`). */
export function translatorFor(globals: Record<string, unknown>): Translator {
  const language = globals.language
  return createTranslator(language === 'ar' || language === 'ku' ? (language as Language) : 'en')
}

/** Text as a reader sees it: without the invisible bidi isolates around numbers. */
export function visibleText(element: Element | null): string {
  return (element?.textContent ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** What the attempts banner says right now. */
export function bannerText(root: HTMLElement): string {
  return visibleText(root.querySelector(partSelector('banner')))
}

/** Clicks into the code field once it is empty and writable, and types a code. */
export async function typeCode(root: HTMLElement, code: string): Promise<void> {
  const input = otpInput(root)
  await waitFor(() => {
    expect(input).toHaveValue('')
    expect(input).not.toHaveAttribute('readonly')
  })
  await userEvent.click(input)
  await userEvent.keyboard(code)
}

/**
 * Sends a wrong code and waits for its verdict: the banner says `expected`
 * and the cells are cleared for the next try. The kit never sends a code the
 * server already judged, so each try needs a code of its own.
 */
export async function sendWrongCode(root: HTMLElement, expected: string, code = '000000'): Promise<void> {
  await typeCode(root, code)
  await waitFor(() => expect(bannerText(root)).toBe(expected), { timeout: 3000 })
  await waitFor(() => expect(otpInput(root)).toHaveValue(''))
}

/** Sends the five wrong codes that lock a code, checking each verdict on the way. */
export async function burnAllAttempts(root: HTMLElement, t: Translator): Promise<void> {
  await sendWrongCodes(root, t)
  // The fifth kills the code: it stays in the disabled field until a new code comes.
  await typeCode(root, '000005')
  await waitFor(() => expect(bannerText(root)).toBe(t.codeLocked), { timeout: 3000 })
}

/** Sends the four wrong codes that leave one attempt, checking each verdict on the way. */
export async function sendWrongCodes(root: HTMLElement, t: Translator): Promise<void> {
  for (const left of [4, 3, 2]) await sendWrongCode(root, t.attemptsLeft({ count: left }), `00000${4 - left}`)
  await sendWrongCode(root, t.lastAttempt, '000004')
}
