import { render } from '@testing-library/react'
import { createRef, forwardRef, useRef, type Ref } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { mergeRefs } from '../../src/react/mergeRefs'

describe('mergeRefs', () => {
  it('hands the element to an object ref and a callback ref alike, and null to both on unmount', () => {
    const object = createRef<HTMLInputElement>()
    const callback = vi.fn()
    const { unmount, container } = render(<input ref={mergeRefs(object, callback)} />)
    const el = container.querySelector('input')
    expect(object.current).toBe(el)
    expect(callback).toHaveBeenLastCalledWith(el)
    unmount()
    expect(object.current).toBeNull()
    expect(callback).toHaveBeenLastCalledWith(null)
  })

  it('skips refs the host did not pass', () => {
    const object = createRef<HTMLInputElement>()
    const { container } = render(<input ref={mergeRefs(undefined, null, object)} />)
    expect(object.current).toBe(container.querySelector('input'))
  })

  it('gives a host’s forwarded ref the same element the component holds', () => {
    const Field = forwardRef<HTMLInputElement>(function Field(_props, forwarded) {
      const own = useRef<HTMLInputElement>(null)
      return <input ref={mergeRefs(own, forwarded)} />
    })
    const host = createRef<HTMLInputElement>()
    const seen: Array<HTMLInputElement | null> = []
    const { container, rerender } = render(<Field ref={host} />)
    const el = container.querySelector('input')!
    expect(host.current).toBe(el)
    const callback: Ref<HTMLInputElement> = (node) => void seen.push(node)
    rerender(<Field ref={callback} />)
    expect(seen.at(-1)).toBe(el)
  })
})
