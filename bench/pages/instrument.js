// Loaded before anything else on the bench page (a classic script, ahead of the
// bundle). It keeps a ledger of what the page starts and has not yet finished:
// timers, event listeners, requests. The mount-churn measurement reads it to
// say what unmounting left behind. It is also the back end: `fetch` is a stub
// that answers like OnDi, or never answers (until aborted), so no request ever
// leaves the page.
;(() => {
  const realSetTimeout = window.setTimeout.bind(window)
  const realSetInterval = window.setInterval.bind(window)
  const realClearTimeout = window.clearTimeout.bind(window)
  const realClearInterval = window.clearInterval.bind(window)
  // The patches below replace built-ins with looser signatures: type them loosely.
  const patchWindow = /** @type {any} */ (window)
  const patchTarget = /** @type {any} */ (EventTarget.prototype)
  const realAdd = EventTarget.prototype.addEventListener
  const realRemove = EventTarget.prototype.removeEventListener

  let seq = 0
  /** @type {Map<number, { seq: number, kind: string, delay: number }>} */
  const timers = new Map()
  // Listeners are held weakly, by the listener and by the target: React never
  // removes the listener it puts on each <input> (for `invalid`), it drops the
  // element, so a ledger that held either would keep every unmounted tree alive.
  /** @typedef {{ seq: number, target: WeakRef<EventTarget>, type: string, capture: boolean }} ListenerEntry */
  /** @type {WeakMap<object, ListenerEntry[]>} the entries of each listener */
  const listenersOf = new WeakMap()
  /** @type {Set<ListenerEntry>} every entry whose target is still alive */
  const listeners = new Set()
  const targetCollected = new FinalizationRegistry((/** @type {ListenerEntry} */ entry) => listeners.delete(entry))
  /** @type {Set<{ seq: number, url: string }>} */
  const requests = new Set()
  /** @type {Array<{ url: string, at: number }>} the last calls to fetch, newest last */
  const calls = []

  /** @param {TimerHandler} handler @param {number} [delay] @param {unknown[]} args */
  patchWindow.setTimeout = function setTimeout(handler, delay, ...args) {
    if (typeof handler !== 'function') return realSetTimeout(handler, delay, ...args)
    const id = realSetTimeout(
      (/** @type {unknown[]} */ ...callArgs) => {
        timers.delete(id)
        handler(...callArgs)
      },
      delay,
      ...args,
    )
    timers.set(id, { seq: ++seq, kind: 'setTimeout', delay: Number(delay) || 0 })
    return id
  }
  /** @param {TimerHandler} handler @param {number} [delay] @param {unknown[]} args */
  patchWindow.setInterval = function setInterval(handler, delay, ...args) {
    const id = realSetInterval(handler, delay, ...args)
    timers.set(id, { seq: ++seq, kind: 'setInterval', delay: Number(delay) || 0 })
    return id
  }
  // Timeouts and intervals share one pool of ids: either clear ends either.
  /** @param {number} id */
  patchWindow.clearTimeout = function clearTimeout(id) {
    timers.delete(id)
    realClearTimeout(id)
  }
  /** @param {number} id */
  patchWindow.clearInterval = function clearInterval(id) {
    timers.delete(id)
    realClearInterval(id)
  }

  /** @param {boolean | AddEventListenerOptions | undefined} options */
  const captureOf = (options) => (typeof options === 'boolean' ? options : Boolean(options && options.capture))

  /**
   * @param {EventTarget} target @param {string} type
   * @param {EventListenerOrEventListenerObject | null} listener @param {boolean} capture
   */
  function forget(target, type, listener, capture) {
    const list = listener && listenersOf.get(listener)
    if (!list) return
    const index = list.findIndex((entry) => entry.target.deref() === target && entry.type === type && entry.capture === capture)
    if (index === -1) return
    const [entry] = list.splice(index, 1)
    if (entry) {
      listeners.delete(entry)
      targetCollected.unregister(entry)
    }
    if (list.length === 0 && listener) listenersOf.delete(listener)
  }

  /**
   * @this {EventTarget}
   * @param {string} type @param {EventListenerOrEventListenerObject | null} listener
   * @param {boolean | AddEventListenerOptions} [options]
   */
  patchTarget.addEventListener = function addEventListener(type, listener, options) {
    realAdd.call(this, type, listener, options)
    // A `once` listener leaves on its own when it fires, without a call to remove it.
    if (!listener || (typeof options === 'object' && options.once)) return
    const capture = captureOf(options)
    const list = listenersOf.get(listener) ?? []
    if (list.some((entry) => entry.target.deref() === this && entry.type === type && entry.capture === capture)) return
    const entry = { seq: ++seq, target: new WeakRef(this), type, capture }
    list.push(entry)
    listenersOf.set(listener, list)
    listeners.add(entry)
    targetCollected.register(this, entry, entry)
    const signal = typeof options === 'object' ? options.signal : undefined
    if (signal) realAdd.call(signal, 'abort', () => forget(this, type, listener, capture), { once: true })
  }
  /**
   * @this {EventTarget}
   * @param {string} type @param {EventListenerOrEventListenerObject | null} listener
   * @param {boolean | EventListenerOptions} [options]
   */
  patchTarget.removeEventListener = function removeEventListener(type, listener, options) {
    realRemove.call(this, type, listener, options)
    forget(this, type, listener, captureOf(options))
  }

  /**
   * How the stub back end answers: `answer` after `delayMs`, or `hang` until aborted.
   * @type {{ mode: 'answer' | 'hang', delayMs: number }}
   */
  const backend = { mode: 'answer', delayMs: 5 }

  /** @param {string} url */
  function answerFor(url) {
    if (url.includes('verify-otp')) {
      return { success: true, data: { customer_id: 'c-1', phone: '+9647501234567', is_verified: true } }
    }
    return { success: true, message: 'sent' }
  }

  /** @param {RequestInfo | URL} input @param {RequestInit} [init] */
  window.fetch = function fetch(input, init = {}) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    calls.push({ url, at: performance.now() })
    if (calls.length > 100) calls.shift()
    const entry = { seq: ++seq, url }
    const { signal } = init
    const response = new Promise((resolve, reject) => {
      const abort = () => reject(signal?.reason ?? new DOMException('The request was aborted', 'AbortError'))
      if (signal?.aborted) return abort()
      if (signal) realAdd.call(signal, 'abort', abort, { once: true })
      if (backend.mode === 'answer') {
        realSetTimeout(() => {
          const body = JSON.stringify(answerFor(url))
          resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }))
        }, backend.delayMs)
      }
    })
    requests.add(entry)
    const settle = () => requests.delete(entry)
    response.then(settle, settle)
    return response
  }

  // WebOTP asks the browser for the SMS; a request left open is a request in flight too.
  const credentials = navigator.credentials
  if (credentials && typeof credentials.get === 'function') {
    const realGet = credentials.get.bind(credentials)
    credentials.get = function get(options) {
      const entry = { seq: ++seq, url: 'navigator.credentials.get' }
      requests.add(entry)
      const pending = realGet(options)
      const settle = () => requests.delete(entry)
      pending.then(settle, settle)
      return pending
    }
  }

  /** @param {EventTarget} target Whether a listener on it outlives the component that added it. */
  function isLongLived(target) {
    if (target instanceof AbortSignal) return false
    if (target instanceof Node) return target === document || target.isConnected
    return true
  }

  /** @param {EventTarget} target */
  function describe(target) {
    if (target === window) return 'window'
    if (target === document) return 'document'
    if (target instanceof Element) return target.tagName.toLowerCase() + (target.id ? `#${target.id}` : '')
    return Object.prototype.toString.call(target).slice(8, -1)
  }

  /** @param {string[]} items @returns {string[]} "3 × item", most frequent first */
  function tally(items) {
    const counts = new Map()
    for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1)
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([item, count]) => `${count} × ${item}`)
  }

  window.__ledger = {
    backend,
    calls,
    /** A mark: `leftSince(mark)` counts only what was started after it. */
    mark: () => seq,
    /** @param {number} since */
    leftSince(since) {
      const liveTimers = [...timers.values()].filter((timer) => timer.seq > since)
      const liveListeners = [...listeners]
        .map((entry) => ({ seq: entry.seq, target: entry.target.deref(), type: entry.type }))
        .filter(
          /** @returns {entry is { seq: number, target: EventTarget, type: string }} */
          (entry) => entry.seq > since && entry.target !== undefined && isLongLived(entry.target),
        )
      const liveRequests = [...requests].filter((request) => request.seq > since)
      return {
        timers: liveTimers.length,
        listeners: liveListeners.length,
        requests: liveRequests.length,
        detail: tally([
          ...liveTimers.map((timer) => `${timer.kind}(${timer.delay} ms)`),
          ...liveListeners.map((entry) => `${describe(entry.target)} "${entry.type}" listener`),
          ...liveRequests.map((request) => `request ${request.url}`),
        ]),
      }
    },
  }
})()
