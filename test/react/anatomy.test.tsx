import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { describe, expect, it } from 'vitest'
import { AttemptsBanner } from '../../src/components/AttemptsBanner'
import { OtpField } from '../../src/components/OtpField'
import { OtpInput } from '../../src/components/OtpInput'
import { OtpVerification } from '../../src/components/OtpVerification'
import { ResendButton } from '../../src/components/ResendButton'
import { otpAnatomy, partSelector, type OtpPart, type OtpPartOwner } from '../../src/react/anatomy'
import { PHONE, makeWrapper } from '../utils'

// Read from disk: Vitest hands CSS imports, ?raw ones included, to tests empty.
const stylesheet = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../src/styles/otp.css'), 'utf8')

/** Every source file of the kit, by its path from the repository root. */
const sources = Object.fromEntries(
  Object.entries(import.meta.glob<string>('../../src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true })).map(
    ([path, text]) => [path.replace('../../', ''), text],
  ),
)
// Where the names are made, not written.
delete sources['src/react/anatomy.ts']

const source = (path: string) => sources[path] ?? expect.unreachable(`no ${path}`)
const partsOf = (owner: OtpPartOwner): OtpPart[] => Object.values(otpAnatomy[owner])
const allParts = new Set((Object.keys(otpAnatomy) as OtpPartOwner[]).flatMap(partsOf))

/** The parts the stylesheet leaves alone, each for a reason. */
const UNSTYLED: Partial<Record<OtpPart, string>> = {
  'banner-status': 'a live region: the banner around it carries the look',
  'banner-alert': 'a live region: the banner around it carries the look',
  'resend-status': 'a live region: the messages inside it carry the look',
  'resend-error': 'the wait and the send errors read as plain text beside the button',
  field: 'OtpField is for forms a host styles itself',
}

/** The files that write each component's parts into markup. */
const WRITERS: Record<OtpPartOwner, string[]> = {
  OtpVerification: ['src/components/OtpVerification.tsx'],
  OtpInput: ['src/components/OtpInput.tsx', 'src/react/useOtpField.ts'],
  AttemptsBanner: ['src/components/AttemptsBanner.tsx'],
  ResendButton: ['src/components/ResendButton.tsx'],
  OtpField: ['src/components/OtpField.tsx'],
}

/** The components each one renders inside itself. */
const NESTED: Record<OtpPartOwner, OtpPartOwner[]> = {
  OtpVerification: ['OtpInput', 'AttemptsBanner', 'ResendButton'],
  OtpInput: [],
  AttemptsBanner: [],
  ResendButton: [],
  OtpField: ['OtpInput'],
}

describe('the anatomy', () => {
  it('gives every part one name, unique across the kit but for the shared inline error', () => {
    const names = (Object.keys(otpAnatomy) as OtpPartOwner[]).flatMap(partsOf)
    const repeated = names.filter((name, index) => names.indexOf(name) !== index)
    expect(repeated).toEqual(['error'])
    for (const name of names) expect(name).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
  })

  it('names every part the stylesheet selects', () => {
    const selected = new Set([...stylesheet.matchAll(/\[data-part=['"]([^'"]+)['"]\]/g)].map((match) => match[1]!))
    expect(selected.size).toBeGreaterThan(10)
    expect([...selected].filter((name) => !allParts.has(name as OtpPart))).toEqual([])
  })

  it('has a rule in the stylesheet for every part but the ones left unstyled on purpose', () => {
    const missing = [...allParts].filter((name) => !stylesheet.includes(`[data-part='${name}']`) && !(name in UNSTYLED))
    expect(missing).toEqual([])
    const styledAnyway = Object.keys(UNSTYLED).filter((name) => stylesheet.includes(`[data-part='${name}']`))
    expect(styledAnyway).toEqual([])
  })

  it.each(Object.keys(WRITERS) as OtpPartOwner[])('is what %s writes: every part of its own, and no part of another component but those inside it', (owner) => {
    const code = WRITERS[owner].map((path) => source(path)).join('\n')
    // Every data-part the markup sets is a literal the compiler checks against the anatomy.
    const written = new Set([...code.matchAll(/'([a-z-]+)' satisfies (?:Part|FieldPart)\b/g)].map((match) => match[1]!))
    expect(partsOf(owner).filter((name) => !written.has(name))).toEqual([])
    const allowed = new Set([owner, ...NESTED[owner]].flatMap(partsOf))
    expect([...written].filter((name) => !allowed.has(name as OtpPart))).toEqual([])
  })

  it('is the only source of part names: no file of the kit writes a data-part the compiler does not check', () => {
    const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
    const unchecked = Object.entries(sources).flatMap(([path, code]) =>
      [...withoutComments(code).matchAll(/data-part['"]?\s*[=:]\s*\{?\s*(['"`])[^'"`]*\1(?!\s*satisfies)/g)].map((match) => `${path}: ${match[0]}`),
    )
    expect(Object.keys(sources).length).toBeGreaterThan(40)
    expect(unchecked).toEqual([])
  })
})

function FormHost() {
  const { control } = useForm<{ code: string }>({ defaultValues: { code: '' } })
  return <OtpField control={control} name="code" aria-label="Code" />
}

const rendered: Record<OtpPartOwner, () => ReactNode> = {
  OtpVerification: () => <OtpVerification phone={PHONE} onChangePhone={() => {}} />,
  OtpInput: () => <OtpInput aria-label="Code" />,
  AttemptsBanner: () => <AttemptsBanner target={{ phone: PHONE }} />,
  ResendButton: () => <ResendButton target={{ phone: PHONE }} />,
  OtpField: () => <FormHost />,
}

describe.each(Object.keys(rendered) as OtpPartOwner[])('%s in the DOM', (owner) => {
  it('carries only parts of its anatomy and of the components inside it, its own root outermost', () => {
    const { container } = render(rendered[owner](), { wrapper: makeWrapper() })
    const allowed = new Set([owner, ...NESTED[owner]].flatMap(partsOf))
    const seen = [...container.querySelectorAll('[data-part]')].map((element) => element.getAttribute('data-part')!)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.filter((name) => !allowed.has(name as OtpPart))).toEqual([])
    const root = partsOf(owner)[0]!
    expect(container.querySelector('[data-part]')).toBe(container.querySelector(partSelector(root)))
  })
})
