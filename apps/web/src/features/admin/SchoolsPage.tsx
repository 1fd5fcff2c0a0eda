import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, errorMessages } from '../../lib/api-client';
import { isDistrictAdmin } from '../../lib/roles';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { RoleOnly } from '../layout/RoleOnly';
import { schoolHref, useAdminSchools, type School } from './admin-api';
import { timeZones } from './SchoolSettingsForm';
import { SelectField } from './SelectField';
import './admin.css';

const CODE = /^[A-Z0-9][A-Z0-9-]{1,15}$/;

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
    const triage = Number(draft.triage);
    const resolve = Number(draft.resolve);
    const problems: FieldError[] = [];
    if (draft.name.trim().length < 2)
      problems.push({ field: 'new-school-name', message: t('settings.nameMissing') });
    if (!CODE.test(code))
      problems.push({ field: 'new-school-code', message: t('settings.codeRule') });
    if (!Number.isInteger(triage) || triage < 0 || triage > 60 || !draft.triage.trim())
      problems.push({ field: 'new-school-triage', message: t('settings.triageRule') });
    if (!Number.isInteger(resolve) || resolve < 1 || resolve > 120)
      problems.push({ field: 'new-school-resolve', message: t('settings.resolveRule') });
    setErrors(problems);
    if (problems.length > 0) return;
    const { data, error } = await api.POST('/api/v1/schools', {
      body: {
        name: draft.name.trim(),
        code,
        timeZone: draft.timeZone,
        policy: { triageSchoolDays: triage, resolveSchoolDays: resolve },
      },
    });
    if (!data) {
      const messages = errorMessages(error);
      setErrors(
        (messages.length > 0 ? messages : [t('schools.failed')]).map((message) => ({
          field: /code/i.test(message) ? 'new-school-code' : undefined,
          message,
        })),
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
