import { useEffect, useState } from 'react'
import type { Language } from 'otp-kit'
import type { SandboxFault, SandboxSms } from 'otp-kit/testing'
import type { DemoBackend } from './backend'

export interface DemoSettings {
  language: Language
  theme: 'light' | 'dark'
  adapter: 'ondi' | 'oystr'
}

interface DevPanelProps {
  backend: DemoBackend
  settings: DemoSettings
  /** The phone in the checkout form: where an expiry fault aims. */
  phone: string
  onChange: (settings: DemoSettings) => void
  onReset: () => Promise<void>
}

/** The developer's side: the sandbox's SMS inbox, the page's settings, and faults for the next answer. */
export function DevPanel({ backend, settings, phone, onChange, onReset }: DevPanelProps) {
  const [note, setNote] = useState<string | null>(null)
  const oystr = settings.adapter === 'oystr'
  // Oystr has no resend route, and its sandbox takes any 6 digits: a rate limit or an expiry changes nothing there.
  const onlyOndi = oystr ? 'OnDi only: Oystr has no resend, and its sandbox takes any 6 digits' : undefined
  const faults: { label: string; fault: () => SandboxFault; says: string; off?: string }[] = [
    { label: 'Rate limit', fault: () => ({ type: 'rate_limit', waitSeconds: 45 }), says: 'The next resend answers 429 (wait 45 s).', off: onlyOndi },
    { label: 'Expire code', fault: () => ({ type: 'expire', to: phone }), says: 'The current code has expired.', off: onlyOndi },
    { label: 'Server error', fault: () => ({ type: 'server_error', route: 'any' }), says: 'The next answer is a 500.' },
    { label: 'Slow answer', fault: () => ({ type: 'delay', ms: 3000, route: 'any' }), says: 'The next answer takes 3 s.' },
    {
      label: 'Drop connection',
      // Twice: a browser sends a request again by itself when a kept-alive connection drops before any answer.
      fault: () => ({ type: 'drop', route: 'any', times: 2 }),
      says: 'The next two requests get no answer: the connection drops (a browser retries once by itself).',
    },
  ]

  const act = (run: () => Promise<void>, says: string) => {
    run().then(
      () => setNote(says),
      (error: unknown) => setNote(`Failed: ${error instanceof Error ? error.message : String(error)}`),
    )
  }

  return (
    <aside className="dev" dir="ltr" lang="en" aria-label="Developer panel">
      <h2>Developer panel</h2>
      <p className="dev-backend">{backend.label}</p>

      <Choice
        legend="Language"
        value={settings.language}
        options={[['en', 'English'], ['ar', 'العربية'], ['ku', 'کوردی']]}
        onChange={(language) => onChange({ ...settings, language })}
      />
      <Choice
        legend="Theme"
        value={settings.theme}
        options={[['light', 'Light'], ['dark', 'Dark']]}
        onChange={(theme) => onChange({ ...settings, theme })}
      />
      <Choice
        legend="Back end"
        value={settings.adapter}
        options={[['ondi', 'OnDi'], ['oystr', 'Oystr']]}
        onChange={(adapter) => onChange({ ...settings, adapter })}
      />

      <fieldset className="dev-group">
        <legend>Next answer</legend>
        <div className="dev-buttons">
          {faults.map(({ label, fault, says, off }) => (
            <button key={label} type="button" disabled={off !== undefined} title={off} onClick={() => act(() => backend.fault(fault()), says)}>
              {label}
            </button>
          ))}
          <button type="button" className="dev-reset" onClick={() => act(onReset, 'Sandbox reset: new codes sent.')}>
            Reset sandbox
          </button>
        </div>
        <p className="dev-note" role="status">{note}</p>
      </fieldset>

      <Inbox backend={backend} />
    </aside>
  )
}

function Choice<T extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string
  value: T
  options: [T, string][]
  onChange: (value: T) => void
}) {
  return (
    <fieldset className="dev-group dev-choice">
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option}>
          <input type="radio" name={legend} value={option} checked={option === value} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </fieldset>
  )
}

/** The texts the sandbox has "sent", newest first, read once a second. */
function Inbox({ backend }: { backend: DemoBackend }) {
  const [messages, setMessages] = useState<readonly SandboxSms[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    const read = () =>
      backend.inbox().then(
        (list) => {
          if (!live) return
          setMessages(list)
          setError(null)
        },
        (cause: unknown) => live && setError(cause instanceof Error ? cause.message : String(cause)),
      )
    void read()
    const timer = setInterval(read, 1000)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [backend])

  const time = (ms: number) => new Date(ms).toLocaleTimeString('en-GB')
  return (
    <section className="dev-group inbox" aria-label="SMS inbox">
      <h3>SMS inbox</h3>
      {error ? <p className="dev-error">Cannot read the inbox: {error}</p> : null}
      {messages.length === 0 && !error ? <p className="dev-note">No messages yet.</p> : null}
      <ol>
        {[...messages].reverse().map((sms) => (
          <li key={`${sms.sentAt}-${sms.to}-${sms.code}`} className="sms">
            <span className="sms-to">{sms.to}</span>
            <span className="sms-time">{time(sms.sentAt)}</span>
            <code className="sms-code">{sms.code}</code>
            <span className="sms-text" lang={sms.language} dir="auto">{sms.text}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
