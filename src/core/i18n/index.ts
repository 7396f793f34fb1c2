// The i18n layer: message tables for en, ar and ku (Sorani), locale facts,
// and formatting that prints the same digits in Node and the browser.
export { ar } from './ar.js'
export { en } from './en.js'
export { ku } from './ku.js'
export { createFormatters, formatCountdown, formatNumber, pluralCategory, toWholeSeconds } from './format.js'
export { dirFor, htmlLangFor, isolateLtr, localeFor } from './locale.js'
export type { OtpDir, OtpHtmlLang, OtpLocale } from './locale.js'
export { messageForError } from './messageForError.js'
export { createTranslator, formatDuration, getMessages } from './translator.js'
export { translatorFor } from './translatorFor.js'
export type {
  Formatters,
  OtpMessageOverrides,
  OtpMessages,
  OtpMessagesByLanguage,
  PluralForms,
  Translator,
  WithFormat,
} from './types.js'
