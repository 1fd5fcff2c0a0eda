import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { navigateInPlace } from '../../app/history';
import { usePaged } from '../../lib/usePaged';
import { Page } from '../layout/Page';
import { RoleOnly } from '../layout/RoleOnly';
import { ShowMore } from '../layout/ShowMore';
import { isCaseworker } from '../../lib/roles';
import { searchStudents, type DirectoryStudent } from './students-api';
import './students.css';

/** Name, username, grade and school of one student, as a line under their name. */
export function StudentFacts({ student }: { student: DirectoryStudent }) {
  const { t } = useTranslation('students');
  return (
    <dl className="student-facts">
      <div>
        <dt>{t('facts.username')}</dt>
        <dd>{student.username}</dd>
      </div>
      <div>
        <dt>{t('facts.grade')}</dt>
        <dd>{student.grade ?? t('facts.gradeUnknown')}</dd>
      </div>
      <div>
        <dt>{t('facts.school')}</dt>
        <dd>{student.schoolName}</dd>
      </div>
    </dl>
  );
}

/**
 * `/students?q=`: counselors and school admins find a student of their schools
 * by name or username and open their history. The query stays in the address.
 */
function StudentsContent() {
  const { t } = useTranslation('students');
  const search = useSearch();
  const q = new URLSearchParams(search).get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const results = usePaged<DirectoryStudent>(
    ({ cursor }) =>
      q ? searchStudents(q, cursor) : Promise.resolve({ items: [], nextCursor: null }),
    [q],
  );

  useEffect(() => setTyped(q), [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = typed.trim();
    navigateInPlace(words ? `/students?q=${encodeURIComponent(words)}` : '/students');
  };
  return (
    <Page title={t('search.title')}>
      <form role="search" className="student-search" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="student-q">{t('search.label')}</label>
          <p className="hint" id="student-q-hint">
            {t('search.hint')}
          </p>
          <div className="search-row">
            <input
              id="student-q"
              type="search"
              value={typed}
              maxLength={100}
              autoComplete="off"
              aria-describedby="student-q-hint"
              onChange={(event) => setTyped(event.target.value)}
            />
            <button type="submit" className="button primary">
              {t('search.button')}
            </button>
          </div>
        </div>
      </form>
      <p role="status" className="status-line">
        {q && results.items && !(results.failed && results.items.length === 0)
          ? t('search.found', { count: results.items.length, q })
          : ''}
        {results.hasMore ? ` ${t('search.moreExist')}` : ''}
      </p>
      {results.items && results.items.length > 0 && (
        <ul className="student-list">
          {results.items.map((student) => (
            <li key={student.id} className="student-card">
              <h2 className="student-card-title">
                <Link href={`/students/${student.id}`}>{student.displayName}</Link>
              </h2>
              <StudentFacts student={student} />
            </li>
          ))}
        </ul>
      )}
      <ShowMore
        hasMore={results.hasMore}
        loadingMore={results.loadingMore}
        failed={results.failed}
        onMore={results.loadMore}
        labels={{
          more: t('search.more'),
          loading: t('search.loading'),
          failed: t('search.failed'),
        }}
      />
    </Page>
  );
}

export default function StudentsPage() {
  return (
    <RoleOnly allow={isCaseworker}>
      <StudentsContent />
    </RoleOnly>
  );
}
