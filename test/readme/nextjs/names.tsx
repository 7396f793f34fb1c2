// app/verify/page.tsx: the names form straight from a Server Component, with
// plain props only (no callbacks); it ships both back ends and all three tables.
import 'otp-kit/styles.css'
import { OtpProvider, OtpVerification } from 'otp-kit'

export default function VerifyPage() {
  return (
    <OtpProvider adapter="ondi" baseUrl="/api/otp" language="ar">
      <OtpVerification phone="+9647501234567" />
    </OtpProvider>
  )
}
