import { afterEach, describe, expect, it, vi } from 'vitest'
import { isOtpError, type OtpError } from '../../src/core/errors'
import { joinUrl, postJson } from '../../src/core/http'
import type { OtpRequestContext } from '../../src/core/types'

interface Sent {
  url: string
  init: RequestInit
}

function contextWith(fetch: (url: string, init: RequestInit) => Promise<Response>, extra: Partial<OtpRequestContext> = {}) {
  const sent: Sent[] = []
  const ctx: OtpRequestContext = {
    baseUrl: '/api',
    language: 'en',
    timeoutMs: 5000,
    now: () => 0,
    getAuthHeaders: async () => ({}),
    fetch: ((url: string, init: RequestInit) => {
      sent.push({ url, init })
      return fetch(url, init)
    }) as typeof globalThis.fetch,
    ...extra,
  }
  return { ctx, sent }
}

/** A fetch that never answers, and rejects as browsers do when its signal fires. */
const hanging = (_url: string, init: RequestInit) =>
  new Promise<Response>((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError'))))

async function failure(promise: Promise<unknown>): Promise<OtpError> {
  try {
    await promise
  } catch (error) {
    expect(isOtpError(error), String(error)).toBe(true)
    return error as OtpError
  }
  throw new Error('expected a failure')
}

afterEach(() => {
  vi.useRealTimers()
})

describe('joinUrl', () => {
  it('joins with exactly one slash whatever either side carries', () => {
    for (const [base, path] of [['https://api.test', 'otp/verify'], ['https://api.test/', '/otp/verify'], ['https://api.test//', '//otp/verify']]) {
      expect(joinUrl(base!, path!)).toBe('https://api.test/otp/verify')
    }
    expect(joinUrl('', 'otp/verify')).toBe('/otp/verify')
  })

  it('encodes a query', () => {
    expect(joinUrl('/api', 'otp', { phone: '+964 750', lang: 'ar' })).toBe('/api/otp?phone=%2B964+750&lang=ar')
  })
})

describe('postJson', () => {
  it('POSTs the body as JSON with the auth headers, never from or into a cache', async () => {
    const { ctx, sent } = contextWith(async () => Response.json({ ok: true }), {
      getAuthHeaders: async () => ({ Authorization: 'Bearer t' }),
    })
    const answer = await postJson('/api/otp', { code: '123456' }, ctx, { 'X-Extra': '1' })
    expect(answer).toMatchObject({ status: 200, json: { ok: true }, isJson: true })
    const { init } = sent[0]!
    expect(init).toMatchObject({ method: 'POST', body: '{"code":"123456"}', cache: 'no-store', credentials: 'same-origin' })
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', Accept: 'application/json', Authorization: 'Bearer t', 'X-Extra': '1' })
  })

  it('hands back a 502 HTML page as an answer that is not JSON, with its status', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>'
    const { ctx } = contextWith(async () => new Response(html, { status: 502, headers: { 'Content-Type': 'text/html' } }))
    const answer = await postJson('/api/otp', {}, ctx)
    expect(answer).toMatchObject({ status: 502, json: undefined, isJson: false })
    expect(answer.headers.get('Content-Type')).toBe('text/html')
  })

  it('reads an empty or whitespace body as not JSON, and a JSON null as JSON', async () => {
    for (const [body, isJson] of [['', false], [' \n', false], ['null', true], ['{"a":', false]] as const) {
      const { ctx } = contextWith(async () => new Response(body, { status: 200 }))
      expect((await postJson('/api/otp', {}, ctx)).isJson, JSON.stringify(body)).toBe(isJson)
    }
  })

  it('calls a refused or dropped connection a network failure', async () => {
    const { ctx } = contextWith(() => Promise.reject(new TypeError('Failed to fetch')))
    const error = await failure(postJson('/api/otp', {}, ctx))
    expect(error).toMatchObject({ kind: 'network', outcome: 'failure', status: null })
    expect((error.cause as Error).message).toBe('Failed to fetch')
  })

  it('calls a connection that drops while the body arrives a network failure', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"success":'))
        controller.error(new TypeError('network error'))
      },
    })
    const { ctx } = contextWith(async () => new Response(body, { status: 200 }))
    expect(await failure(postJson('/api/otp', {}, ctx))).toMatchObject({ kind: 'network' })
  })

  it('gives up after timeoutMs with a timeout, and aborts the request it gave up on', async () => {
    vi.useFakeTimers()
    const { ctx, sent } = contextWith(hanging, { timeoutMs: 3000 })
    const pending = failure(postJson('/api/otp', {}, ctx))
    await vi.advanceTimersByTimeAsync(2999)
    expect(sent[0]!.init.signal!.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await pending).toMatchObject({ kind: 'timeout', outcome: 'failure' })
    expect(sent[0]!.init.signal!.aborted).toBe(true)
  })

  it('reports the caller’s abort as aborted, not as a timeout or a network failure', async () => {
    const caller = new AbortController()
    const { ctx, sent } = contextWith(hanging, { signal: caller.signal })
    const pending = failure(postJson('/api/otp', {}, ctx))
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    caller.abort()
    expect(await pending).toMatchObject({ kind: 'aborted' })
    expect(sent[0]!.init.signal!.aborted).toBe(true)
  })

  it('sends nothing when the caller aborted before it started, or while auth headers were fetched', async () => {
    const before = new AbortController()
    before.abort()
    const first = contextWith(async () => Response.json({}), { signal: before.signal })
    expect(await failure(postJson('/api/otp', {}, first.ctx))).toMatchObject({ kind: 'aborted' })
    expect(first.sent).toHaveLength(0)

    const during = new AbortController()
    const second = contextWith(async () => Response.json({}), {
      signal: during.signal,
      getAuthHeaders: async () => {
        during.abort()
        return {}
      },
    })
    expect(await failure(postJson('/api/otp', {}, second.ctx))).toMatchObject({ kind: 'aborted' })
    expect(second.sent).toHaveLength(0)
  })

  it('leaves no timer and no listener behind once answered', async () => {
    vi.useFakeTimers()
    const caller = new AbortController()
    const removed = vi.spyOn(caller.signal, 'removeEventListener')
    const { ctx } = contextWith(async () => Response.json({}), { signal: caller.signal })
    await postJson('/api/otp', {}, ctx)
    expect(vi.getTimerCount()).toBe(0)
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function))
  })
})
