import { useCallback, useMemo, useState } from 'react';

/**
 * What the user typed or chose in the case page's forms, kept by the page
 * (not by each form): reloading the case after a conflict, or a form that
 * the new status hides and shows again, never loses it.
 */
export interface Drafts {
  get: (key: string) => string;
  set: (key: string, value: string) => void;
  clear: (...keys: string[]) => void;
}

export function useDrafts(): Drafts {
  const [values, setValues] = useState<Record<string, string>>({});
  const set = useCallback(
    (key: string, value: string) => setValues((previous) => ({ ...previous, [key]: value })),
    [],
  );
  const clear = useCallback(
    (...keys: string[]) =>
      setValues((previous) => {
        const next = { ...previous };
        for (const key of keys) delete next[key];
        return next;
      }),
    [],
  );
  return useMemo(() => ({ get: (key) => values[key] ?? '', set, clear }), [values, set, clear]);
}
