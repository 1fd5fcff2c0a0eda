import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { apiFieldErrors, fieldsByPattern } from '../forms/api-errors';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import { TextArea } from '../forms/TextArea';
import type { User } from './admin-api';
import './reassign.css';

const REASON_MAX = 1000;

/** Whether the account works cases: only theirs can be moved. */
export const worksCases = (user: User) => user.role === 'counselor' || user.role === 'school_admin';

/** The active counselors and administrators of a school, but the one leaving. */
async function caseworkersOf(schoolId: string, leaverId: string): Promise<User[]> {
  const lists = await Promise.all(
    (['counselor', 'school_admin'] as const).map((role) =>
      api
        .GET('/api/v1/users', { params: { query: { role, schoolId, limit: 100 } } })
        .then(({ data }) => data?.items ?? [])
        .catch(() => []),
    ),
  );
  return lists
    .flat()
    .filter((user) => user.id !== leaverId && !user.disabled)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * "Reassign open cases" on an account of the users page: when a counselor
 * leaves, every open case of theirs at one school (and their planned
 * follow-ups) goes to another caseworker of that school, each case recorded.
 */
export function ReassignCases({
  user,
  schoolName,
}: {
  user: User;
  schoolName: (id: string) => string;
}) {
  const { t } = useTranslation('reassign');
  const schools = user.schoolIds.filter((id) => schoolName(id));
  const [open, setOpen] = useState(false);
  const [schoolId, setSchoolId] = useState(schools[0] ?? '');
  const [people, setPeople] = useState<User[] | null>(null);
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const id = `reassign-${user.id}`;

  useEffect(() => {
    if (!open || !schoolId) return;
    let live = true;
    setPeople(null);
    void caseworkersOf(schoolId, user.id).then((found) => {
      if (live) setPeople(found);
    });
    return () => {
      live = false;
    };
  }, [open, schoolId, user.id]);

  if (schools.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    const words = reason.trim();
    const problems: FieldError[] = [];
    if (!toUserId) problems.push({ field: `${id}-to`, message: t('noTarget') });
    if (!words) problems.push({ field: `${id}-reason`, message: t('noReason') });
    else if (words.length > REASON_MAX) {
      problems.push({ field: `${id}-reason`, message: t('tooLong', { max: REASON_MAX }) });
    }
    if (problems.length > 0) return setErrors(problems);
    setBusy(true);
    const { data, error } = await api
      .POST('/api/v1/users/{id}/reassign-cases', {
        params: { path: { id: user.id } },
        body: { toUserId, schoolId, reason: words },
      })
      .catch(() => ({ data: undefined, error: undefined }));
    setBusy(false);
    if (!data) {
      return setErrors(
        apiFieldErrors(
          error,
          t('failed'),
          fieldsByPattern([
            [/toUserId/, `${id}-to`],
            [/reason/, `${id}-reason`],
          ]),
        ),
      );
    }
    setErrors([]);
    setReason('');
    const to = people?.find((person) => person.id === toUserId)?.displayName ?? '';
    setStatus(
      data.moved === 0
        ? t('nothing', { name: user.displayName })
        : t('moved', {
            count: data.moved,
            name: to,
            references: data.cases.map((item) => item.reference).join(', '),
          }) +
            (data.followUpsMoved > 0 ? ` ${t('followUps', { count: data.followUpsMoved })}` : ''),
    );
  };

  return (
    <div className="reassign">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          setErrors([]);
        }}
      >
        {t('open', { name: user.displayName })}
      </button>
      {open && (
        <form onSubmit={(event) => void submit(event)} noValidate className="stack reveal">
          <p className="hint">{t('lead', { name: user.displayName })}</p>
          <ErrorSummary errors={errors} />
          {schools.length > 1 && (
            <SelectField
              id={`${id}-school`}
              label={t('school')}
              value={schoolId}
              onChange={(event) => {
                setSchoolId(event.target.value);
                setToUserId('');
              }}
              options={schools.map((school) => ({ value: school, label: schoolName(school) }))}
            />
          )}
          <SelectField
            id={`${id}-to`}
            label={t('to')}
            value={toUserId}
            error={errorFor(errors, `${id}-to`)}
            disabled={!people}
            onChange={(event) => setToUserId(event.target.value)}
            options={[
              { value: '', label: people ? t('choose') : t('loading') },
              ...(people ?? []).map((person) => ({
                value: person.id,
                label: person.displayName,
              })),
            ]}
          />
          <TextArea
            id={`${id}-reason`}
            label={t('reason')}
            hint={t('reasonHint')}
            rows={2}
            value={reason}
            error={errorFor(errors, `${id}-reason`)}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="button-row compact">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('moving') : t('submit')}
            </button>
          </div>
        </form>
      )}
      <p role="status" className={status ? 'notice ok' : undefined}>
        {status}
      </p>
    </div>
  );
}
