import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDateWords } from '../../lib/dates';
import { usePaged } from '../../lib/usePaged';
import { Loading } from '../layout/Loading';
import { NotFoundPage } from '../layout/NotFoundPage';
import { Page } from '../layout/Page';
import { RoleOnly } from '../layout/RoleOnly';
import { ShowMore } from '../layout/ShowMore';
import { isCaseworker } from '../../lib/roles';
import { StudentFacts } from './StudentsPage';
import {
  loadHistory,
  loadStudent,
  type DirectoryStudent,
  type HistoryEntry,
  type RepeatSummary,
} from './students-api';
import './students.css';

/** The repeat flags over the window, in words; a repeat is marked, never by colour alone. */
function RepeatFlags({ repeat }: { repeat: RepeatSummary }) {
  const { t } = useTranslation('students');
  const lines = [
    { key: 'target', count: repeat.incidentsAsTarget, flagged: repeat.repeatTarget },
    { key: 'aggressor', count: repeat.incidentsAsAggressor, flagged: repeat.repeatAggressor },
  ] as const;
  return (
    <section className="panel" aria-labelledby="repeat-title">
      <h2 id="repeat-title">{t('history.repeatTitle', { days: repeat.windowDays })}</h2>
      <ul className="plain-list repeat-list">
        {lines.map((line) => (
          <li key={line.key}>
            {t(`history.as.${line.key}`, { count: line.count })}
            {line.flagged && <span className="flag-tag">{t(`history.repeat.${line.key}`)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function HistoryCard({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation('students');
  const dates = useDateWords();
  return (
    <li className="case-card">
      <h3 className="case-card-title">
        <Link href={`/cases/${entry.incidentId}`}>
          {t('history.caseLink', { reference: entry.reference })}
        </Link>
      </h3>
      <dl className="case-facts">
        <div>
          <dt>{t('history.part')}</dt>
          <dd>
            {entry.roles.map((role) => (
              <span key={role} className={`role-tag role-${role}`}>
                {t(`role.${role}`)}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('history.what')}</dt>
          <dd>{t(`common:category.${entry.category}`)}</dd>
        </div>
        <div>
          <dt>{t('history.when')}</dt>
          <dd>{dates.day(entry.occurredAt)}</dd>
        </div>
        <div>
          <dt>{t('history.status')}</dt>
          <dd>{t(`common:status.${entry.status}`)}</dd>
        </div>
        <div>
          <dt>{t('history.severity')}</dt>
          <dd>{entry.severity ? t(`severity.${entry.severity}`) : t('severity.none')}</dd>
        </div>
        <div>
          <dt>{t('history.interventions')}</dt>
          <dd>
            {entry.interventions.length === 0 ? (
              t('history.noInterventions')
            ) : (
              <ul className="plain-list">
                {entry.interventions.map((action, index) => (
                  <li key={index}>
                    {t('history.intervention', {
                      type: t(`intervention.${action.type}`),
                      day: dates.day(action.takenAt),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}

interface Loaded {
  student: DirectoryStudent;
  repeat: RepeatSummary;
}

/**
 * `/students/:id`: one student's involvement across reports (target,
 * aggressor, witness), the repeat flags of the last months and what the
 * school did, each case one link away. Opening it is recorded in the audit log.
 */
function StudentHistory({ id }: { id: string }) {
  const { t } = useTranslation('students');
  const [loaded, setLoaded] = useState<Loaded | 'missing' | 'failed' | null>(null);

  /** The first page comes with the student and the repeat flags; without them the page fails. */
  const history = usePaged<HistoryEntry>(
    async ({ cursor, isCurrent }) => {
      if (cursor !== null) return loadHistory(id, cursor);
      setLoaded(null);
      const [answer, page] = await Promise.all([loadStudent(id), loadHistory(id, null)]);
      if (isCurrent())
        setLoaded(
          answer.kind !== 'found'
            ? answer.kind
            : page
              ? { student: answer.student, repeat: page.repeat }
              : 'failed',
        );
      return page;
    },
    [id],
  );

  if (loaded === 'missing') return <NotFoundPage />;
  if (loaded === null) return <Loading />;
  if (loaded === 'failed') {
    return (
      <Page title={t('history.failedTitle')}>
        <p>{t('history.failedBody')}</p>
        <button type="button" className="button" onClick={() => history.reload()}>
          {t('history.tryAgain')}
        </button>
      </Page>
    );
  }

  return (
    <Page title={t('history.title', { name: loaded.student.displayName })}>
      <StudentFacts student={loaded.student} />
      <RepeatFlags repeat={loaded.repeat} />
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t('history.reportsTitle')}</h2>
        {history.items === undefined ? (
          <Loading />
        ) : history.items.length === 0 ? (
          <p>{t('history.none')}</p>
        ) : (
          <ul className="case-list">
            {history.items.map((entry) => (
              <HistoryCard key={entry.incidentId} entry={entry} />
            ))}
          </ul>
        )}
        <ShowMore
          hasMore={history.hasMore}
          loadingMore={history.loadingMore}
          failed={history.failed}
          onMore={history.loadMore}
          labels={{
            more: t('history.more'),
            loading: t('history.loading'),
            failed: t('history.moreFailed'),
          }}
        />
      </section>
      <p>
        <Link href="/students" className="button secondary">
          {t('history.back')}
        </Link>
      </p>
    </Page>
  );
}

export default function StudentHistoryPage({ id }: { id: string }) {
  return (
    <RoleOnly allow={isCaseworker}>
      <StudentHistory id={id} />
    </RoleOnly>
  );
}
