import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCountdown } from '../../src/react/useCountdown'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(new Date('2026-11-23T10:00:00Z'))
})
afterEach(() => vi.useRealTimers())

describe('useCountdown', () => {
  it('counts whole seconds down to zero and stops its timer', async () => {
    const deadline = Date.now() + 2500
    const { result } = renderHook(() => useCountdown(deadline))
    expect(result.current).toBe(3)
    await act(() => vi.advanceTimersByTimeAsync(500))
    expect(result.current).toBe(2)
    await act(() => vi.advanceTimersByTimeAsync(2000))
    expect(result.current).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('shows the truth after the tab slept through its timers', async () => {
    const deadline = Date.now() + 60_000
    const { result, rerender } = renderHook(() => useCountdown(deadline))
    // A throttled tab: the clock moves, the timers do not fire.
    vi.setSystemTime(Date.now() + 42_000)
    rerender()
    expect(result.current).toBe(18)
  })

  it('is zero with no deadline', () => {
    expect(renderHook(() => useCountdown(null)).result.current).toBe(0)
  })

  it('re-renders once each time the shown second changes, and not in between', async () => {
    let renders = 0
    const deadline = Date.now() + 5_000
    const { result } = renderHook(() => {
      renders++
      return useCountdown(deadline)
    })
    renders = 0
    // In tenths of a second, each in its own act(), so every update would show.
    for (let step = 0; step < 30; step++) await act(() => vi.advanceTimersByTimeAsync(100))
    expect(result.current).toBe(2)
    expect(renders).toBe(3)
  })

  it('follows a new deadline: a resend that pushes it out starts the count again', async () => {
    const { result, rerender } = renderHook(({ deadline }) => useCountdown(deadline), { initialProps: { deadline: Date.now() + 1_000 } })
    expect(result.current).toBe(1)
    await act(() => vi.advanceTimersByTimeAsync(1_000))
    expect(result.current).toBe(0)
    rerender({ deadline: Date.now() + 30_000 })
    expect(result.current).toBe(30)
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(result.current).toBe(20)
  })

  it('stops its timer on unmount', () => {
    const { unmount } = renderHook(() => useCountdown(Date.now() + 60_000))
    expect(vi.getTimerCount()).toBe(1)
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  })
})
