import type { SandboxCustomerInput } from './types.js'

/**
 * The customers a sandbox starts with, one per situation a demo needs.
 * Unverified ones receive a first code when the sandbox starts.
 */
export const DEMO_CUSTOMERS: readonly SandboxCustomerInput[] = Object.freeze([
  {
    // The checkout demo's shopper: has an OnDi account, so a verify returns a session.
    phone: '+9647501234567',
    customerId: 'GAL1704067200001',
    fullName: 'Shilan Ahmed',
    email: 'shilan.ahmed@example.test',
    hasUserAccount: true,
    userId: '3f6c2a8e-5b1d-4c7a-9e2f-0a1b2c3d4e5f',
    addressId: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    deliveryAddress: { line1: '60 Meter Street', city: 'Erbil', country: 'IQ', postal_code: '44001' },
  },
  {
    // The customer of the OnDi documents: no account, so the first success shape.
    phone: '+919876543210',
    customerId: 'GAL1704067200000',
    fullName: 'John Doe',
    email: 'john.doe@example.com',
  },
  {
    // Resend answers "Customer is already verified".
    phone: '+9647701234567',
    customerId: 'GAL1704067200002',
    fullName: 'Karwan Aziz',
    email: 'karwan.aziz@example.test',
    verified: true,
  },
  {
    // The customer of the Oystr document, found by either id.
    phone: '+9647801234567',
    customerId: 'cd989813-9852-40f6-bca7-ea0233d48cb9',
    trackingCode: 'customer_id_on_my_website',
    fullName: 'Layla Hassan',
    email: 'layla.hassan@example.test',
  },
])
