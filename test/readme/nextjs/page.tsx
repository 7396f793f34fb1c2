// app/checkout/page.tsx: a Server Component. Only data (a string) crosses into
// the client module.
import 'otp-kit/styles.css'
import { CheckoutCode } from './CheckoutCode'

// Your checkout's own lookup on the server: the phone the shopper gave.
async function phoneOfCheckout(): Promise<string> {
  return '+9647501234567'
}

export default async function CheckoutPage() {
  return (
    <main>
      <h1>Checkout</h1>
      <CheckoutCode phone={await phoneOfCheckout()} />
    </main>
  )
}
