import { describe, expect, it } from 'vitest'
import { composeEventHandlers } from '../../src/react/composeEventHandlers'

interface FakeEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

const event = (): FakeEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true
  },
})

describe('composeEventHandlers', () => {
  it('calls the host’s handler first, then ours, with the same event', () => {
    const order: string[] = []
    const seen: FakeEvent[] = []
    const handler = composeEventHandlers<FakeEvent>(
      (e) => {
        order.push('host')
        seen.push(e)
      },
      (e) => {
        order.push('ours')
        seen.push(e)
      },
    )
    const e = event()
    handler(e)
    expect(order).toEqual(['host', 'ours'])
    expect(seen).toEqual([e, e])
  })

  it('skips ours when the host called preventDefault', () => {
    const ours: FakeEvent[] = []
    const handler = composeEventHandlers<FakeEvent>((e) => e.preventDefault(), (e) => ours.push(e))
    handler(event())
    expect(ours).toEqual([])
  })

  it('skips ours for an event something earlier already prevented', () => {
    const ours: FakeEvent[] = []
    const prevented = event()
    prevented.preventDefault()
    composeEventHandlers<FakeEvent>(undefined, (e) => ours.push(e))(prevented)
    expect(ours).toEqual([])
  })

  it('runs ours alone when the host passed no handler', () => {
    const ours: FakeEvent[] = []
    const e = event()
    composeEventHandlers<FakeEvent>(undefined, (x) => ours.push(x))(e)
    expect(ours).toEqual([e])
  })

  it('lets a host’s throw stop ours rather than swallow it', () => {
    const ours: FakeEvent[] = []
    const handler = composeEventHandlers<FakeEvent>(
      () => {
        throw new Error('host bug')
      },
      (e) => ours.push(e),
    )
    expect(() => handler(event())).toThrow('host bug')
    expect(ours).toEqual([])
  })
})
