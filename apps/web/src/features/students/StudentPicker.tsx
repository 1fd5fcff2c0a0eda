import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import type { DirectoryStudent } from './students-api';
import './students.css';

export type LinkedStudent = Pick<DirectoryStudent, 'id' | 'displayName' | 'username' | 'grade'>;

async function findStudents(q: string, schoolId: string | undefined) {
  const { data } = await api
    .GET('/api/v1/students', {
      params: { query: { q, limit: 10, ...(schoolId ? { schoolId } : {}) } },
    })
    .catch(() => ({ data: undefined }));
  return data ?? null;
}

/**
 * Links a person named in a report to a student record, for staff: a search
 * of the school's directory and a radio list of the students found, then
 * "Link". Typing a name alone stays possible; linking is optional.
 */
export function StudentPicker({
  id,
  number,
  schoolId,
  suggestion,
  linked,
  onLink,
}: {
  /** Prefix of the ids of the picker's controls. */
  id: string;
  /** The person's number in the form, to name the controls. */
  number: number;
  schoolId?: string;
  /** What to search for first: the name typed so far. */
  suggestion: string;
  linked: LinkedStudent | undefined;
  onLink: (student: LinkedStudent | undefined) => void;
}) {
  const { t } = useTranslation('students');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<DirectoryStudent[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState('');
  const [searching, setSearching] = useState(false);
  const focusAfter = useRef<'unlink' | 'search' | null>(null);

  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target) document.getElementById(`${id}-${target}`)?.focus();
  }, [linked, id]);

  const search = async () => {
    const words = (q || suggestion).trim();
    if (!words) {
      setStatus(t('picker.typeFirst'));
      return;
    }
    setQ(words);
    setSearching(true);
    setStatus(t('picker.searching'));
    const page = await findStudents(words, schoolId);
    setSearching(false);
    if (!page) {
      setFound(null);
      setStatus(t('picker.failed'));
      return;
    }
    setFound(page.items);
    setChosen(page.items.length === 1 ? page.items[0].id : '');
    setStatus(t('picker.found', { count: page.items.length, q: words }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches here; it must not send the report's page on.
    if (event.key === 'Enter') {
      event.preventDefault();
      void search();
    }
  };

  const link = () => {
    const student = found?.find((candidate) => candidate.id === chosen);
    if (!student) {
      setStatus(t('picker.chooseFirst'));
      return;
    }
    focusAfter.current = 'unlink';
    setFound(null);
    setStatus('');
    onLink({
      id: student.id,
      displayName: student.displayName,
      username: student.username,
      grade: student.grade,
    });
  };

  const unlink = () => {
    focusAfter.current = 'search';
    onLink(undefined);
  };

  if (linked) {
    return (
      <div className="student-picker linked">
        <p>
          {t('picker.linked', { name: linked.displayName, username: linked.username })}
          {linked.grade ? ` ${t('picker.grade', { grade: linked.grade })}` : ''}
        </p>
        <button type="button" id={`${id}-unlink`} className="button secondary" onClick={unlink}>
          {t('picker.unlink', { number })}
        </button>
      </div>
    );
  }

  return (
    <div className="student-picker">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('picker.label', { number })}</label>
        <p className="hint" id={`${id}-search-hint`}>
          {t('picker.hint')}
        </p>
        <div className="search-row">
          <input
            id={`${id}-search`}
            type="search"
            autoComplete="off"
            maxLength={100}
            value={q}
            placeholder={suggestion || undefined}
            aria-describedby={`${id}-search-hint`}
            onChange={(event) => setQ(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <button
            type="button"
            className="button secondary"
            disabled={searching}
            onClick={() => void search()}
          >
            {t('picker.find')}
          </button>
        </div>
      </div>
      <p role="status" className="status-line">
        {status}
      </p>
      {found && found.length > 0 && (
        <fieldset className="choices">
          <legend>{t('picker.results', { number })}</legend>
          {found.map((student) => {
            const inputId = `${id}-option-${student.id}`;
            return (
              <label
                key={student.id}
                htmlFor={inputId}
                className={chosen === student.id ? 'choice chosen' : 'choice'}
              >
                <input
                  type="radio"
                  id={inputId}
                  name={`${id}-option`}
                  value={student.id}
                  checked={chosen === student.id}
                  onChange={() => setChosen(student.id)}
                />
                <span className="choice-text">
                  {student.displayName}
                  <span className="choice-hint">
                    {student.grade
                      ? t('picker.optionWithGrade', {
                          username: student.username,
                          grade: student.grade,
                        })
                      : student.username}
                  </span>
                </span>
              </label>
            );
          })}
          <button type="button" className="button" onClick={link}>
            {t('picker.link', { number })}
          </button>
        </fieldset>
      )}
    </div>
  );
}
