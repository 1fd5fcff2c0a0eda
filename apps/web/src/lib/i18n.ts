import i18n, { type BackendModule } from 'i18next';
import { use } from 'react';
import { initReactI18next } from 'react-i18next';
import type { LocaleBundle } from '../locales/bundle';

/**
 * Every string of the app, in every supported language. Each feature keeps its
 * own namespace file per language (locales/<lang>/<namespace>.json); a test
 * fails when a key exists in one language and not the other. A page loads
 * only its language: one chunk with every namespace (locales/<lang>.ts),
 * fetched when the language is chosen, so the other language costs nothing.
 */
const BUNDLES: Record<Language, () => Promise<{ default: LocaleBundle }>> = {
  en: () => import('../locales/en'),
  es: () => import('../locales/es'),
};
const loading = new Map<Language, Promise<LocaleBundle>>();
function bundle(language: Language): Promise<LocaleBundle> {
  let promise = loading.get(language);
  if (!promise) {
    promise = BUNDLES[language]().then((module) => module.default);
    loading.set(language, promise);
  }
  return promise;
}

/**
 * i18next asks for one namespace; the whole language arrives at once, so
 * every namespace goes into the store (a key of another namespace, like
 * `queue:status.triaged`, is there too).
 */
const languageBundles: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    if (!isLanguage(language)) return callback(null, {});
    bundle(language).then(
      (namespaces) => {
        for (const [name, resources] of Object.entries(namespaces))
          if (!i18n.hasResourceBundle(language, name))
            i18n.addResourceBundle(language, name, resources);
        callback(null, namespaces[namespace] ?? {});
      },
      (error: Error) => callback(error, null),
    );
  },
};

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

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

const firstLanguage = browserLanguage();
void bundle(firstLanguage);
void i18n
  .use(languageBundles)
  .use(initReactI18next)
  .init({
    lng: firstLanguage,
    ns: ['common'],
    fallbackLng: false,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

let everyLanguage: Promise<void> | undefined;
/**
 * For the few pages written in every language at once (the bilingual
 * poster): suspends until every language is loaded. Language names need no
 * such thing: each language names itself the same way in every file.
 */
export function useEveryLanguage(): void {
  use((everyLanguage ??= i18n.loadLanguages([...LANGUAGES])));
}

const markDocumentLanguage = (language: string) => {
  document.documentElement.lang = language;
};
markDocumentLanguage(i18n.language);
i18n.on('languageChanged', markDocumentLanguage);

export default i18n;
