// Everything the page can write during a whole checkout in the demo (`npm
// start`: development build, where warnings are on), searched for the secrets
// of the flow. The kit keeps one thing, a resend deadline under a hashed key:
// never the code, the session token or the phone number.
// Chromium only: what a page can write (storage, cookies, caches, console)
// does not depend on the engine, and the checkout's flow runs in Firefox too
// (checkout.e2e.test.ts).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  controlOf,
  freshSandbox,
  launchChromium,
  PHONE,
  SEE,
  smsTo,
  startDemoServers,
  warmUp,
  wrongCodeFor,
  type Control,
  type DemoServers,
} from './harness'
import { partSelector, fieldParts } from '../../src/react/anatomy'

let servers: DemoServers
let control: Control
let browser: Browser
let context: BrowserContext | undefined

beforeAll(async () => {
  servers = await startDemoServers()
  control = controlOf(servers.sandbox)
  browser = await launchChromium()
  await warmUp(browser, servers.url)
}, 90_000)

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await servers?.close()
})

type Kind = 'attribute' | 'storage write' | 'cookie write'
interface Record {
  kind: Kind
  text: string
}

/**
 * Reports, from the first byte of every document and across reloads, each
 * attribute any element ever carries (but the code field's own `value`),
 * each Web Storage write and each cookie write. Each text once per document.
 */
function recordWrites(record: (kind: Kind, texts: string[]) => void, inputSelector: string) {
  const seen = new Set<string>()
  const report = (kind: Kind, texts: string[]) => {
    const fresh = texts.filter((text) => !seen.has(`${kind} ${text}`))
    for (const text of fresh) seen.add(`${kind} ${text}`)
    if (fresh.length > 0) record(kind, fresh)
  }
  const describe = (element: Element, texts: string[]) => {
    for (const { name, value } of element.attributes) {
      if (name === 'value' && element.matches(inputSelector)) continue
      texts.push(`${element.tagName.toLowerCase()} ${name}=${value}`)
    }
  }
  new MutationObserver((mutations) => {
    const texts: string[] = []
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.target instanceof Element) describe(mutation.target, texts)
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue
        describe(node, texts)
        for (const inner of node.querySelectorAll('*')) describe(inner, texts)
      }
    }
    report('attribute', texts)
  }).observe(document, { subtree: true, childList: true, attributes: true })

  const setItem = Storage.prototype.setItem
  Storage.prototype.setItem = function (key: string, value: string) {
    report('storage write', [`${this === sessionStorage ? 'sessionStorage' : 'localStorage'} ${key}=${value}`])
    return setItem.call(this, key, value)
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() {
      return cookie.get!.call(this) as string
    },
    set(value: string) {
      report('cookie write', [value])
      cookie.set!.call(this, value)
    },
  })
}

/** What storage holds now: both Web Storage areas, cookies, IndexedDB names. */
async function storageNow(page: Page, context: BrowserContext): Promise<{ sessionStorage: string; localStorage: string; cookies: string; indexedDB: string }> {
  const areas = await page.evaluate(async () => ({
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    localStorage: JSON.stringify({ ...localStorage }),
    documentCookie: document.cookie,
    indexedDB: JSON.stringify(await indexedDB.databases()),
  }))
  return {
    sessionStorage: areas.sessionStorage,
    localStorage: areas.localStorage,
    cookies: `${areas.documentCookie} ${JSON.stringify(await context.cookies())}`,
    indexedDB: areas.indexedDB,
  }
}

interface Secret {
  name: string
  forms: string[]
}

/** "where holds the what" for each secret found in each text; never the secret itself. */
function leaks(places: { where: string; text: string }[], secrets: Secret[]): string[] {
  const found = new Set<string>()
  for (const { where, text } of places) {
    for (const { name, forms } of secrets) {
      if (forms.some((form) => text.includes(form))) found.add(`${where} holds the ${name}`)
    }
  }
  return [...found]
}

test('a whole checkout leaves no code, token or phone number in storage, and no code or token in the console, URLs or attributes', async () => {
  await freshSandbox(control)
  context = await browser.newContext()
  context.setDefaultTimeout(SEE)
  const writes: Record[] = []
  await context.exposeBinding('__recordWrites', (_source, kind: Kind, texts: string[]) => {
    for (const text of texts) writes.push({ kind, text })
  })
  await context.addInitScript(
    `(${recordWrites.toString()})((kind, texts) => window.__recordWrites(kind, texts), ${JSON.stringify(partSelector('input'))})`,
  )
  const page = await context.newPage()
  await page.clock.install()
  const consoleTexts: string[] = []
  page.on('console', (message) => consoleTexts.push(`${message.type()} ${message.text()}`))
  page.on('pageerror', (error) => consoleTexts.push(`pageerror ${error.message}\n${error.stack ?? ''}`))
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  const tokens: string[] = []
  page.on('response', (response) => {
    if (response.url().includes('/verify-otp') && response.ok()) {
      void response.json().then((body: { data?: { access_token?: string } }) => {
        if (body.data?.access_token) tokens.push(body.data.access_token)
      })
    }
  })
  const input = page.getByRole('textbox', { name: 'Verify your phone number' })
  const newestCode = async () => (await smsTo(control)).at(-1)!.code

  // Send code, a wrong code, a resend, a reload mid-countdown, the right code, the order.
  await page.goto(servers.url)
  await page.getByRole('button', { name: 'Send code' }).click()
  const wrong = wrongCodeFor(await newestCode())
  await input.pressSequentially(wrong)
  await page.getByText('Wrong code. 4 attempts left.').waitFor()
  await control('clock/advance', { ms: 61_000 })
  await page.clock.fastForward(61_000)
  await page.getByRole('button', { name: 'Resend code' }).click()
  await page.getByText('New code sent').waitFor()
  await page.reload()
  await page.getByRole('button', { name: 'Send code' }).click()
  await input.pressSequentially(await newestCode())
  await page.getByRole('heading', { name: 'Order placed' }).waitFor()
  await page.getByText(/^Order ORD\d+$/).waitFor()
  await page.getByText(/^Your verified session ends in/).waitFor()

  const stored = await storageNow(page, context)
  const codes = [...new Set([wrong, ...(await smsTo(control)).map((sms) => sms.code)])]
  expect(tokens).toHaveLength(1)
  const token = tokens[0]!
  const secrets = {
    code: { name: 'code', forms: codes },
    token: { name: 'session token', forms: [token, token.split('.')[2]!] },
    phone: { name: 'phone number', forms: [PHONE, PHONE.slice(1), encodeURIComponent(PHONE), PHONE.slice(-10)] },
  }

  const storagePlaces = [
    { where: 'sessionStorage', text: stored.sessionStorage },
    { where: 'localStorage', text: stored.localStorage },
    { where: 'a cookie', text: stored.cookies },
    { where: 'IndexedDB', text: stored.indexedDB },
    ...writes.filter((w) => w.kind !== 'attribute').map((w) => ({ where: `a ${w.kind}`, text: w.text })),
  ]
  const elsewhere = [
    ...consoleTexts.map((text) => ({ where: 'the console', text })),
    ...urls.map((text) => ({ where: 'a requested URL', text })),
    ...writes.filter((w) => w.kind === 'attribute').map((w) => ({ where: 'a DOM attribute', text: w.text })),
  ]
  expect(leaks(storagePlaces, [secrets.code, secrets.token, secrets.phone])).toEqual([])
  expect(leaks(elsewhere, [secrets.code, secrets.token])).toEqual([])

  // The recorders saw the flow, so the searches above had something to search:
  // the kit's one deadline went to sessionStorage, the cells got their attributes.
  const storageWrites = writes.filter((w) => w.kind === 'storage write').map((w) => w.text)
  expect(storageWrites.length).toBeGreaterThan(0)
  for (const write of storageWrites) expect(write).toMatch(/^sessionStorage otp-kit:resend:[0-9a-z]+=\d+$/)
  expect(Object.keys(JSON.parse(stored.sessionStorage) as object)).toEqual([expect.stringMatching(/^otp-kit:resend:[0-9a-z]+$/)])
  expect(writes.some((w) => w.kind === 'attribute' && w.text.includes(`data-part=${fieldParts.cell}`))).toBe(true)
  expect(urls.some((url) => url.includes('/express-shipping/customer/verify-otp'))).toBe(true)
})
