'use client'
// app/checkout/CheckoutCode.tsx: the page's one client module. The adapter and the
// message table are objects with functions, which cannot cross from a Server
// Component, so this module imports them and the page passes only data.
import { useRouter } from 'next/navigation'
import { OtpProviderBase, OtpVerification, ar, ondi } from 'otp-kit'

export function CheckoutCode({ phone }: { phone: string }) {
  const router = useRouter()
  return (
    <OtpProviderBase adapter={ondi} baseUrl="/api/otp" messages={{ ar }}>
      <OtpVerification phone={phone} onVerified={() => router.push('/checkout/pay')} />
    </OtpProviderBase>
  )
}
