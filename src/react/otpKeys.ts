/**
 * Every react-query key the kit uses, in one table, so a host can find (and
 * filter) the kit's mutations: `queryClient.isMutating({ mutationKey: otpKeys.all })`.
 */
export const otpKeys = {
  all: ['otp-kit'] as const,
  verify: (targetKey: string) => ['otp-kit', 'verify', targetKey] as const,
  resend: (targetKey: string) => ['otp-kit', 'resend', targetKey] as const,
}
