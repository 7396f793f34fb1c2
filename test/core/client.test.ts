import { afterEach, describe, expect, it, vi } from 'vitest'
import { createOtpClient } from '../../src/core/client'
import { caught, fakeFetch } from '../support/fakeFetch'

const PHONE = '+9647501234567'

afterEach(() => vi.useRealTimers())

describe('createOtpClient failures', () => {
  it('calls a thrown fetch a network error and an HTML 502 a server error', async () => {
    const client1 = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch: fakeFetch(new TypeError('Failed to fetch')).fetch })
    expect(await caught(client1.verify({ phone: PHONE }, '123456'))).toMatchObject({ kind: 'network', outcome: 'failure', status: null })
    const html = new Response('<html><body>Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } })
    const client2 = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch: fakeFetch(html).fetch })
    expect(await caught(client2.verify({ phone: PHONE }, '123456'))).toMatchObject({ kind: 'server', status: 502, serverMessage: null })
  })

  it('calls an empty 200 and truncated JSON bad responses', async () => {
    for (const body of ['', '{"success": tr']) {
      const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch: fakeFetch(new Response(body, { status: 200 })).fetch })
      expect(await caught(client.verify({ phone: PHONE }, '123456'))).toMatchObject({ kind: 'bad_response', status: 200 })
    }
  })

  it('times out after timeoutMs', async () => {
    vi.useFakeTimers()
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof globalThis.fetch
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch, timeoutMs: 5000 })
    const pending = caught(client.verify({ phone: PHONE }, '123456'))
    await vi.advanceTimersByTimeAsync(5000)
    expect(await pending).toMatchObject({ kind: 'timeout', outcome: 'failure' })
  })

  it('reports a caller abort as aborted, not as a network failure', async () => {
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof globalThis.fetch
    const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', fetch })
    const controller = new AbortController()
    const pending = caught(client.verify({ phone: PHONE }, '123456', { signal: controller.signal }))
    controller.abort()
    expect(await pending).toMatchObject({ kind: 'aborted' })
  })
})
