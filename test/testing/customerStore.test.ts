import { describe, expect, it, vi } from 'vitest'
import { randomCode } from '../../src/testing/customerStore.js'
import { frozenStore } from './routes/context.js'
import { T0 } from './transports.js'

describe('createCustomerStore: customers', () => {
  it('fills in a customer from a phone alone', () => {
    const { store } = frozenStore()
    const { customer, cycle, cooldownUntil } = store.add({ phone: '+9647501234567' })
    expect(customer).toEqual({
      customerId: `GAL${T0}`,
      phone: '+9647501234567',
      fullName: 'Sandbox Customer',
      email: `gal${T0}@example.test`,
      isVerified: false,
      verifiedAt: null,
      hasUserAccount: false,
      userId: null,
      addressId: null,
      deliveryAddress: null,
      trackingCode: null,
    })
    expect([cycle, cooldownUntil]).toEqual([null, 0])
  })

  it('gives a customer with an account stable ids and an address, and a verified one a verified_at', () => {
    const { store } = frozenStore()
    const { customer } = store.add({ phone: '+9647501234567', hasUserAccount: true, verified: true })
    expect(customer.userId).toBe('00000000-0000-4000-8000-000000000001')
    expect(customer.addressId).toBe('00000000-0000-4000-8000-000000000002')
    expect(customer.deliveryAddress).toEqual({ line1: '1 Sandbox Street', city: 'Erbil', country: 'IQ' })
    expect(customer.verifiedAt).toBe('2024-01-01T12:00:00Z')
  })

  it('never gives two customers added in the same millisecond the same id', () => {
    const { store } = frozenStore()
    const ids = ['+9647500000001', '+9647500000002', '+9647500000003'].map((phone) => store.add({ phone }).customer.customerId)
    expect(ids).toEqual([`GAL${T0}`, `GAL${T0 + 1}`, `GAL${T0 + 2}`])
  })

  it('refuses a phone not in international format and a phone or id it has, with a sentence', () => {
    const { store } = frozenStore()
    store.add({ phone: '+9647501234567', customerId: 'C1' })
    for (const phone of ['07501234567', '+964 750 123 4567', '+0123456789', '+1234567', '+1234567890123456']) {
      expect(() => store.add({ phone }), phone).toThrow(/international format/)
    }
    expect(() => store.add({ phone: '+9647501234567' })).toThrow(/exists already/)
    expect(() => store.add({ phone: '+9647509999999', customerId: 'C1' })).toThrow(/exists already/)
    expect(store.entries).toHaveLength(1)
  })

  it('finds a customer by phone or id, and by tracking code only through its own lookup', () => {
    const { store } = frozenStore()
    const entry = store.add({ phone: '+9647501234567', customerId: 'C1', trackingCode: 'site-7' })
    expect(store.find('+9647501234567')).toBe(entry)
    expect(store.find('C1')).toBe(entry)
    expect(store.find('site-7')).toBeUndefined()
    expect(store.findByTrackingCode('site-7')).toBe(entry)
    expect(store.findByTrackingCode('site-8')).toBeUndefined()
  })
})

describe('createCustomerStore: codes', () => {
  it('sends a code that lives codeTtlMs with maxAttempts, starts the cooldown and lands in the inbox', () => {
    const onSend = vi.fn()
    const { store } = frozenStore({ onSend })
    const entry = store.add({ phone: '+9647501234567', customerId: 'C1' })
    const sms = store.send(entry, 'ar')
    expect(sms).toEqual({
      to: '+9647501234567',
      customerId: 'C1',
      code: '000001',
      sentAt: T0,
      expiresAt: T0 + 300_000,
      text: 'رمز التحقق الخاص بك: 000001. صالح لمدة 5 دقائق.',
      language: 'ar',
    })
    expect(entry.cycle).toEqual({ code: '000001', sentAt: T0, expiresAt: T0 + 300_000, attemptsLeft: 5, locked: false })
    expect(entry.cooldownUntil).toBe(T0 + 60_000)
    expect(store.inbox).toEqual([sms])
    expect(onSend).toHaveBeenCalledExactlyOnceWith(sms)
  })

  it('replaces the live code with each send and counts codes across customers', () => {
    const generateCode = vi.fn(({ count }: { count: number }) => String(count).padStart(6, '0'))
    const { store } = frozenStore({ generateCode })
    const a = store.add({ phone: '+9647500000001', customerId: 'A' })
    const b = store.add({ phone: '+9647500000002', customerId: 'B' })
    store.send(a, 'en')
    store.send(b, 'en')
    store.send(a, 'en')
    expect(generateCode.mock.calls.map(([details]) => details)).toEqual([
      { to: '+9647500000001', customerId: 'A', count: 1 },
      { to: '+9647500000002', customerId: 'B', count: 2 },
      { to: '+9647500000001', customerId: 'A', count: 3 },
    ])
    expect(a.cycle?.code).toBe('000003')
    expect(store.inbox.map((sms) => sms.code)).toEqual(['000001', '000002', '000003'])
  })

  it('hands out a new inbox array on each send, so a snapshot taken before stays as it was', () => {
    const { store } = frozenStore()
    const entry = store.add({ phone: '+9647500000001' })
    const before = store.inbox
    store.send(entry, 'en')
    expect(before).toEqual([])
    expect(store.inbox).toHaveLength(1)
  })

  it('refuses a generated code that is not six digits, and keeps the live code as it was', () => {
    const { store } = frozenStore({ generateCode: () => '12345' })
    const entry = store.add({ phone: '+9647500000001' })
    expect(() => store.send(entry, 'en')).toThrow('generateCode must return 6 digits, got "12345"')
    expect(entry.cycle).toBeNull()
    expect(store.inbox).toEqual([])
  })

  it('expires one customer’s code or every code, never lengthening one', () => {
    const { clock, store } = frozenStore()
    const a = store.add({ phone: '+9647500000001', customerId: 'A' })
    const b = store.add({ phone: '+9647500000002', customerId: 'B' })
    store.send(a, 'en')
    store.send(b, 'en')
    clock.advance(1000)
    store.expire('A')
    expect(a.cycle?.expiresAt).toBe(T0 + 1000)
    expect(b.cycle?.expiresAt).toBe(T0 + 300_000)
    clock.advance(1000)
    store.expire()
    expect(a.cycle?.expiresAt).toBe(T0 + 1000)
    expect(b.cycle?.expiresAt).toBe(T0 + 2000)
    store.expire('nobody')
    expect(b.cycle?.expiresAt).toBe(T0 + 2000)
  })

  it('starts again from nothing on clear: no customers, an empty inbox, the code count and ids from one', () => {
    const { store } = frozenStore()
    const entry = store.add({ phone: '+9647500000001', hasUserAccount: true })
    store.send(entry, 'en')
    store.clear()
    expect(store.entries).toEqual([])
    expect(store.inbox).toEqual([])
    const again = store.add({ phone: '+9647500000001', hasUserAccount: true })
    expect(again.customer.userId).toBe('00000000-0000-4000-8000-000000000001')
    expect(store.send(again, 'en').code).toBe('000001')
  })
})

describe('randomCode', () => {
  it('makes six digits, leading zeros included, from the platform’s random source', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues')
    try {
      spy.mockImplementationOnce((array) => {
        ;(array as Uint32Array)[0] = 4_294_000_000 // at the limit: drawn again, not folded onto a low code
        return array
      })
      spy.mockImplementationOnce((array) => {
        ;(array as Uint32Array)[0] = 3_000_042
        return array
      })
      expect(randomCode()).toBe('000042')
      expect(spy).toHaveBeenCalledTimes(2)
    } finally {
      spy.mockRestore()
    }
    for (let i = 0; i < 50; i++) expect(randomCode()).toMatch(/^\d{6}$/)
  })
})
