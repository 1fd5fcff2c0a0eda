import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { rememberAccessToken } from './access-token';
import { api, onExpiredAccessToken, type Schemas } from './api-client';
import i18n, { browserLanguage, isLanguage } from './i18n';

export type Profile = Schemas['ProfileDto'];

type SignInResult = 'signed-in' | 'wrong-credentials' | { retryAfterSeconds: number } | 'failed';

interface AuthState {
  /** `undefined` while the page asks the server whether a session exists. */
  profile: Profile | null | undefined;
  signIn: (username: string, password: string) => Promise<SignInResult>;
  signOut: () => Promise<void>;
  /** Reloads the profile after the user changed it (language, name). */
  reloadProfile: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Renews the access token from the HttpOnly refresh cookie; one renewal at a time. */
let renewal: Promise<boolean> | null = null;
/** Bumped by signing out: a renewal that started before must not bring the session back. */
let sessionGeneration = 0;
export function renewSession(): Promise<boolean> {
  const generation = sessionGeneration;
  renewal ??= api
    .POST('/api/v1/auth/session/refresh')
    .then(({ data }) => {
      if (generation !== sessionGeneration) return false;
      rememberAccessToken(data?.accessToken ?? null);
      return Boolean(data);
    })
    .catch(() => false)
    .finally(() => {
      renewal = null;
    });
  return renewal;
}
onExpiredAccessToken(renewSession);

async function loadProfile(): Promise<Profile | null> {
  const { data } = await api.GET('/api/v1/me');
  if (data && isLanguage(data.locale)) await i18n.changeLanguage(data.locale);
  return data ?? null;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void renewSession()
      .then((renewed) => (renewed ? loadProfile() : null))
      .catch(() => null)
      .then((loaded) => live && setProfile(loaded));
    return () => {
      live = false;
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { data, response } = await api.POST('/api/v1/auth/session', {
      body: { username, password },
    });
    if (data) {
      rememberAccessToken(data.accessToken);
      setProfile(await loadProfile());
      return 'signed-in' as const;
    }
    if (response.status === 401) return 'wrong-credentials' as const;
    if (response.status === 429) {
      return { retryAfterSeconds: Number(response.headers.get('Retry-After') ?? '60') };
    }
    return 'failed' as const;
  }, []);

  const signOut = useCallback(async () => {
    sessionGeneration += 1;
    // The logout must reach the server after any renewal under way, or its new cookie would outlive it.
    await renewal?.catch(() => undefined);
    await api.POST('/api/v1/auth/session/logout').catch(() => undefined);
    rememberAccessToken(null);
    setProfile(null);
    await i18n.changeLanguage(browserLanguage());
  }, []);

  const reloadProfile = useCallback(async () => setProfile(await loadProfile()), []);

  const state = useMemo(
    () => ({ profile, signIn, signOut, reloadProfile }),
    [profile, signIn, signOut, reloadProfile],
  );
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth needs an AuthProvider');
  return state;
}

/** The signed-in user's profile; only for pages the router shows to signed-in users. */
export function useProfile(): Profile {
  const { profile } = useAuth();
  if (!profile) throw new Error('useProfile on a signed-out page');
  return profile;
}
