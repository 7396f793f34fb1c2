import { useEffect, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import {
  localeFor,
  messageForError,
  OtpVerification,
  useCountdown,
  useOtpTranslator,
  useResendOtp,
  useVerifiedSession,
  type Language,
  type OtpCustomer,
  type OtpError,
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
  /** Resets the sandbox and mounts the checkout again: a new code cycle. */
  onStartOver: () => Promise<void>
}

interface Details {
  name: string
  phone: string
}

type Step =
  | { name: 'details' }
  | { name: 'verify'; details: Details; codeSentAt?: number }
  | { name: 'done'; details: Details; customer: OtpCustomer }

export function Checkout({ backend, adapter, language, onPhoneChange, onStartOver }: CheckoutProps) {
  const s = SHOP_STRINGS[language]
  const [step, setStep] = useState<Step>({ name: 'details' })
  const [last, setLast] = useState<Details>({ name: 'Shilan Ahmed', phone: '+9647501234567' })
  const { clear } = useVerifiedSession()

  // The sandbox sends a verified customer no new code over HTTP, so starting
  // over resets it, which seeds every customer again with a fresh code.
  const startOver = () => {
    clear()
    void onStartOver()
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
              adapter={adapter}
              defaults={last}
              onPhoneChange={onPhoneChange}
              onSent={(details, codeSentAt) => {
                setLast(details)
                setStep({ name: 'verify', details, codeSentAt })
              }}
            />
          ) : step.name === 'verify' ? (
            <OtpVerification
              className="checkout-otp"
              {...(adapter === 'oystr' ? { customerId: OYSTR_CUSTOMER_ID } : { phone: step.details.phone })}
              codeSentAt={step.codeSentAt}
              onVerified={({ customer }) => setStep({ name: 'done', details: step.details, customer })}
              onChangePhone={() => setStep({ name: 'details' })}
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
  const money = new Intl.NumberFormat(localeFor(language), { style: 'currency', currency: 'IQD', maximumFractionDigits: 0 })
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
              <small>{s.qty(item.qty)}</small>
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
  adapter: 'ondi' | 'oystr'
  defaults: Details
  onPhoneChange: (phone: string) => void
  onSent: (details: Details, codeSentAt?: number) => void
}

/**
 * The host's own form. "Send code" asks the back end for a code through the
 * kit's resend hook (the sandbox has no control route that sends one). A 429
 * means a code went out moments ago, which is as good: the verify step's
 * resend button counts the wait down.
 */
function DetailsForm({ s, adapter, defaults, onPhoneChange, onSent }: DetailsFormProps) {
  const t = useOtpTranslator('DetailsForm')
  const { register, handleSubmit, watch, formState } = useForm<Details>({ defaultValues: defaults, mode: 'onTouched' })
  const phone = watch('phone')
  const [sendError, setSendError] = useState<OtpError | null>(null)
  const pending = useRef<Details | null>(null)

  useEffect(() => onPhoneChange(phone), [phone, onPhoneChange])

  const sender = useResendOtp(
    { phone },
    {
      onSent: (result) => {
        if (pending.current) onSent(pending.current, result.sentAt)
      },
      onError: (error) => {
        if (error.kind === 'rate_limited' && pending.current) onSent(pending.current)
        else setSendError(error)
      },
    },
  )

  const submit = handleSubmit((details) => {
    setSendError(null)
    pending.current = details
    if (adapter === 'oystr') onSent(details)
    else if (sender.canResend) sender.resend()
    // Still in the cooldown of the last code: that code is the one to type.
    else onSent(details, sender.sentAt ?? undefined)
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
        {sendError ? messageForError(sendError, t) : null}
      </div>
      <button type="submit" className="primary" disabled={sender.isPending}>
        {sender.isPending ? s.sending : s.sendCode}
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

  const name = customer.fullName ?? details.name
  const minutes = Math.floor(secondsLeft / 60)
  const time = `${minutes}:${String(secondsLeft % 60).padStart(2, '0')}`

  return (
    <div className="done">
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
