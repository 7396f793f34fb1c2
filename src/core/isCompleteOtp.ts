// A module of its own, apart from normalize.ts: the field needs normalizeOtp
// and not this, and a bundler that keeps a shared module whole (Turbopack)
// would otherwise ship it with the field.

/** Whether `value` is a complete code: exactly `length` ASCII digits. */
export function isCompleteOtp(value: string, length: number): boolean {
  return value.length === length && /^\d+$/.test(value)
}
