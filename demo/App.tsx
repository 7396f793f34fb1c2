import { useEffect, useRef, useState } from 'react'
import { dirFor, htmlLangFor, OtpProvider, type Language } from 'otp-kit'
import type { DemoBackend } from './backend'
import { Checkout } from './Checkout'
import { DevPanel, type DemoSettings } from './DevPanel'

export function App({ backend }: { backend: DemoBackend }) {
  const [settings, setSettings] = useState<DemoSettings>({ language: 'en', theme: 'light', adapter: 'ondi' })
  const [phone, setPhone] = useState('+9647501234567')
  // The shop's server remembers which numbers verified on this page: their code is spent.
  const spentPhones = useRef(new Set<string>())
  // A new back end, a sandbox reset or "Start over" mounts the checkout again, with a fresh provider.
  const [run, setRun] = useState(0)
  const restart = async () => {
    await backend.reset()
    spentPhones.current.clear()
    setRun((n) => n + 1)
  }

  useLanguageAndTheme(settings.language, settings.theme)

  return (
    <div className="demo">
      <OtpProvider key={`${settings.adapter}-${run}`} adapter={settings.adapter} baseUrl={backend.baseUrl} language={settings.language}>
        <Checkout
          backend={backend}
          adapter={settings.adapter}
          language={settings.language}
          onPhoneChange={setPhone}
          onStartOver={() => setRun((n) => n + 1)}
          spentPhones={spentPhones.current}
        />
      </OtpProvider>
      <DevPanel
        backend={backend}
        settings={settings}
        phone={phone}
        onChange={(next) => {
          if (next.adapter !== settings.adapter) setRun((n) => n + 1)
          setSettings(next)
        }}
        onReset={restart}
      />
    </div>
  )
}

function useLanguageAndTheme(language: Language, theme: DemoSettings['theme']) {
  useEffect(() => {
    const root = document.documentElement
    root.lang = htmlLangFor(language)
    root.dir = dirFor(language)
    root.dataset.theme = theme
  }, [language, theme])
}
