import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDateWords } from '../../lib/dates';
import { isCaseworker } from '../../lib/roles';
import { markRead } from '../notifications/unread';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { RoleOnly } from '../layout/RoleOnly';
import {
  loadCaseload,
  loadMyOpenCases,
  loadReminders,
  type CaseSummary,
  type Caseload,
  type Notice,
} from './caseload-api';
import { DEADLINE_GROUPS, deadlineGroup, type DeadlineGroup } from './deadline-groups';
import './caseload.css';

function CaseCard({ item, group }: { item: CaseSummary; group: DeadlineGroup }) {
  const { t } = useTranslation('caseload');
  const dates = useDateWords();
  return (
    <li className={`case-card case-card-${group}`}>
      <h3 className="case-card-title">
        <Link href={`/cases/${item.id}`}>{t('caseLink', { reference: item.reference })}</Link>
      </h3>
      <dl className="case-facts">
        <div>
          <dt>{t(item.status === 'submitted' ? 'triageBy' : 'resolveBy')}</dt>
          <dd>
            {item.dueAt && dates.day(item.dueAt, item.schoolTimeZone)}
            {group === 'overdue' && <span className="late-tag">{t('queue:due.overdue')}</span>}
            {group === 'today' && <span className="today-tag">{t('queue:due.today')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('what')}</dt>
          <dd>{t(`common:category.${item.category}`)}</dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd>{t(`common:status.${item.status}`)}</dd>
        </div>
        <div>
          <dt>{t('severity')}</dt>
          <dd>
            {item.severity ? t(`students:severity.${item.severity}`) : t('students:severity.none')}
            {item.critical && <span className="late-tag">{t('criticalTag')}</span>}
          </dd>
        </div>
      </dl>
    </li>
  );
}

function Counts({
  caseload,
  groups,
}: {
  caseload: Caseload;
  groups: Record<DeadlineGroup, number>;
}) {
  const { t } = useTranslation('caseload');
  const rows = [
    ['mine', caseload.assignedToMe.open],
    ['mineOverdue', caseload.assignedToMe.overdue],
    ['mineToday', groups.today],
    ['mineDueSoon', caseload.assignedToMe.dueSoon],
    ['schoolUnassigned', caseload.unassigned],
    ['schoolCritical', caseload.critical],
  ] as const;
  return (
    <section className="panel" aria-labelledby="counts-title">
      <h2 id="counts-title">{t('counts.title')}</h2>
      <dl className="count-grid">
        {rows.map(([key, count]) => (
          <div key={key}>
            <dt>{t(`counts.${key}`)}</dt>
            <dd>{count}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Reminders({ notices }: { notices: Notice[] }) {
  const { t } = useTranslation('caseload');
  const dates = useDateWords();
  return (
    <section aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('reminders.title')}</h2>
      {notices.length === 0 ? (
        <p>{t('reminders.none')}</p>
      ) : (
        <ul className="notice-list">
          {notices.map((notice) => (
            <li key={notice.id} className="notice-item">
              <p className="notice-title">
                {notice.readAt === null && <span className="new-tag">{t('reminders.new')}</span>}
                {notice.incidentId ? (
                  <Link
                    href={`/cases/${notice.incidentId}`}
                    onClick={() => notice.readAt === null && void markRead([notice.id])}
                  >
                    {notice.title}
                  </Link>
                ) : (
                  <strong>{notice.title}</strong>
                )}
              </p>
              <p className="when">
                <time dateTime={notice.createdAt}>{dates.moment(notice.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface Loaded {
  cases: CaseSummary[];
  caseload: Caseload;
  reminders: Notice[] | null;
  now: Date;
}

/**
 * `/caseload`: the caller's own open cases by deadline (overdue, due today,
 * due this week, later) on each school's calendar, the counts, and the
 * deadline reminders. Every case links to its page.
 */
function CaseloadContent() {
  const { t } = useTranslation('caseload');
  const [loaded, setLoaded] = useState<Loaded | 'failed' | null>(null);

  const load = useCallback(async () => {
    setLoaded(null);
    const [cases, caseload, reminders] = await Promise.all([
      loadMyOpenCases(),
      loadCaseload(),
      loadReminders(),
    ]);
    if (!cases || !caseload) return setLoaded('failed');
    setLoaded({ cases, caseload, reminders, now: new Date() });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const grouped = useMemo(() => {
    const groups: Record<DeadlineGroup, CaseSummary[]> = {
      overdue: [],
      today: [],
      week: [],
      later: [],
    };
    if (loaded && loaded !== 'failed') {
      for (const item of loaded.cases)
        groups[deadlineGroup(item.dueAt, item.schoolTimeZone, loaded.now)].push(item);
      const due = (item: CaseSummary) => (item.dueAt ? Date.parse(item.dueAt) : Infinity);
      for (const group of DEADLINE_GROUPS) groups[group].sort((a, b) => due(a) - due(b));
    }
    return groups;
  }, [loaded]);

  if (loaded === null) return <Loading />;
  if (loaded === 'failed') {
    return (
      <Page title={t('title')}>
        <p className="notice warn" role="alert">
          {t('failed')}
        </p>
        <button type="button" className="button" onClick={() => void load()}>
          {t('tryAgain')}
        </button>
      </Page>
    );
  }

  const counts = Object.fromEntries(
    DEADLINE_GROUPS.map((group) => [group, grouped[group].length]),
  ) as Record<DeadlineGroup, number>;
  return (
    <Page title={t('title')}>
      <Counts caseload={loaded.caseload} groups={counts} />
      {loaded.cases.length === 0 && <p>{t('noCases')}</p>}
      {DEADLINE_GROUPS.map((group) =>
        grouped[group].length === 0 ? null : (
          <section key={group} aria-labelledby={`group-${group}`} className="deadline-group">
            <h2 id={`group-${group}`}>{t(`group.${group}`, { count: grouped[group].length })}</h2>
            <ul className="case-list">
              {grouped[group].map((item) => (
                <CaseCard key={item.id} item={item} group={group} />
              ))}
            </ul>
          </section>
        ),
      )}
      {loaded.reminders ? (
        <Reminders notices={loaded.reminders} />
      ) : (
        <p className="notice warn">{t('reminders.failed')}</p>
      )}
    </Page>
  );
}

export default function CaseloadPage() {
  return (
    <RoleOnly allow={isCaseworker}>
      <CaseloadContent />
    </RoleOnly>
  );
}
