/** The class every styled part carries; `unstyled` leaves it out. */
export const ROOT_CLASS = 'otp-kit'

/** A data attribute that is present (`''`) or absent. */
export function dataAttr(condition: unknown): '' | undefined {
  return condition ? '' : undefined
}

/** Joins class names, leaving out the root class when `unstyled`. */
export function partClass(unstyled: boolean | undefined, className: string | undefined): string | undefined {
  const names = [unstyled ? undefined : ROOT_CLASS, className].filter(Boolean)
  return names.length ? names.join(' ') : undefined
}
