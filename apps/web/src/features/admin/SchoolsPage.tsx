import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../lib/api-client';
import { apiFieldErrors } from '../forms/api-errors';
import { isDistrictAdmin } from '../../lib/roles';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { RoleOnly } from '../layout/RoleOnly';
import {
  RESOLVE_DAYS,
  schoolDays,
  schoolHref,
  timeZones,
  TRIAGE_DAYS,
  useAdminSchools,
  validateSchoolDraft,
  type School,
} from './admin-api';
import { SelectField } from '../forms/SelectField';
import { DistrictCrisisContacts } from '../after-hours/DistrictCrisisContacts';
import './admin.css';

function CreateSchoolForm({ onCreated }: { onCreated: (school: School) => void }) {
  const { t } = useTranslation('admin');
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = useMemo(() => timeZones(browserZone), [browserZone]);
  const empty = { name: '', code: '', timeZone: browserZone, triage: '1', resolve: '10' };
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');
  const set = (patch: Partial<typeof empty>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    const code = draft.code.trim().toUpperCase();
    const problems = validateSchoolDraft(draft, {
      name: 'new-school-name',
      code: 'new-school-code',
      triage: 'new-school-triage',
      resolve: 'new-school-resolve',
    }).map(({ field, message }) => ({ field, message: t(message) }));
    setErrors(problems);
    const triage = schoolDays(draft.triage, TRIAGE_DAYS);
    const resolve = schoolDays(draft.resolve, RESOLVE_DAYS);
    if (problems.length > 0 || triage === undefined || resolve === undefined) return;
    const { data, error } = await api.POST('/api/v1/schools', {
      body: {
        name: draft.name.trim(),
        code,
        timeZone: draft.timeZone,
        policy: { triageSchoolDays: triage, resolveSchoolDays: resolve },
      },
    });
    if (!data) {
      setErrors(
        apiFieldErrors(error, t('schools.failed'), (message) =>
          /code/i.test(message) ? 'new-school-code' : undefined,
        ),
      );
      return;
    }
    onCreated(data);
    setDraft(empty);
    setStatus(t('schools.created', { name: data.name, code: data.code }));
  };

  return (
    <section className="panel" aria-labelledby="new-school-title">
      <h2 id="new-school-title">{t('schools.createTitle')}</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <TextField
          id="new-school-name"
          label={t('settings.name')}
          value={draft.name}
          maxLength={200}
          onChange={(event) => set({ name: event.target.value })}
          error={errorFor(errors, 'new-school-name')}
        />
        <TextField
          id="new-school-code"
          label={t('settings.code')}
          hint={t('settings.codeHint')}
          className="short"
          value={draft.code}
          maxLength={16}
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(event) => set({ code: event.target.value })}
          error={errorFor(errors, 'new-school-code')}
        />
        <SelectField
          id="new-school-time-zone"
          label={t('settings.timeZone')}
          hint={t('settings.timeZoneHint')}
          options={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
          value={draft.timeZone}
          onChange={(event) => set({ timeZone: event.target.value })}
        />
        <TextField
          id="new-school-triage"
          label={t('settings.triage')}
          hint={t('settings.triageHint')}
          inputMode="numeric"
          className="short"
          value={draft.triage}
          onChange={(event) => set({ triage: event.target.value })}
          error={errorFor(errors, 'new-school-triage')}
        />
        <TextField
          id="new-school-resolve"
          label={t('settings.resolve')}
          hint={t('settings.resolveHint')}
          inputMode="numeric"
          className="short"
          value={draft.resolve}
          onChange={(event) => set({ resolve: event.target.value })}
          error={errorFor(errors, 'new-school-resolve')}
        />
        <button type="submit" className="button primary">
          {t('schools.create')}
        </button>
        <p role="status" className={status ? 'notice ok' : undefined}>
          {status}
        </p>
      </form>
    </section>
  );
}

function SchoolsContent() {
  const { t } = useTranslation('admin');
  const { schools, failed, reload } = useAdminSchools();
  return (
    <Page title={t('schools.title')}>
      {failed && <p className="notice warn">{t('loadFailed')}</p>}
      {!schools && !failed && <Loading />}
      {schools && (
        <ul className="plain-list school-list">
          {schools.map((school) => (
            <li key={school.id} className="panel">
              <h2>{school.name}</h2>
              <p className="user-facts">
                <span>{t('hub.codeLine', { code: school.code })}</span>
                <span>{school.timeZone.replaceAll('_', ' ')}</span>
              </p>
              <p className="button-row compact">
                <Link href={schoolHref('/admin/school', school.id)}>
                  {t('schools.edit', { name: school.name })}
                </Link>
                <Link href={schoolHref('/admin/users', school.id)}>
                  {t('schools.users', { name: school.name })}
                </Link>
                <Link href={schoolHref('/admin/poster', school.id)}>
                  {t('schools.poster', { name: school.name })}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <CreateSchoolForm onCreated={() => void reload()} />
      {schools?.[0] && <DistrictCrisisContacts districtId={schools[0].districtId} />}
    </Page>
  );
}

/** `/admin/schools`: the district's schools, and a new one. */
export default function SchoolsPage() {
  return (
    <RoleOnly allow={isDistrictAdmin}>
      <SchoolsContent />
    </RoleOnly>
  );
}
