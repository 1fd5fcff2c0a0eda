import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Every string of the app, in every supported language. Each feature keeps its
 * own namespace file per language (locales/<lang>/<namespace>.json); a test
 * fails when a key exists in one language and not the other.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', {
  eager: true,
});

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, file] of Object.entries(files)) {
  const [, language, namespace] = /\/locales\/([a-z]+)\/([a-z-]+)\.json$/.exec(path) ?? [];
  if (!language || !namespace) continue;
  (resources[language] ??= {})[namespace] = file.default;
}

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** Signed-out pages follow the browser: Spanish when it prefers Spanish, else English. */
export function browserLanguage(): Language {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: browserLanguage(),
  fallbackLng: false,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

const markDocumentLanguage = (language: string) => {
  document.documentElement.lang = language;
};
markDocumentLanguage(i18n.language);
i18n.on('languageChanged', markDocumentLanguage);

export default i18n;
