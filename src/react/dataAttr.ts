/** A data attribute that is present (`''`) or absent: never `"false"`. */
export function dataAttr(condition: unknown): '' | undefined {
  return condition ? '' : undefined
}
