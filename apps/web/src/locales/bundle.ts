export type LocaleFiles = Record<string, { default: Record<string, unknown> }>;
export type LocaleBundle = Record<string, Record<string, unknown>>;

/** `./en/casework.json` → `{ casework: {...} }`. */
export function bundleOf(files: LocaleFiles): LocaleBundle {
  const bundle: LocaleBundle = {};
  for (const [path, file] of Object.entries(files)) {
    const namespace = /\/([a-z-]+)\.json$/.exec(path)?.[1];
    if (namespace) bundle[namespace] = file.default;
  }
  return bundle;
}
