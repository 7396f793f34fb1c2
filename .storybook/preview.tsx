import type { Decorator, Preview } from '@storybook/react-vite'
import { setupWorker } from 'msw/browser'
import { mswLoader } from 'msw-storybook-addon/csf3'

/** The toolbar's languages are the API's: `ku` is Sorani, tagged `ckb` in HTML and Intl. */
const languages = {
  en: { lang: 'en', dir: 'ltr' },
  ar: { lang: 'ar', dir: 'rtl' },
  ku: { lang: 'ckb', dir: 'rtl' },
} as const

type Language = keyof typeof languages
type Theme = 'light' | 'dark'

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(languages, value)
}

/** Sets the language, direction and theme the toolbar picked around each story. */
const withLanguageAndTheme: Decorator = (Story, { globals }) => {
  const language: Language = isLanguage(globals.language) ? globals.language : 'en'
  const theme: Theme = globals.theme === 'dark' ? 'dark' : 'light'
  const { lang, dir } = languages[language]
  return (
    <div lang={lang} dir={dir} data-theme={theme}>
      <Story />
    </div>
  )
}

const preview: Preview = {
  loaders: [
    // One worker for every story; each story adds its handlers through
    // `parameters.msw` (reset between stories). Requests no handler claims
    // (Storybook's own files, fonts) go to the network untouched.
    mswLoader(async () => {
      const worker = setupWorker()
      await worker.start({
        onUnhandledRequest: 'bypass',
        quiet: true,
        serviceWorker: { url: './mockServiceWorker.js' },
      })
      return worker
    }),
  ],
  decorators: [withLanguageAndTheme],
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
