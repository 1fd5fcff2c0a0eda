import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { apiFieldErrors, fieldsByPattern } from '../forms/api-errors';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import { suggestPassword, type Role, type User } from './admin-api';
import { SelectField } from '../forms/SelectField';

interface Draft {
  username: string;
  displayName: string;
  role: Role | '';
  schoolId: string;
  password: string;
  email: string;
  locale: 'en' | 'es';
}

const USERNAME = /^[a-z0-9._-]{3,64}$/;

/** Which field an API message is about, so the error sits next to it. */
const fieldOf = fieldsByPattern([
  [/^[uU]sername/, 'new-username'],
  [/^password/, 'new-user-password'],
  [/^email/, 'new-email'],
  [/^displayName/, 'new-display-name'],
]);

/** Adds an account to a school: the roles offered are those the caller may create. */
export function CreateUserForm({
  roles,
  schools,
  onCreated,
}: {
  roles: Role[];
  schools: { id: string; name: string }[];
  onCreated: (user: User) => void;
}) {
  const { t } = useTranslation('admin');
  const empty = useMemo<Draft>(
    () => ({
      username: '',
      displayName: '',
      role: '',
      schoolId: schools.length === 1 ? schools[0].id : '',
      password: '',
      email: '',
      locale: 'en',
    }),
    [schools],
  );
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [created, setCreated] = useState('');
  const [sending, setSending] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const schoolId = draft.schoolId || (schools.length === 1 ? schools[0].id : '');
  const needsSchool = draft.role !== 'district_admin';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated('');
    const problems: FieldError[] = [];
    const username = draft.username.trim().toLowerCase();
    if (!USERNAME.test(username))
      problems.push({ field: 'new-username', message: t('create.usernameRule') });
    if (!draft.displayName.trim())
      problems.push({ field: 'new-display-name', message: t('create.nameMissing') });
    if (!draft.role) problems.push({ field: 'new-role', message: t('create.roleMissing') });
    if (needsSchool && !schoolId)
      problems.push({ field: 'new-school', message: t('create.schoolMissing') });
    if (draft.password.length < 12)
      problems.push({ field: 'new-user-password', message: t('create.passwordShort') });
    setErrors(problems);
    if (problems.length > 0 || !draft.role) return;
    setSending(true);
    const { data, error } = await api
      .POST('/api/v1/users', {
        body: {
          username,
          displayName: draft.displayName.trim(),
          role: draft.role,
          password: draft.password,
          schoolIds: needsSchool ? [schoolId] : [],
          locale: draft.locale,
          ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
        },
      })
      .finally(() => setSending(false));
    if (!data) {
      setErrors(apiFieldErrors(error, t('create.failed'), fieldOf));
      return;
    }
    onCreated(data);
    setCreated(
      t('create.done', {
        name: data.displayName,
        username: data.username,
        password: draft.password,
      }),
    );
    setDraft(empty);
  };

  return (
    <section className="panel" aria-labelledby="create-title">
      <h2 id="create-title">{t('create.title')}</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <TextField
          id="new-display-name"
          label={t('create.displayName')}
          autoComplete="off"
          value={draft.displayName}
          maxLength={200}
          onChange={(event) => set({ displayName: event.target.value })}
          error={errorFor(errors, 'new-display-name')}
        />
        <TextField
          id="new-username"
          label={t('create.username')}
          hint={t('create.usernameHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={draft.username}
          maxLength={64}
          onChange={(event) => set({ username: event.target.value })}
          error={errorFor(errors, 'new-username')}
        />
        <SelectField
          id="new-role"
          label={t('create.role')}
          options={[
            { value: '', label: t('create.chooseRole') },
            ...roles.map((role) => ({ value: role, label: t(`role.${role}`) })),
          ]}
          value={draft.role}
          onChange={(event) => set({ role: event.target.value as Role | '' })}
          error={errorFor(errors, 'new-role')}
        />
        {needsSchool && schools.length > 1 && (
          <SelectField
            id="new-school"
            label={t('create.school')}
            options={[
              { value: '', label: t('create.chooseSchool') },
              ...schools.map((school) => ({ value: school.id, label: school.name })),
            ]}
            value={draft.schoolId}
            onChange={(event) => set({ schoolId: event.target.value })}
            error={errorFor(errors, 'new-school')}
          />
        )}
        <TextField
          id="new-user-password"
          label={t('create.password')}
          hint={t('users.passwordHint')}
          autoComplete="new-password"
          value={draft.password}
          onChange={(event) => set({ password: event.target.value })}
          error={errorFor(errors, 'new-user-password')}
        />
        <button
          type="button"
          className="button"
          onClick={() => set({ password: suggestPassword() })}
        >
          {t('users.suggest')}
        </button>
        <TextField
          id="new-email"
          label={`${t('create.email')} ${t('common:form.optional')}`}
          type="email"
          autoComplete="off"
          value={draft.email}
          maxLength={254}
          onChange={(event) => set({ email: event.target.value })}
          error={errorFor(errors, 'new-email')}
        />
        <SelectField
          id="new-locale"
          label={t('create.language')}
          options={[
            { value: 'en', label: t('common:language.name.en') },
            { value: 'es', label: t('common:language.name.es') },
          ]}
          value={draft.locale}
          onChange={(event) => set({ locale: event.target.value as 'en' | 'es' })}
        />
        <button type="submit" className="button primary" disabled={sending}>
          {t('create.submit')}
        </button>
        <p role="status" className={created ? 'notice ok' : undefined}>
          {created}
        </p>
      </form>
    </section>
  );
}
