import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { api } from '../../lib/api-client';
import { useProfile } from '../../lib/auth';
import { usePaged } from '../../lib/usePaged';
import { apiFieldErrors } from '../forms/api-errors';
import { isAdmin, isDistrictAdmin } from '../../lib/roles';
import { ErrorSummary, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { ShowMore } from '../layout/ShowMore';
import { RoleOnly } from '../layout/RoleOnly';
import {
  creatableRoles,
  SCHOOL_ROLES,
  suggestPassword,
  useAdminSchools,
  type Role,
  type User,
} from './admin-api';
import { CreateUserForm } from './CreateUserForm';
import { GuardiansPanel } from './GuardiansPanel';
import { ReassignCases, worksCases } from './ReassignCases';
import { SelectField } from '../forms/SelectField';
import './admin.css';

interface Filter {
  q: string;
  role: Role | '';
  schoolId: string;
}

/** One account in the list, with what an admin does to it: disable, enable, a new password. */
function UserRow({
  user,
  schoolName,
  onChanged,
}: {
  user: User;
  schoolName: (id: string) => string;
  onChanged: (user: User) => void;
}) {
  const { t } = useTranslation('admin');
  const profile = useProfile();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');
  const fieldId = `password-${user.id}`;

  const patch = async (body: { disabled?: boolean; password?: string }) => {
    const { data, error } = await api.PATCH('/api/v1/users/{id}', {
      params: { path: { id: user.id } },
      body,
    });
    if (!data) {
      setErrors(
        apiFieldErrors(
          error,
          t('users.changeFailed'),
          body.password !== undefined ? fieldId : undefined,
        ),
      );
      return false;
    }
    setErrors([]);
    onChanged(data);
    return true;
  };

  const toggle = async () => {
    setStatus('');
    if (await patch({ disabled: !user.disabled }))
      setStatus(user.disabled ? t('users.enabled') : t('users.disabledDone'));
  };

  const reset = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    if (!password) {
      setErrors([{ field: fieldId, message: t('users.passwordMissing') }]);
      return;
    }
    if (await patch({ password })) {
      setStatus(t('users.passwordReset', { name: user.displayName, password }));
      setResetting(false);
      setPassword('');
    }
  };

  const titleId = `user-${user.id}`;
  return (
    <li className="user-row" aria-labelledby={titleId}>
      <h3 id={titleId} className="user-name">
        {user.displayName}
        {user.disabled && (
          <span className="status-tag user-disabled">{t('users.disabledTag')}</span>
        )}
      </h3>
      <p className="user-facts">
        <span>{user.username}</span>
        <span>{t(`role.${user.role}`)}</span>
        {user.email && <span>{user.email}</span>}
        {user.schoolIds.length > 0 && <span>{user.schoolIds.map(schoolName).join(', ')}</span>}
      </p>
      <ErrorSummary errors={errors} />
      <div className="button-row compact">
        {user.id !== profile.id && (
          <button type="button" className="button" onClick={() => void toggle()}>
            {user.disabled
              ? t('users.enable', { name: user.displayName })
              : t('users.disable', { name: user.displayName })}
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-expanded={resetting}
          onClick={() => {
            setResetting(!resetting);
            setErrors([]);
          }}
        >
          {t('users.resetPassword', { name: user.displayName })}
        </button>
      </div>
      {resetting && (
        <form onSubmit={(event) => void reset(event)} noValidate className="stack reveal">
          <TextField
            id={fieldId}
            label={t('users.newPassword')}
            hint={t('users.passwordHint')}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.find((error) => error.field === fieldId)?.message}
          />
          <div className="button-row compact">
            <button type="button" className="button" onClick={() => setPassword(suggestPassword())}>
              {t('users.suggest')}
            </button>
            <button type="submit" className="button primary">
              {t('users.savePassword')}
            </button>
          </div>
        </form>
      )}
      <p role="status" className={status ? 'notice ok' : undefined}>
        {status}
      </p>
      {worksCases(user) && <ReassignCases user={user} schoolName={schoolName} />}
    </li>
  );
}

function UsersPageContent() {
  const { t } = useTranslation('admin');
  const profile = useProfile();
  const search = useSearch();
  const district = isDistrictAdmin(profile);
  const { schools: districtSchools } = useAdminSchools();
  const schools = useMemo(
    () => (district ? (districtSchools ?? []) : profile.schools),
    [district, districtSchools, profile.schools],
  );
  const initial = useMemo<Filter>(() => {
    const params = new URLSearchParams(search);
    const role = params.get('role') ?? '';
    return {
      q: '',
      role: ([...SCHOOL_ROLES, 'district_admin'] as string[]).includes(role) ? (role as Role) : '',
      schoolId: params.get('school') ?? '',
    };
  }, [search]);
  const [draft, setDraft] = useState<Filter>(initial);
  const [filter, setFilter] = useState<Filter>(initial);
  const users = usePaged<User>(
    async ({ cursor }) =>
      (
        await api.GET('/api/v1/users', {
          params: {
            query: {
              limit: 20,
              ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
              ...(filter.role ? { role: filter.role } : {}),
              ...(filter.schoolId ? { schoolId: filter.schoolId } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        })
      ).data,
    // Each search sets a new filter, so searching again reloads.
    [filter],
  );

  const schoolName = (id: string) => schools.find((school) => school.id === id)?.name ?? '';
  const replace = (changed: User) =>
    users.update((current) => current.map((user) => (user.id === changed.id ? changed : user)));
  const roleOptions = [
    { value: '', label: t('users.anyRole') },
    ...(district ? [...SCHOOL_ROLES, 'district_admin' as const] : SCHOOL_ROLES).map((role) => ({
      value: role,
      label: t(`role.${role}`),
    })),
  ];

  return (
    <Page title={t('users.title')}>
      <section className="panel" aria-labelledby="find-title">
        <h2 id="find-title">{t('users.findTitle')}</h2>
        <form
          role="search"
          aria-labelledby="find-title"
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            setFilter({ ...draft });
          }}
        >
          <TextField
            id="user-search"
            label={t('users.search')}
            hint={t('users.searchHint')}
            type="search"
            value={draft.q}
            maxLength={100}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          />
          <SelectField
            id="user-role"
            label={t('users.role')}
            options={roleOptions}
            value={draft.role}
            onChange={(event) => setDraft({ ...draft, role: event.target.value as Role | '' })}
          />
          {schools.length > 1 && (
            <SelectField
              id="user-school"
              label={t('users.school')}
              options={[
                { value: '', label: t('users.anySchool') },
                ...schools.map((school) => ({ value: school.id, label: school.name })),
              ]}
              value={draft.schoolId}
              onChange={(event) => setDraft({ ...draft, schoolId: event.target.value })}
            />
          )}
          <button type="submit" className="button primary">
            {t('users.find')}
          </button>
        </form>
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title">{t('users.resultsTitle')}</h2>
        {users.failed && users.items?.length === 0 && (
          <p className="notice warn">{t('loadFailed')}</p>
        )}
        {!users.items && <Loading />}
        {users.items && !(users.failed && users.items.length === 0) && (
          <p role="status">
            {users.items.length === 0
              ? t('users.none')
              : t('users.count', { count: users.items.length })}
          </p>
        )}
        {users.items && users.items.length > 0 && (
          <ul className="plain-list user-list">
            {users.items.map((user) => (
              <UserRow key={user.id} user={user} schoolName={schoolName} onChanged={replace} />
            ))}
          </ul>
        )}
        <ShowMore
          hasMore={users.hasMore}
          loadingMore={users.loadingMore}
          failed={users.failed && users.items !== undefined && users.items.length > 0}
          onMore={users.loadMore}
          labels={{
            more: t('users.more'),
            loading: t('users.loadingMore'),
            failed: t('users.moreFailed'),
          }}
        />
      </section>

      <CreateUserForm
        roles={creatableRoles(profile.role)}
        schools={schools}
        onCreated={(user) => users.update((current) => [user, ...current])}
      />
      <GuardiansPanel schools={schools} />
    </Page>
  );
}

/** `/admin/users`: a school's accounts (district admins: the district's), found, added, changed. */
export default function UsersPage() {
  return (
    <RoleOnly allow={isAdmin}>
      <UsersPageContent />
    </RoleOnly>
  );
}
