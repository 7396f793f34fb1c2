import { describe, expect, it } from 'vitest'
import { DEMO_CUSTOMERS } from '../../src/testing/demoCustomers.js'
import { isInternationalPhone } from '../../src/testing/http.js'

describe('DEMO_CUSTOMERS', () => {
  it('cannot be changed by a demo or test that imports it', () => {
    expect(Object.isFrozen(DEMO_CUSTOMERS)).toBe(true)
  })

  it('has one customer per phone, id and tracking code, each phone in international format', () => {
    const phones = DEMO_CUSTOMERS.map((c) => c.phone)
    const ids = DEMO_CUSTOMERS.map((c) => c.customerId)
    expect(new Set(phones).size).toBe(phones.length)
    expect(new Set(ids).size).toBe(ids.length)
    for (const phone of phones) expect(isInternationalPhone(phone), phone).toBe(true)
    const tracking = DEMO_CUSTOMERS.map((c) => c.trackingCode).filter(Boolean)
    expect(new Set(tracking).size).toBe(tracking.length)
  })

  it('covers what a demo needs: a shopper with an account, one without, one verified already, one Oystr finds by tracking code', () => {
    expect(DEMO_CUSTOMERS.find((c) => c.phone === '+9647501234567')).toMatchObject({ hasUserAccount: true })
    expect(DEMO_CUSTOMERS.find((c) => c.phone === '+919876543210')?.hasUserAccount).toBeFalsy()
    expect(DEMO_CUSTOMERS.filter((c) => c.verified)).toHaveLength(1)
    expect(DEMO_CUSTOMERS.find((c) => c.trackingCode === 'customer_id_on_my_website')?.customerId).toBe('cd989813-9852-40f6-bca7-ea0233d48cb9')
  })
})
