import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useAuth } from '../../lib/auth';
import { LiveForStaff } from '../live/LiveForStaff';
import { NotificationBell } from '../notifications/NotificationBell';
import { GetHelpPanel } from '../safety/GetHelpPanel';
import { SafetyBar } from '../safety/SafetyBar';
import { LanguageSwitch } from './LanguageSwitch';
import { RoleNav } from './RoleNav';

/** Moves focus to the page without a #main in the address (that would add a history entry). */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** Header with the safety buttons and the user's menu, then the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { profile, signOut } = useAuth();
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-row">
          <Link href="/" className="brand">
            {t('app.name')}
          </Link>
          <SafetyBar />
        </div>
        <nav aria-label={t('nav.label')} className="header-row nav">
          {profile ? (
            <>
              <RoleNav role={profile.role} />
              <NotificationBell />
              <Link href="/settings">{t('nav.settings')}</Link>
              <button type="button" className="link-button" onClick={() => void signOut()}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <LanguageSwitch />
          )}
        </nav>
      </header>
      <LiveForStaff />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('leave.escHint')}</p>
      </footer>
      <GetHelpPanel />
    </>
  );
}
