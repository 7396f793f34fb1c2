import { describe, expect, it } from 'vitest'
import { createOtpController } from '../../src/core/controller'
import { createOtpError, type CreateOtpErrorInput } from '../../src/core/errors'
import type { OtpAdapter, VerifyResult } from '../../src/core/types'

// Verifies that overlap, at the controller: who waits for whom, and whose
// abort cancels what.

type Target = { id: string }
interface Sent {
  code: string
  signal: AbortSignal | undefined
  answer: (result: 'verified' | CreateOtpErrorInput) => void
}

/** A back end that holds every verify until the test answers it. */
function heldBackEnd() {
  const sent: Sent[] = []
  const adapter: OtpAdapter<Target> = {
    name: 'held',
    maxAttempts: 5,
    validateTarget() {},
    targetKey: (target) => target.id,
    verify({ code }, ctx) {
      return new Promise<VerifyResult>((resolve, reject) => {
        ctx.signal?.addEventListener('abort', () => reject(createOtpError({ kind: 'aborted' })))
        sent.push({
          code,
          signal: ctx.signal,
          answer: (result) => (result === 'verified' ? resolve({ customer: { customerId: code }, raw: {} }) : reject(createOtpError(result))),
        })
      })
    },
  }
  const controller = createOtpController({ getConfig: () => ({ adapter, baseUrl: '' }) })
  return { sent, controller }
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}
const settled = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
const shopper = { id: 'shopper' }

describe('createOtpController', () => {
  describe('a verify with another code while one is in flight', () => {
    it('waits for the first answer, then sends its own code and gets its own answer', async () => {
      const { sent, controller } = heldBackEnd()
      const first = settled(controller.verify(shopper, '111111'))
      const second = settled(controller.verify(shopper, '222222'))
      await flush()
      // Nothing of the second code goes out while the first is on its way.
      expect(sent.map((s) => s.code)).toEqual(['111111'])
      sent[0]!.answer({ kind: 'invalid_code', attemptsRemaining: 4 })
      await flush()
      expect(await first).toMatchObject({ ok: false, error: { kind: 'invalid_code' } })
      expect(sent.map((s) => s.code)).toEqual(['111111', '222222'])
      sent[1]!.answer('verified')
      expect(await second).toMatchObject({ ok: true, value: { customer: { customerId: '222222' } } })
      expect(controller.store.get(controller.keyOf(shopper)).verified).not.toBeNull()
    })

    it('sends nothing when the first code was accepted, and gets that outcome', async () => {
      const { sent, controller } = heldBackEnd()
      const first = settled(controller.verify(shopper, '111111'))
      const second = settled(controller.verify(shopper, '222222'))
      await flush()
      sent[0]!.answer('verified')
      expect(await first).toMatchObject({ ok: true })
      expect(await second).toMatchObject({ ok: true, value: { customer: { customerId: '111111' } } })
      expect(sent).toHaveLength(1)
    })

    it('sends nothing when the first answer killed the code, and gets that outcome', async () => {
      const { sent, controller } = heldBackEnd()
      void settled(controller.verify(shopper, '111111'))
      const second = settled(controller.verify(shopper, '222222'))
      await flush()
      sent[0]!.answer({ kind: 'code_dead', reason: 'too_many_attempts' })
      expect(await second).toMatchObject({ ok: false, error: { kind: 'code_dead', reason: 'too_many_attempts' } })
      expect(sent).toHaveLength(1)
    })

    it('is still refused when the server had judged it before', async () => {
      const { sent, controller } = heldBackEnd()
      const wrong = settled(controller.verify(shopper, '222222'))
      await flush()
      sent[0]!.answer({ kind: 'invalid_code', attemptsRemaining: 4 })
      await wrong
      void settled(controller.verify(shopper, '111111'))
      const again = settled(controller.verify(shopper, '222222'))
      await flush()
      sent[1]!.answer({ kind: 'invalid_code', attemptsRemaining: 3 })
      expect(await again).toMatchObject({ ok: false, error: { kind: 'invalid_code', attemptsRemaining: 4 } })
      expect(sent.map((s) => s.code)).toEqual(['222222', '111111'])
    })
  })

  describe('callers that share one request', () => {
    it('each caller has its own abort: the first to cancel does not cancel the others', async () => {
      const { sent, controller } = heldBackEnd()
      const a = new AbortController()
      const b = new AbortController()
      const first = settled(controller.verify(shopper, '111111', a.signal))
      const second = settled(controller.verify(shopper, '111111', b.signal))
      await flush()
      expect(sent).toHaveLength(1)
      a.abort()
      expect(await first).toMatchObject({ ok: false, error: { kind: 'aborted' } })
      expect(sent[0]!.signal?.aborted).toBe(false)
      sent[0]!.answer('verified')
      expect(await second).toMatchObject({ ok: true, value: { customer: { customerId: '111111' } } })
    })

    it('a caller that joined can cancel its own wait, and the request goes on for the first', async () => {
      const { sent, controller } = heldBackEnd()
      const b = new AbortController()
      const first = settled(controller.verify(shopper, '111111'))
      const second = settled(controller.verify(shopper, '111111', b.signal))
      await flush()
      b.abort()
      expect(await second).toMatchObject({ ok: false, error: { kind: 'aborted' } })
      expect(sent[0]!.signal?.aborted).toBe(false)
      sent[0]!.answer({ kind: 'invalid_code', attemptsRemaining: 4 })
      expect(await first).toMatchObject({ ok: false, error: { kind: 'invalid_code' } })
    })

    it('the request is cancelled once every caller has cancelled', async () => {
      const { sent, controller } = heldBackEnd()
      const a = new AbortController()
      const b = new AbortController()
      void settled(controller.verify(shopper, '111111', a.signal))
      void settled(controller.verify(shopper, '111111', b.signal))
      await flush()
      a.abort()
      b.abort()
      await flush()
      expect(sent[0]!.signal?.aborted).toBe(true)
      // Cancelled, it judged nothing: the same code may go again.
      void settled(controller.verify(shopper, '111111'))
      await flush()
      expect(sent).toHaveLength(2)
    })
  })
})
