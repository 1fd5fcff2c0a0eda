import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { useAuth } from '../lib/auth';
import { SignInPage } from '../features/auth/SignInPage';
import { HomePage } from '../features/home/HomePage';
import { NotFoundPage } from '../features/layout/NotFoundPage';
import { Loading } from '../features/layout/Loading';

const ReportPage = lazy(() => import('../features/report/ReportPage'));
const AnonymousReportPage = lazy(() => import('../features/report/AnonymousReportPage'));
const TrackPage = lazy(() => import('../features/track/TrackPage'));
const CasePage = lazy(() => import('../features/cases/CasePage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage'));
const StudentsPage = lazy(() => import('../features/students/StudentsPage'));
const StudentHistoryPage = lazy(() => import('../features/students/StudentHistoryPage'));
const CaseloadPage = lazy(() => import('../features/caseload/CaseloadPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const AdminHub = lazy(() => import('../features/admin/AdminHub'));
const AdminUsersPage = lazy(() => import('../features/admin/UsersPage'));
const AdminSchoolPage = lazy(() => import('../features/admin/SchoolSettingsPage'));
const AdminSchoolsPage = lazy(() => import('../features/admin/SchoolsPage'));
const AdminPosterPage = lazy(() => import('../features/admin/PosterPage'));
const DangerTermsPage = lazy(() => import('../features/danger-terms/DangerTermsPage'));

/** Pages for signed-in users; a signed-out visitor gets the sign-in page and comes back. */
function SignedIn({ children }: { children: React.ReactNode }) {
  const { profile } = useAuth();
  if (profile === undefined) return <Loading />;
  if (profile === null) return <SignInPage />;
  return children;
}

/** Every route of the app. `/report/:schoolCode` and `/track` are printed on posters: keep them. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <SignedIn>
            <HomePage />
          </SignedIn>
        </Route>
        <Route path="/report/:schoolCode">
          {(params) => <AnonymousReportPage schoolCode={params.schoolCode} />}
        </Route>
        <Route path="/report">
          <SignedIn>
            <ReportPage />
          </SignedIn>
        </Route>
        <Route path="/track">
          <TrackPage />
        </Route>
        <Route path="/cases/:id">
          {(params) => (
            <SignedIn>
              <CasePage key={params.id} id={params.id} />
            </SignedIn>
          )}
        </Route>
        <Route path="/notifications">
          <SignedIn>
            <NotificationsPage />
          </SignedIn>
        </Route>
        <Route path="/settings">
          <SignedIn>
            <SettingsPage />
          </SignedIn>
        </Route>
        <Route path="/admin/calendar">
          <SignedIn>
            <CalendarPage />
          </SignedIn>
        </Route>
        <Route path="/admin/danger-terms">
          <SignedIn>
            <DangerTermsPage />
          </SignedIn>
        </Route>
        <Route path="/students">
          <SignedIn>
            <StudentsPage />
          </SignedIn>
        </Route>
        <Route path="/students/:id">
          {(params) => (
            <SignedIn>
              <StudentHistoryPage key={params.id} id={params.id} />
            </SignedIn>
          )}
        </Route>
        <Route path="/caseload">
          <SignedIn>
            <CaseloadPage />
          </SignedIn>
        </Route>
        <Route path="/audit">
          <SignedIn>
            <AuditPage />
          </SignedIn>
        </Route>
        <Route path="/admin">
          <SignedIn>
            <AdminHub />
          </SignedIn>
        </Route>
        <Route path="/admin/users">
          <SignedIn>
            <AdminUsersPage />
          </SignedIn>
        </Route>
        <Route path="/admin/school">
          <SignedIn>
            <AdminSchoolPage />
          </SignedIn>
        </Route>
        <Route path="/admin/schools">
          <SignedIn>
            <AdminSchoolsPage />
          </SignedIn>
        </Route>
        <Route path="/admin/poster">
          <SignedIn>
            <AdminPosterPage />
          </SignedIn>
        </Route>
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Suspense>
  );
}
