/**
 * One page per exported component, for the hydration tests: the same tree is
 * rendered on the "server" and hydrated on the "client". Imported fresh on
 * each side (see hydrate.ssr.test.tsx), so nothing here may be imported statically
 * by a test.
 */
import { QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { AttemptsBanner } from '../../src/components/AttemptsBanner'
import { OtpField } from '../../src/components/OtpField'
import { OtpInput } from '../../src/components/OtpInput'
import { OtpVerification } from '../../src/components/OtpVerification'
import { ResendButton } from '../../src/components/ResendButton'
import type { Language } from '../../src/core/types'
import { OtpProvider } from '../../src/react/OtpProvider'

export const PHONE = '+9647501234567'
const TARGET = { phone: PHONE }

export interface PageProps {
  language: Language
  /** When the first code went out: 10 s before the test, so the resend countdown runs. */
  codeSentAt: number
}

function CodeForm() {
  const { control } = useForm<{ code: string }>({ defaultValues: { code: '12' } })
  return (
    <form>
      <OtpField control={control} name="code" aria-label="Code from the SMS" />
    </form>
  )
}

/** Every component `otp-kit` and `otp-kit/react-hook-form` export. */
export type ComponentName = 'OtpVerification' | 'OtpInput' | 'AttemptsBanner' | 'ResendButton' | 'OtpField'

const components: Record<ComponentName, (props: PageProps) => ReactNode> = {
  OtpVerification: ({ codeSentAt }) => <OtpVerification phone={PHONE} codeSentAt={codeSentAt} />,
  OtpInput: () => <OtpInput aria-label="Code from the SMS" defaultValue="12" />,
  AttemptsBanner: () => <AttemptsBanner target={TARGET} />,
  ResendButton: ({ codeSentAt }) => <ResendButton target={TARGET} codeSentAt={codeSentAt} />,
  OtpField: () => <CodeForm />,
}

/** `component` alone under a provider in `language`, with a QueryClient of its own. */
export function Page({ component, ...props }: PageProps & { component: ComponentName }) {
  const [queryClient] = useState(() => new QueryClient())
  return (
    <OtpProvider adapter="ondi" baseUrl="/api" language={props.language} queryClient={queryClient}>
      {components[component](props)}
    </OtpProvider>
  )
}
