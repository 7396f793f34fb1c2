import { render, renderHook } from '@testing-library/react'
import { useEffect, type RefObject } from 'react'
import { describe, expect, it } from 'vitest'
import { useLatest } from '../../src/react/useLatest'

describe('useLatest', () => {
  it('holds the newest value in the same ref across renders', () => {
    const { result, rerender } = renderHook(({ value }) => useLatest(value), { initialProps: { value: 'first' } })
    const ref = result.current
    expect(ref.current).toBe('first')
    rerender({ value: 'second' })
    expect(result.current).toBe(ref)
    expect(ref.current).toBe('second')
  })

  it('is up to date before any effect below it runs, a child’s included', () => {
    const seen: string[] = []
    function Child({ latest }: { latest: RefObject<string> }) {
      useEffect(() => {
        seen.push(latest.current)
      })
      return null
    }
    function Parent({ value }: { value: string }) {
      return <Child latest={useLatest(value)} />
    }
    const { rerender } = render(<Parent value="a" />)
    rerender(<Parent value="b" />)
    expect(seen).toEqual(['a', 'b'])
  })
})
