import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../../lib/api-client';
import { apiFieldErrors } from '../forms/api-errors';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import type { User } from './admin-api';

type Link = Schemas['GuardianshipListItemDto'];

/** Every account of a role in a school, for the pickers (a page of 100, by username). */
function useAccounts(role: 'student' | 'parent', schoolId: string) {
  const [accounts, setAccounts] = useState<User[]>([]);
  useEffect(() => {
    if (!schoolId) return setAccounts([]);
    let live = true;
    void api
      .GET('/api/v1/users', { params: { query: { role, schoolId, limit: 100 } } })
      .then(({ data }) => live && setAccounts(data?.items.filter((user) => !user.disabled) ?? []))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [role, schoolId]);
  return accounts;
}

/** Pick a student: see who their guardians are, link a parent, unlink one. */
export function GuardiansPanel({ schools }: { schools: { id: string; name: string }[] }) {
  const { t } = useTranslation('admin');
  const [schoolId, setSchoolId] = useState(schools.length === 1 ? schools[0].id : '');
  const chosenSchool = schoolId || (schools.length === 1 ? schools[0].id : '');
  const students = useAccounts('student', chosenSchool);
  const parents = useAccounts('parent', chosenSchool);
  const [studentId, setStudentId] = useState('');
  const [parentId, setParentId] = useState('');
  const [links, setLinks] = useState<Link[] | undefined>(undefined);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    if (!studentId) return setLinks(undefined);
    const { data } = await api.GET('/api/v1/guardianships', {
      params: { query: { studentId } },
    });
    setLinks(data?.items ?? []);
  }, [studentId]);
  useEffect(() => {
    void load().catch(() => setLinks([]));
  }, [load]);

  const student = students.find((candidate) => candidate.id === studentId);

  const link = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    if (!parentId) {
      setErrors([{ field: 'guardian-parent', message: t('guardians.parentMissing') }]);
      return;
    }
    const { data, error } = await api.POST('/api/v1/guardianships', {
      body: { parentId, studentId },
    });
    if (!data) {
      setErrors(apiFieldErrors(error, t('guardians.failed'), 'guardian-parent'));
      return;
    }
    setErrors([]);
    const parent = parents.find((candidate) => candidate.id === parentId);
    setStatus(
      t('guardians.linked', { parent: parent?.displayName, student: student?.displayName }),
    );
    setParentId('');
    await load();
  };

  const unlink = async (item: Link) => {
    setStatus('');
    const { response } = await api.DELETE('/api/v1/guardianships/{id}', {
      params: { path: { id: item.id } },
    });
    if (!response.ok) {
      setErrors([{ message: t('guardians.failed') }]);
      return;
    }
    setErrors([]);
    setStatus(
      t('guardians.unlinked', {
        parent: item.parent.displayName,
        student: item.student.displayName,
      }),
    );
    await load();
  };

  return (
    <section className="panel" aria-labelledby="guardians-title">
      <h2 id="guardians-title">{t('guardians.title')}</h2>
      <p className="hint">{t('guardians.lead')}</p>
      <ErrorSummary errors={errors} />
      <div className="stack">
        {schools.length > 1 && (
          <SelectField
            id="guardian-school"
            label={t('users.school')}
            options={[
              { value: '', label: t('create.chooseSchool') },
              ...schools.map((school) => ({ value: school.id, label: school.name })),
            ]}
            value={schoolId}
            onChange={(event) => {
              setSchoolId(event.target.value);
              setStudentId('');
            }}
          />
        )}
        <SelectField
          id="guardian-student"
          label={t('guardians.student')}
          options={[
            { value: '', label: t('guardians.chooseStudent') },
            ...students.map((user) => ({
              value: user.id,
              label: `${user.displayName} (${user.username})`,
            })),
          ]}
          value={studentId}
          onChange={(event) => {
            setStudentId(event.target.value);
            setErrors([]);
            setStatus('');
          }}
        />
        {student && links && (
          <>
            <h3>{t('guardians.of', { name: student.displayName })}</h3>
            {links.length === 0 ? (
              <p>{t('guardians.none')}</p>
            ) : (
              <ul className="plain-list guardian-list">
                {links.map((item) => (
                  <li key={item.id}>
                    <span>
                      {item.parent.displayName} ({item.parent.username})
                    </span>
                    <button
                      type="button"
                      className="button danger"
                      onClick={() => void unlink(item)}
                    >
                      {t('guardians.unlink', { name: item.parent.displayName })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form onSubmit={(event) => void link(event)} noValidate className="stack">
              <SelectField
                id="guardian-parent"
                label={t('guardians.parent')}
                options={[
                  { value: '', label: t('guardians.chooseParent') },
                  ...parents
                    .filter((parent) => !links.some((item) => item.parentId === parent.id))
                    .map((user) => ({
                      value: user.id,
                      label: `${user.displayName} (${user.username})`,
                    })),
                ]}
                value={parentId}
                onChange={(event) => setParentId(event.target.value)}
                error={errorFor(errors, 'guardian-parent')}
              />
              <button type="submit" className="button primary">
                {t('guardians.link')}
              </button>
            </form>
          </>
        )}
        <p role="status" className={status ? 'notice ok' : undefined}>
          {status}
        </p>
      </div>
    </section>
  );
}
