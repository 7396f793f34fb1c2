import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { otpKeys } from '../../src/react/otpKeys'

describe('otpKeys', () => {
  it('files verify and resend of each target under one root key', () => {
    expect(otpKeys.verify('+9647501234567')).toEqual(['otp-kit', 'verify', '+9647501234567'])
    expect(otpKeys.resend('C1')).toEqual(['otp-kit', 'resend', 'C1'])
    expect(otpKeys.verify('a')).not.toEqual(otpKeys.resend('a'))
  })

  it('lets a host count the kit’s mutations, all or one kind, apart from its own', async () => {
    const client = new QueryClient()
    const never = () => new Promise<never>(() => {})
    const build = (mutationKey: readonly unknown[]) => void client.getMutationCache().build(client, { mutationKey, mutationFn: never }).execute(undefined)
    build(otpKeys.verify('a'))
    build(otpKeys.resend('a'))
    build(['cart', 'checkout'])
    await Promise.resolve()
    expect(client.isMutating({ mutationKey: otpKeys.all })).toBe(2)
    expect(client.isMutating({ mutationKey: ['otp-kit', 'verify'] })).toBe(1)
    expect(client.isMutating()).toBe(3)
  })
})
