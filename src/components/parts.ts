/** The class every styled part carries; `unstyled` leaves it out. */
export const ROOT_CLASS = 'otp-kit'

/** Joins class names, leaving out the root class when `unstyled`. */
export function partClass(unstyled: boolean | undefined, className: string | undefined): string | undefined {
  return `${unstyled ? '' : ROOT_CLASS} ${className ?? ''}`.trim() || undefined
}
