import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, type Schemas } from '../../lib/api-client';

export type CrisisContact = Schemas['CrisisContactDto'];

interface SafetyState {
  helpOpen: boolean;
  openHelp: () => void;
  closeHelp: () => void;
  /** The school whose own crisis contacts the help panel lists. */
  showSchool: (code: string | null) => void;
  schoolName: string | null;
  contacts: CrisisContact[];
}

const SafetyContext = createContext<SafetyState | null>(null);

export function SafetyProvider({ children }: { children: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const [schoolCode, setSchoolCode] = useState<string | null>(null);
  const [school, setSchool] = useState<{ name: string; contacts: CrisisContact[] } | null>(null);

  useEffect(() => {
    if (!schoolCode) return setSchool(null);
    let live = true;
    void api
      .GET('/api/v1/public/schools/{code}', { params: { path: { code: schoolCode } } })
      .then(({ data }) => {
        if (live) setSchool(data ? { name: data.name, contacts: data.crisisContacts } : null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [schoolCode]);

  const openHelp = useCallback(() => setHelpOpen(true), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const state = useMemo(
    () => ({
      helpOpen,
      openHelp,
      closeHelp,
      showSchool: setSchoolCode,
      schoolName: school?.name ?? null,
      contacts: school?.contacts ?? [],
    }),
    [helpOpen, openHelp, closeHelp, schoolCode, school],
  );
  return <SafetyContext.Provider value={state}>{children}</SafetyContext.Provider>;
}

export function useSafety(): SafetyState {
  const state = useContext(SafetyContext);
  if (!state) throw new Error('useSafety needs a SafetyProvider');
  return state;
}
