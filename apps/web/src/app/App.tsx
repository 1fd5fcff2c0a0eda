import { useEffect, useRef } from 'react';
import { AuthProvider, useAuth } from '../lib/auth';
import { Layout } from '../features/layout/Layout';
import { SafetyProvider, useSafety } from '../features/safety/safety-context';
import { Router } from 'wouter';
import { useInPlaceLocation } from './history';
import { AppRoutes } from './router';

/** A signed-in user's help panel lists their own school's crisis contacts. */
function UseOwnSchoolForHelp() {
  const { profile } = useAuth();
  const { showSchool } = useSafety();
  const code = profile?.schools[0]?.code ?? null;
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (code) showSchool(code);
    else if (previous.current) showSchool(null); // signed out: their school leaves the help panel
    previous.current = code;
  }, [code, showSchool]);
  return null;
}

export function App() {
  return (
    <AuthProvider>
      <SafetyProvider>
        <UseOwnSchoolForHelp />
        <Router hook={useInPlaceLocation}>
          <Layout>
            <AppRoutes />
          </Layout>
        </Router>
      </SafetyProvider>
    </AuthProvider>
  );
}
