// The bench page. `?scenario=` picks what it shows; bench/run.mjs drives it
// from headless Chromium through `window.bench`. Built twice: for production,
// and against react-dom/profiling so that <Profiler> reports commits.
import { OTPInput, type SlotProps } from 'input-otp'
import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { OtpInput, OtpProvider, OtpVerification, ResendButton } from 'otp-kit'

const PHONE = '+9647501234567'
const COOLDOWN_SECONDS = 90

/** Commits seen by each <Profiler>, by id. */
const commits: Record<string, number> = {}
const countCommit: ProfilerOnRenderCallback = (id) => {
  commits[id] = (commits[id] ?? 0) + 1
}

function Slot({ char, isActive, hasFakeCaret }: SlotProps) {
  return (
    <div className="slot" data-active={isActive || undefined}>
      {char}
      {hasFakeCaret ? <span className="caret" /> : null}
    </div>
  )
}

/** Ours and input-otp side by side, each uncontrolled, as a host would drop them in. */
function KeystrokePage({ round }: { round: number }) {
  return (
    <OtpProvider adapter="ondi" baseUrl="/api">
      <section id="ours">
        <Profiler id="ours" onRender={countCommit}>
          <OtpInput key={round} aria-label="Code from the SMS" onComplete={() => {}} />
        </Profiler>
      </section>
      <section id="theirs">
        <Profiler id="theirs" onRender={countCommit}>
          <OTPInput
            key={round}
            maxLength={6}
            aria-label="Code from the SMS"
            onComplete={() => {}}
            render={({ slots }) => (
              <div className="slots">
                {slots.map((slot, index) => (
                  <Slot key={index} {...slot} />
                ))}
              </div>
            )}
          />
        </Profiler>
      </section>
    </OtpProvider>
  )
}

/** A fresh provider and widget per `round`: no verdict carries over. */
function PastePage({ round }: { round: number }) {
  return (
    <OtpProvider key={round} adapter="ondi" baseUrl="/api">
      <OtpVerification phone={PHONE} />
    </OtpProvider>
  )
}

function CountdownPage({ sentAt }: { sentAt: number }) {
  return (
    <OtpProvider adapter="ondi" baseUrl="/api" resendCooldownSeconds={COOLDOWN_SECONDS}>
      <Profiler id="resend" onRender={countCommit}>
        <ResendButton target={{ phone: PHONE }} codeSentAt={sentAt} />
      </Profiler>
    </OtpProvider>
  )
}

/** One mount of the churn: a countdown running, a resend in flight, or a verify in flight. */
function ChurnPage({ mode }: { mode: number }) {
  return (
    <OtpProvider adapter="ondi" baseUrl="/api">
      <OtpVerification phone={PHONE} codeSentAt={mode === 0 ? Date.now() : undefined} sendOnMount={mode === 1} />
    </OtpProvider>
  )
}

const container = document.getElementById('root')!
const root = createRoot(container)
const render = (node: ReactNode) => flushSync(() => root.render(node))

/** A macrotask without the 4 ms clamp nested timers get. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve()
    channel.port2.postMessage(null)
  })
}

/** Writes a code into the real input as autofill would, then fires `input`. */
function fillInput(input: HTMLInputElement, code: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  setValue.call(input, code)
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: code }))
}

const scenario = new URLSearchParams(location.search).get('scenario')
let round = 0

const bench = {
  ready: false,
  commits,
  labelChanges: [] as Array<{ at: number; text: string }>,
  deadline: 0,
  /** When the last paste event fired (performance.now() time). */
  pastedAt: 0,
  /** Wake-ups of a 100 ms interval: 10 a second when timers run freely. */
  probeWakes: 0,
  resetCommits() {
    for (const id of Object.keys(commits)) commits[id] = 0
  },
  /** Remounts the current scenario with fresh state. */
  remount() {
    round += 1
    if (scenario === 'keys') render(<KeystrokePage round={round} />)
    if (scenario === 'paste') render(<PastePage round={round} />)
  },
  /** Mounts and unmounts OtpVerification `count` times, each with a different thing in progress. */
  async churn(count: number) {
    let started = 0
    for (let i = 0; i < count; i += 1) {
      const mode = i % 3
      // The resend deadline survives in sessionStorage; without clearing it the resend would wait.
      sessionStorage.clear()
      const before = window.__ledger.calls.length ? window.__ledger.calls.at(-1)!.at : 0
      render(<ChurnPage mode={mode} />)
      await nextTask()
      if (mode === 2) {
        fillInput(container.querySelector('input')!, '123456')
        await nextTask()
      }
      await nextTask()
      if ((window.__ledger.calls.at(-1)?.at ?? 0) > before) started += 1
      render(null)
      await nextTask()
    }
    return { requestsStarted: started }
  },
}

declare global {
  interface Window {
    bench: typeof bench
    __ledger: {
      backend: { mode: 'answer' | 'hang'; delayMs: number }
      calls: Array<{ url: string; at: number }>
      mark: () => number
      leftSince: (mark: number) => { timers: number; listeners: number; requests: number; detail: string[] }
    }
  }
}
window.bench = bench

if (scenario === 'countdown') {
  const sentAt = Date.now()
  bench.deadline = sentAt + COOLDOWN_SECONDS * 1000
  setInterval(() => {
    bench.probeWakes += 1
  }, 100)
  // Each change of the button's label, with the time it reached the DOM.
  new MutationObserver(() => {
    const text = document.querySelector('[data-part="resend-button"]')?.textContent ?? ''
    if (bench.labelChanges.at(-1)?.text !== text) bench.labelChanges.push({ at: Date.now(), text })
  }).observe(container, { subtree: true, characterData: true, childList: true })
  render(<CountdownPage sentAt={sentAt} />)
} else if (scenario === 'keys' || scenario === 'paste') {
  // Capture on window: before any handler of the page sees the paste.
  window.addEventListener('paste', (event) => (bench.pastedAt = event.timeStamp), { capture: true })
  bench.remount()
}
bench.ready = true
