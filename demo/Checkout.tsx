import { useEffect, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import {
  localeFor,
  OtpVerification,
  useCountdown,
  useOtpTranslator,
  useResendOtp,
  useVerifiedSession,
  type Language,
  type OtpCustomer,
} from 'otp-kit'
import type { DemoBackend } from './backend'
import { SHOP_STRINGS, type ShopStrings } from './strings'

/** The Oystr customer of the sandbox: Oystr verifies by customer id. */
const OYSTR_CUSTOMER_ID = 'cd989813-9852-40f6-bca7-ea0233d48cb9'

const ITEMS = [
  { id: 'honey', price: 12_000, qty: 1 },
  { id: 'coffee', price: 18_500, qty: 2 },
] as const
const DELIVERY = 5_000

interface CheckoutProps {
  backend: DemoBackend
  adapter: 'ondi' | 'oystr'
  language: Language
  onPhoneChange: (phone: string) => void
  /** Mounts the checkout again, with a fresh provider. */
  onStartOver: () => void
  /**
   * Numbers verified on this page (the shop's server remembers them): their
   * last code is spent, so the next checkout texts a new one at once.
   */
  spentPhones: Set<string>
}

interface Details {
  name: string
  phone: string
}

type Step =
  | { name: 'details'; back?: boolean }
  | { name: 'verify'; details: Details; codeSentAt?: number }
  | { name: 'done'; details: Details; customer: OtpCustomer }

export function Checkout({ backend, adapter, language, onPhoneChange, onStartOver, spentPhones }: CheckoutProps) {
  const s = SHOP_STRINGS[language]
  const [step, setStep] = useState<Step>({ name: 'details' })
  const [last, setLast] = useState<Details>({ name: 'Shilan Ahmed', phone: '+9647501234567' })
  const { clear } = useVerifiedSession()
  const otp = useRef<HTMLDivElement>(null)

  // Focus follows the shopper into the code step: the next keys typed are the code.
  useEffect(() => {
    if (step.name === 'verify') otp.current?.querySelector<HTMLInputElement>('[data-part="input"]')?.focus()
  }, [step.name])

  const startOver = () => {
    clear()
    onStartOver()
  }

  return (
    <main className="shop">
      <header className="shop-header">
        <span className="shop-logo" aria-hidden="true">Z</span>
        <div>
          <h1>{s.shop}</h1>
          <p>{s.tagline}</p>
        </div>
      </header>
      <div className="shop-body">
        <Cart s={s} language={language} />
        <section className="card checkout" aria-live="polite">
          {step.name === 'details' ? (
            <DetailsForm
              s={s}
              backend={backend}
              adapter={adapter}
              language={language}
              defaults={last}
              focusPhone={step.back === true}
              spentPhones={spentPhones}
              onPhoneChange={onPhoneChange}
              onSent={(details, codeSentAt) => {
                setLast(details)
                setStep({ name: 'verify', details, codeSentAt })
              }}
            />
          ) : step.name === 'verify' ? (
            <OtpVerification
              ref={otp}
              className="checkout-otp"
              {...(adapter === 'oystr' ? { customerId: OYSTR_CUSTOMER_ID } : { phone: step.details.phone })}
              codeSentAt={step.codeSentAt}
              onVerified={({ customer }) => {
                spentPhones.add(step.details.phone)
                setStep({ name: 'done', details: step.details, customer })
              }}
              onChangePhone={() => setStep({ name: 'details', back: true })}
            />
          ) : (
            <OrderPlaced s={s} backend={backend} details={step.details} customer={step.customer} onStartOver={startOver} />
          )}
        </section>
      </div>
    </main>
  )
}

function Cart({ s, language }: { s: ShopStrings; language: Language }) {
  const t = useOtpTranslator('Cart')
  // The kit's digits for the language (Arabic-Indic in ar and ku); `en` where
  // the browser has no data for the locale (Chromium has none for ckb).
  const money = new Intl.NumberFormat([localeFor(language), 'en'], {
    style: 'currency',
    currency: 'IQD',
    maximumFractionDigits: 0,
    numberingSystem: language === 'en' ? 'latn' : 'arab',
  })
  const subtotal = ITEMS.reduce((sum, item) => sum + item.price * item.qty, 0)
  return (
    <section className="card cart" aria-labelledby="cart-title">
      <h2 id="cart-title">{s.cart}</h2>
      <ul className="cart-items">
        {ITEMS.map((item) => (
          <li key={item.id} className="cart-item">
            <span className={`cart-thumb cart-thumb-${item.id}`} aria-hidden="true" />
            <span className="cart-name">
              {s[item.id]}
              <small>{s.qty(t.format.number(item.qty))}</small>
            </span>
            <span className="cart-price">{money.format(item.price * item.qty)}</span>
          </li>
        ))}
      </ul>
      <dl className="cart-totals">
        <dt>{s.subtotal}</dt>
        <dd>{money.format(subtotal)}</dd>
        <dt>{s.delivery}</dt>
        <dd>{money.format(DELIVERY)}</dd>
        <dt className="cart-total">{s.total}</dt>
        <dd className="cart-total">{money.format(subtotal + DELIVERY)}</dd>
      </dl>
    </section>
  )
}

interface DetailsFormProps {
  s: ShopStrings
  backend: DemoBackend
  adapter: 'ondi' | 'oystr'
  language: Language
  defaults: Details
  /** Back from "Wrong number?": the number is what the shopper came to fix. */
  focusPhone: boolean
  spentPhones: Set<string>
  onPhoneChange: (phone: string) => void
  onSent: (details: Details, codeSentAt?: number) => void
}

/**
 * The shop's own form. "Send code" asks the shop's server to text a first
 * code (OnDi leaves that to the host's flow), and the code step's resend
 * countdown starts from then. A number that already has a live code in this
 * checkout goes straight to the code step: back from "Wrong number?", or
 * after a reload during the countdown (the kit keeps its deadline).
 */
function DetailsForm({ s, backend, adapter, language, defaults, focusPhone, spentPhones, onPhoneChange, onSent }: DetailsFormProps) {
  const { register, handleSubmit, watch, formState, setFocus } = useForm<Details>({ defaultValues: defaults, mode: 'onTouched' })
  const phone = watch('phone')
  const [sending, setSending] = useState(false)
  const [sendFailed, setSendFailed] = useState(false)
  // Only read: what the kit knows of this number's last code.
  const { sentAt, secondsLeft } = useResendOtp({ phone })

  useEffect(() => onPhoneChange(phone), [phone, onPhoneChange])
  useEffect(() => {
    if (focusPhone) setFocus('phone')
  }, [focusPhone, setFocus])

  const submit = handleSubmit(async (details) => {
    setSendFailed(false)
    if (adapter === 'oystr') return onSent(details)
    const live = !spentPhones.has(details.phone) && (sentAt !== null || secondsLeft > 0)
    if (live) return onSent(details)
    setSending(true)
    try {
      await backend.sendFirstCode({ phone: details.phone, fullName: details.name, language })
      spentPhones.delete(details.phone)
      onSent(details, Date.now())
    } catch {
      setSendFailed(true)
    } finally {
      setSending(false)
    }
  })

  const { errors } = formState
  return (
    <form className="details" noValidate onSubmit={submit}>
      <h2>{s.details}</h2>
      <label className="field">
        <span>{s.name}</span>
        <input autoComplete="name" aria-invalid={errors.name ? true : undefined} {...register('name', { required: s.nameRequired })} />
        {errors.name ? <span className="field-error">{errors.name.message}</span> : null}
      </label>
      <label className="field">
        <span>{s.phone}</span>
        <input
          type="tel"
          dir="ltr"
          autoComplete="tel"
          inputMode="tel"
          aria-invalid={errors.phone ? true : undefined}
          {...register('phone', { required: s.phoneInvalid, pattern: { value: /^\+\d{8,15}$/, message: s.phoneInvalid } })}
        />
        <span className={errors.phone ? 'field-error' : 'field-hint'}>{errors.phone ? errors.phone.message : s.phoneHint}</span>
      </label>
      {adapter === 'oystr' ? <p className="note">{s.oystrNote}</p> : null}
      <div role="alert" className="field-error">
        {sendFailed ? s.sendFailed : null}
      </div>
      <button type="submit" className="primary" disabled={sending}>
        {sending ? s.sending : s.sendCode}
      </button>
    </form>
  )
}

interface OrderPlacedProps {
  s: ShopStrings
  backend: DemoBackend
  details: Details
  customer: OtpCustomer
  onStartOver: () => void
}

type Order = { state: 'placing' } | { state: 'placed'; orderId: string } | { state: 'failed'; message: string } | { state: 'no-session' }

/** Places the order with the session's `X-EXPRESS-KEY`, then counts the session down. */
function OrderPlaced({ s, backend, details, customer, onStartOver }: OrderPlacedProps) {
  const t = useOtpTranslator('OrderPlaced')
  const { headers, expiresAt, isExpired } = useVerifiedSession()
  const secondsLeft = useCountdown(expiresAt)
  const [order, setOrder] = useState<Order>(headers ? { state: 'placing' } : { state: 'no-session' })
  const sent = useRef(false)

  useEffect(() => {
    if (!headers || sent.current) return
    sent.current = true
    fetch(backend.orderUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ items: ITEMS, delivery: DELIVERY }),
    })
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as { data?: { order_id?: string }; message?: string } | null
        if (response.ok && body?.data?.order_id) setOrder({ state: 'placed', orderId: body.data.order_id })
        else setOrder({ state: 'failed', message: body?.message ?? `HTTP ${response.status}` })
      })
      .catch((error: unknown) => setOrder({ state: 'failed', message: error instanceof Error ? error.message : String(error) }))
  }, [headers, backend.orderUrl])

  // The code field went away under the keyboard: focus comes here, where the news is.
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => box.current?.focus(), [])

  const name = customer.fullName ?? details.name
  const time = t.format.ltr(t.format.countdown(secondsLeft))

  return (
    <div className="done" ref={box} tabIndex={-1}>
      {order.state === 'placing' ? <p className="done-status">{s.placing}</p> : null}
      {order.state === 'placed' ? (
        <>
          <p className="done-badge" aria-hidden="true">✓</p>
          <h2>{s.placed}</h2>
          <p className="done-order">{s.orderNumber(order.orderId)}</p>
        </>
      ) : null}
      {order.state === 'no-session' ? (
        <>
          <p className="done-badge" aria-hidden="true">✓</p>
          <h2>{s.verifiedOnly}</h2>
          <p className="note">{s.noSession}</p>
        </>
      ) : null}
      {order.state === 'failed' ? <p className="field-error" role="alert">{s.orderFailed(order.message)}</p> : null}
      {order.state !== 'placing' && order.state !== 'failed' ? <p>{s.thanks(name)}</p> : null}
      <dl className="customer">
        {Object.entries(customer)
          .filter(([, value]) => value !== undefined && typeof value !== 'object')
          .map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd dir="ltr">{String(value)}</dd>
            </div>
          ))}
      </dl>
      {expiresAt !== null ? (
        isExpired ? (
          <p className="session session-expired" role="status">{s.sessionExpired}</p>
        ) : (
          <p className="session" role="timer">{s.sessionLeft(time)}</p>
        )
      ) : null}
      {expiresAt === null || isExpired || order.state === 'failed' ? (
        <button type="button" className="primary" onClick={onStartOver}>
          {s.startOver}
        </button>
      ) : null}
    </div>
  )
}
