/**
 * One handler that calls the host's first and then ours, unless the host
 * called `preventDefault()`: that is how a host opts out of the kit's handling.
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  host: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    host?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}
