import { partSelector } from '../../src/react/anatomy'
/** What the cells of the first (or given) OTP row show, in order. Masked cells show '•'. */
export function cellTexts(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll(partSelector('cell')), (cell) => cell.textContent ?? '')
}

/** The one real input of the OTP row. */
export function otpInput(root: HTMLElement): HTMLInputElement {
  const input = root.querySelector<HTMLInputElement>(`input${partSelector('input')}`)
  if (!input) throw new Error('No OTP input in the story')
  return input
}
