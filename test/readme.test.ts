// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { otpAnatomy } from '../src/react/anatomy'

// The README's snippets live in test/readme/*.tsx, where the typecheck step
// compiles them against the package entries; this keeps the two the same.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('opens with the two commands', () => {
    const firstBlock = readme.split('```')[1] ?? ''
    expect(firstBlock).toContain('npm install && npm start')
    expect(firstBlock).toContain('npm test')
  })

  it.each([
    'quickstart.tsx',
    'headless.tsx',
    'react-hook-form.tsx',
    'proxy.ts',
    'nextjs/names.tsx',
    'nextjs/CheckoutCode.tsx',
    'nextjs/page.tsx',
  ])('shows test/readme/%s exactly as it compiles', (file) => {
    const snippet = readFileSync(new URL(`./readme/${file}`, import.meta.url), 'utf8')
    const fence = file.endsWith('.tsx') ? 'tsx' : 'ts'
    expect(readme).toContain('```' + fence + '\n' + snippet + '```')
  })

  it('lists every part of every component in its table of parts, in the anatomy\'s order', () => {
    const table = readme.split('| component | its parts')[1]?.split('\n\n')[0] ?? ''
    const rows = Object.fromEntries(
      [...table.matchAll(/^\| `(\w+)`[^|]*\| (.+) \|$/gm)].map((row) => [row[1], [...row[2]!.matchAll(/`([^`]+)`/g)].map((part) => part[1])]),
    )
    expect(rows).toEqual(Object.fromEntries(Object.entries(otpAnatomy).map(([component, parts]) => [component, Object.values(parts)])))
  })
})
