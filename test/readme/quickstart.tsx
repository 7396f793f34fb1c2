import { OtpProvider, OtpVerification } from 'otp-kit'
import 'otp-kit/styles.css'

export function CheckoutPhoneStep({ phone, sentAt }: { phone: string; sentAt: number }) {
  return (
    <OtpProvider adapter="ondi" baseUrl="/api/ondi" language="en">
      <OtpVerification
        phone={phone}
        codeSentAt={sentAt}
        onVerified={({ customer, session }) => {
          // session?.headers holds X-EXPRESS-KEY for the order API.
          console.info('verified', customer.customerId, session?.expiresAt)
        }}
      />
    </OtpProvider>
  )
}
