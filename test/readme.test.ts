// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

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
})
