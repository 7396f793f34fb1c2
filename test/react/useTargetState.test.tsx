import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useOtpContext } from '../../src/react/OtpContext'
import { useTargetState } from '../../src/react/useTargetState'
import { makeWrapper } from '../utils'

function renderTarget(key: string) {
  let renders = 0
  const hook = renderHook(
    ({ target }) => {
      renders++
      const context = useOtpContext()
      return { context, state: useTargetState(context, target) }
    },
    { wrapper: makeWrapper(), initialProps: { target: key } },
  )
  return { ...hook, renders: () => renders }
}

describe('useTargetState', () => {
  it('shows a change to its target’s state in the next render', () => {
    const { result } = renderTarget('A')
    expect(result.current.state.attemptsRemaining).not.toBe(2)
    act(() => void result.current.context.controller.store.update('A', () => ({ attemptsRemaining: 2 })))
    expect(result.current.state.attemptsRemaining).toBe(2)
  })

  it('does not re-render for another target’s change', () => {
    const { result, renders } = renderTarget('A')
    const before = renders()
    act(() => void result.current.context.controller.store.update('B', () => ({ attemptsRemaining: 1 })))
    expect(renders()).toBe(before)
  })

  it('follows a new target key', () => {
    const { result, rerender } = renderTarget('A')
    act(() => void result.current.context.controller.store.update('B', () => ({ attemptsRemaining: 4 })))
    rerender({ target: 'B' })
    expect(result.current.state.attemptsRemaining).toBe(4)
  })
})
