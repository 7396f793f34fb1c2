import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useCallerAborts } from '../../src/react/useCallerAborts'

/** A call that stays open until its signal fires, and reports what it was given. */
function openCall() {
  const seen: AbortSignal[] = []
  let finish!: () => void
  const call = (signal: AbortSignal) => {
    seen.push(signal)
    return new Promise<string>((resolve, reject) => {
      finish = () => resolve('done')
      signal.addEventListener('abort', () => reject(signal.reason))
    })
  }
  return { call, seen, finish: () => finish() }
}

describe('useCallerAborts', () => {
  it('gives each call a signal of its own and hands back what the call returns', async () => {
    const { result } = renderHook(() => useCallerAborts())
    const a = openCall()
    const b = openCall()
    const first = result.current.run(a.call)
    // Aborted when the test unmounts the component.
    void result.current.run(b.call).catch(() => {})
    expect(a.seen[0]).not.toBe(b.seen[0])
    a.finish()
    expect(await first).toBe('done')
  })

  it('aborts every call still open when the component unmounts, and none it finished', async () => {
    const { result, unmount } = renderHook(() => useCallerAborts())
    const done = openCall()
    const open = openCall()
    const finished = result.current.run(done.call)
    const pending = result.current.run(open.call).catch((reason: unknown) => reason)
    done.finish()
    await finished
    unmount()
    expect(done.seen[0]!.aborted).toBe(false)
    expect(open.seen[0]!.aborted).toBe(true)
    expect(await pending).toMatchObject({ name: 'AbortError' })
  })

  it('leaves another component’s calls alone when one unmounts', () => {
    const one = renderHook(() => useCallerAborts())
    const two = renderHook(() => useCallerAborts())
    const mine = openCall()
    const theirs = openCall()
    void one.result.current.run(mine.call).catch(() => {})
    void two.result.current.run(theirs.call).catch(() => {})
    one.unmount()
    expect(mine.seen[0]!.aborted).toBe(true)
    expect(theirs.seen[0]!.aborted).toBe(false)
  })

  it('keeps the same runner across renders, so effects that use it do not re-run', () => {
    const { result, rerender } = renderHook(() => useCallerAborts())
    const before = result.current
    rerender()
    expect(result.current).toBe(before)
  })
})
