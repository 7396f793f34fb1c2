/**
 * The React a project runs on is the one it says it runs on: `unit` on 19,
 * `unit-react18` on 18 from compat/react18. React, ReactDOM and the copy of
 * React that @tanstack/react-query, Testing Library and react-hook-form use
 * must all be that one: two Reacts in one tree break hooks, or worse, make a
 * React 18 run quietly test React 19.
 */
import { QueryClient, QueryClientContext, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { createContext, createElement, version as reactVersion, type ReactElement } from 'react'
import { version as domVersion } from 'react-dom'
import { version as serverVersion } from 'react-dom/server'
import { useForm } from 'react-hook-form'
import { describe, expect, it } from 'vitest'
import { OtpField } from '../../src/components/OtpField'
import { OtpProvider } from '../../src/react/OtpProvider'
import { expectedReactMajor, majorOf } from '../reactMajor'

const major = expectedReactMajor()
/** The symbol React tags an element or a context with. */
const tagOf = (value: unknown) => (value as { $$typeof?: symbol } | null)?.$$typeof

describe(`on React ${major}`, () => {
  it('imports React, react-dom and react-dom/server of that major', () => {
    expect(majorOf(reactVersion)).toBe(major)
    expect(majorOf(domVersion)).toBe(major)
    expect(majorOf(serverVersion)).toBe(major)
    expect(domVersion).toBe(reactVersion)
    expect(serverVersion).toBe(reactVersion)
  })

  it('gives @tanstack/react-query the same React', () => {
    // React 19 made a context its own provider; 18 keeps a separate Provider object.
    const ours = createContext(null)
    expect(ours.Provider === (ours as unknown)).toBe(major >= 19)
    expect(QueryClientContext.Provider === (QueryClientContext as unknown)).toBe(major >= 19)
    expect(tagOf(QueryClientContext)).toBe(tagOf(ours))

    // The element react-query's provider returns comes from its jsx runtime:
    // 18 and 19 tag elements with different symbols.
    const client = new QueryClient()
    let fromQuery: ReactElement | null = null
    function Probe() {
      fromQuery = (QueryClientProvider as (props: object) => ReactElement)({ client, children: null })
      return null
    }
    render(<Probe />)
    expect(tagOf(fromQuery)).toBeDefined()
    expect(tagOf(fromQuery)).toBe(tagOf(createElement('i')))
  })

  it('runs react-query hooks and react-hook-form inside a tree of that React', async () => {
    const client = new QueryClient()
    function Greeting() {
      const { data } = useQuery({ queryKey: ['greeting'], queryFn: async () => `React ${majorOf(reactVersion)}` })
      return <p>{data ?? 'loading'}</p>
    }
    function CodeForm() {
      const { control } = useForm<{ code: string }>({ defaultValues: { code: '12' } })
      return <OtpField control={control} name="code" aria-label="Code from the SMS" />
    }
    render(
      <QueryClientProvider client={client}>
        <OtpProvider adapter="ondi" baseUrl="/api" queryClient={client}>
          <Greeting />
          <CodeForm />
        </OtpProvider>
      </QueryClientProvider>,
    )
    expect(await screen.findByText(`React ${major}`)).toBeTruthy()
    expect((screen.getByLabelText('Code from the SMS') as HTMLInputElement).value).toBe('12')
  })
})
