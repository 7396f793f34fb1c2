/**
 * Keeps resend deadlines across a reload, and nothing else: never a code, a
 * token or a phone number. Keys are a one-way hash of the target, so storage
 * does not spell out whose phone it was.
 */
export interface ResendDeadlineStorage {
  load(key: string, now: number): number | null
  save(key: string, deadline: number): void
}

const PREFIX = 'otp-kit:resend:'

/** A 53-bit string hash (two multiplicative 32-bit lanes), printed in base 36. */
export function hashKey(text: string): string {
  let a = 0xdeadbeef
  let b = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 2654435761)
    b = Math.imul(b ^ c, 1597334677)
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909)
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909)
  return (4294967296 * (2097151 & b) + (a >>> 0)).toString(36)
}

/**
 * Deadlines in a Web Storage area (sessionStorage by default: a deadline is
 * of no use to another tab's session). Storage that throws (Safari private
 * mode, a full quota, a sandboxed iframe) is treated as absent.
 */
export function createResendDeadlineStorage(area: () => Storage | undefined): ResendDeadlineStorage {
  return {
    load(key, now) {
      try {
        const storage = area()
        const name = PREFIX + hashKey(key)
        const deadline = Number(storage?.getItem(name))
        if (Number.isFinite(deadline) && deadline > now) return deadline
        storage?.removeItem(name)
      } catch {
        // Unavailable storage only costs the countdown across reloads.
      }
      return null
    },
    save(key, deadline) {
      try {
        area()?.setItem(PREFIX + hashKey(key), String(Math.round(deadline)))
      } catch {
        // As above.
      }
    },
  }
}
