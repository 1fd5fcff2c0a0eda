import { bundleOf, type LocaleFiles } from './bundle';

/** Every namespace of the app in this language: one chunk, loaded when the language is chosen. */
export default bundleOf(import.meta.glob<LocaleFiles[string]>('./es/*.json', { eager: true }));
