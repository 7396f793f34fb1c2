import type { QueryClient } from '@tanstack/react-query'
import type { Decorator, Preview } from '@storybook/react-vite'
import { OtpProvider, type Language } from '../src'
import '../src/styles/otp.css'
import './preview.css'
import { sandboxLoader, STORY_BASE_URL } from './sandboxLoader'
import type { OtpStoryParameters } from '../stories/support/withSandbox'

/** The toolbar's languages are the API's: `ku` is Sorani, tagged `ckb` in HTML and Intl. */
const languages = {
  en: { lang: 'en', dir: 'ltr' },
  ar: { lang: 'ar', dir: 'rtl' },
  ku: { lang: 'ckb', dir: 'rtl' },
} as const

type Theme = 'light' | 'dark'

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(languages, value)
}

/**
 * Sets the language, direction and theme the toolbar (or the story's own
 * `globals`) picked, and wraps the story in an OtpProvider that talks to the
 * story's sandbox through a QueryClient of its own.
 */
const withOtp: Decorator = (Story, { globals, parameters, loaded }) => {
  const language: Language = isLanguage(globals.language) ? globals.language : 'en'
  const theme: Theme = globals.theme === 'dark' ? 'dark' : 'light'
  const { lang, dir } = languages[language]
  const otp = (parameters.otp ?? {}) as OtpStoryParameters
  const queryClient = loaded.queryClient as QueryClient | undefined
  return (
    <div className="otp-story" lang={lang} dir={dir} data-theme={theme}>
      <OtpProvider adapter={otp.adapter ?? 'ondi'} baseUrl={STORY_BASE_URL} language={language} queryClient={queryClient}>
        <Story />
      </OtpProvider>
    </div>
  )
}

const preview: Preview = {
  loaders: [sandboxLoader],
  decorators: [withOtp],
  parameters: {
    a11y: { test: 'error' },
    controls: {
      matchers: { color: /(background|color)$/i, date: /Date$/i },
    },
  },
  globalTypes: {
    language: {
      description: 'Language of the kit and the API',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'ar', title: 'العربية (ar)', right: 'RTL' },
          { value: 'ku', title: 'کوردی (ku, Sorani)', right: 'RTL' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    language: 'en',
    theme: 'light',
  },
}

export default preview
