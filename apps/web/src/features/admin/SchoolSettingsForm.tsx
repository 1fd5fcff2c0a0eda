import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LOCATIONS } from '@incident-constants';
import { api, type Schemas } from '../../lib/api-client';
import { apiFieldErrors } from '../forms/api-errors';
import { Checkbox } from '../forms/Checkbox';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import { SelectField } from '../forms/SelectField';
import {
  RESOLVE_DAYS,
  SCHOOL_CODE,
  schoolDays,
  schoolHref,
  timeZones,
  TRIAGE_DAYS,
  validateSchoolDraft,
  type CrisisContact,
  type Place,
  type School,
} from './admin-api';

export const MAX_PLACES = 50;
export const PLACE_NAME_MAX = 80;
export const MAX_CONTACTS = 10;
const PHONE = /^(?=.*\d)[\d +().-]{3,40}$/;

interface Draft {
  name: string;
  code: string;
  timeZone: string;
  /** The admin has read that a new code makes the printed posters wrong. */
  posterUnderstood: boolean;
  triage: string;
  resolve: string;
  contacts: { key: number; name: string; phone: string; hours: string }[];
  places: { key: number; name: string; location: Place['location'] }[];
}

let lastKey = 0;
const key = () => ++lastKey;

function draftOf(school: School): Draft {
  return {
    name: school.name,
    code: school.code,
    timeZone: school.timeZone,
    posterUnderstood: false,
    triage: String(school.policy.triageSchoolDays),
    resolve: String(school.policy.resolveSchoolDays),
    contacts: school.crisisContacts.map((contact) => ({
      key: key(),
      name: contact.name,
      phone: contact.phone,
      hours: contact.hours ?? '',
    })),
    places: school.places.map((place) => ({ key: key(), ...place })),
  };
}

/**
 * A school's settings: the public code, the time zone, deadline policy, crisis
 * contacts, the places of the report form; for district admins also the name.
 * A new code asks the admin to confirm that the printed posters need replacing.
 */
export function SchoolSettingsForm({
  school,
  district,
  onSaved,
}: {
  school: School;
  district: boolean;
  onSaved: (school: School) => void;
}) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState<Draft>(() => draftOf(school));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  /** The code just saved when it changed: the poster to print again. */
  const [newCode, setNewCode] = useState<string | null>(null);
  const zones = useMemo(() => timeZones(school.timeZone), [school.timeZone]);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const locationOptions = LOCATIONS.map((value) => ({
    value,
    label: t(`common:location.${value}`),
  }));

  const code = draft.code.trim().toUpperCase();
  const codeChanged = code !== school.code;

  const validate = (): FieldError[] => {
    const problems: FieldError[] = validateSchoolDraft(draft, {
      ...(district ? { name: 'school-name' } : {}),
      code: 'school-code',
      triage: 'policy-triage',
      resolve: 'policy-resolve',
    }).map(({ field, message }) => ({ field, message: t(message) }));
    const codeBroken = problems.some((problem) => problem.field === 'school-code');
    if (!codeBroken && codeChanged && !draft.posterUnderstood)
      problems.push({ field: 'code-understood', message: t('settings.codeConfirmMissing') });
    draft.contacts.forEach((contact, index) => {
      const n = index + 1;
      if (!contact.name.trim())
        problems.push({
          field: `contact-name-${contact.key}`,
          message: t('contacts.nameMissing', { n }),
        });
      if (!PHONE.test(contact.phone.trim()))
        problems.push({
          field: `contact-phone-${contact.key}`,
          message: t('contacts.phoneRule', { n }),
        });
    });
    const seen = new Set<string>();
    draft.places.forEach((place, index) => {
      const n = index + 1;
      const name = place.name.trim();
      if (!name || name.length > PLACE_NAME_MAX)
        problems.push({
          field: `place-name-${place.key}`,
          message: t('places.nameRule', { n, max: PLACE_NAME_MAX }),
        });
      else if (seen.has(name.toLowerCase()))
        problems.push({ field: `place-name-${place.key}`, message: t('places.twice', { name }) });
      seen.add(name.toLowerCase());
    });
    return problems;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    setNewCode(null);
    const problems = validate();
    setErrors(problems);
    if (problems.length > 0) return;
    const body: Schemas['UpdateSchoolDto'] = {
      policy: {
        triageSchoolDays: schoolDays(draft.triage, TRIAGE_DAYS) ?? TRIAGE_DAYS.min,
        resolveSchoolDays: schoolDays(draft.resolve, RESOLVE_DAYS) ?? RESOLVE_DAYS.min,
      },
      crisisContacts: draft.contacts.map((contact): CrisisContact => ({
        name: contact.name.trim(),
        phone: contact.phone.trim(),
        hours: contact.hours.trim() || null,
      })),
      places: draft.places.map((place) => ({ name: place.name.trim(), location: place.location })),
      ...(district ? { name: draft.name.trim() } : {}),
      // Sent only when changed: a new time zone counts the open deadlines again.
      ...(codeChanged ? { code } : {}),
      ...(draft.timeZone !== school.timeZone ? { timeZone: draft.timeZone } : {}),
    };
    setSending(true);
    const { data, error } = await api
      .PATCH('/api/v1/schools/{id}', { params: { path: { id: school.id } }, body })
      .finally(() => setSending(false));
    if (!data) {
      setErrors(apiFieldErrors(error, t('settings.failed')));
      return;
    }
    setDraft(draftOf(data));
    onSaved(data);
    setStatus(t('settings.saved', { school: data.name }));
    if (data.code !== school.code) setNewCode(data.code);
  };

  const updateContact = (index: number, patch: Partial<Draft['contacts'][number]>) =>
    set({ contacts: draft.contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const updatePlace = (index: number, patch: Partial<Draft['places'][number]>) =>
    set({ places: draft.places.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  return (
    <form onSubmit={(event) => void save(event)} noValidate className="stack">
      <ErrorSummary errors={errors} />
      <section className="panel" aria-labelledby="identity-title">
        <h2 id="identity-title">{t('settings.identityTitle')}</h2>
        <div className="stack">
          {district && (
            <TextField
              id="school-name"
              label={t('settings.name')}
              value={draft.name}
              maxLength={200}
              onChange={(event) => set({ name: event.target.value })}
              error={errorFor(errors, 'school-name')}
            />
          )}
          <TextField
            id="school-code"
            label={t('settings.code')}
            hint={t('settings.codeHint')}
            value={draft.code}
            maxLength={16}
            autoCapitalize="characters"
            spellCheck={false}
            className="short"
            onChange={(event) => set({ code: event.target.value, posterUnderstood: false })}
            error={errorFor(errors, 'school-code')}
          />
          {codeChanged && SCHOOL_CODE.test(code) && (
            <div className="notice warn stack" id="code-warning">
              <p>{t('settings.codeWarning', { old: school.code, code })}</p>
              <Checkbox
                id="code-understood"
                label={t('settings.codeConfirm')}
                checked={draft.posterUnderstood}
                onChange={(event) => set({ posterUnderstood: event.target.checked })}
                error={errorFor(errors, 'code-understood')}
              />
            </div>
          )}
          <SelectField
            id="school-time-zone"
            label={t('settings.timeZone')}
            hint={t('settings.timeZoneHint')}
            options={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
            value={draft.timeZone}
            onChange={(event) => set({ timeZone: event.target.value })}
          />
        </div>
      </section>

      <section className="panel" aria-labelledby="policy-title">
        <h2 id="policy-title">{t('settings.policyTitle')}</h2>
        <p className="hint">{t('settings.policyLead')}</p>
        <div className="stack">
          <TextField
            id="policy-triage"
            label={t('settings.triage')}
            hint={t('settings.triageHint')}
            inputMode="numeric"
            className="short"
            value={draft.triage}
            onChange={(event) => set({ triage: event.target.value })}
            error={errorFor(errors, 'policy-triage')}
          />
          <TextField
            id="policy-resolve"
            label={t('settings.resolve')}
            hint={t('settings.resolveHint')}
            inputMode="numeric"
            className="short"
            value={draft.resolve}
            onChange={(event) => set({ resolve: event.target.value })}
            error={errorFor(errors, 'policy-resolve')}
          />
        </div>
      </section>

      <section className="panel" aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t('contacts.title')}</h2>
        <p className="hint">{t('contacts.lead', { max: MAX_CONTACTS })}</p>
        {draft.contacts.length === 0 && <p>{t('contacts.none')}</p>}
        {draft.contacts.map((contact, index) => (
          <fieldset key={contact.key} className="admin-row">
            <legend>{t('contacts.legend', { n: index + 1 })}</legend>
            <TextField
              id={`contact-name-${contact.key}`}
              label={t('contacts.name')}
              value={contact.name}
              maxLength={100}
              onChange={(event) => updateContact(index, { name: event.target.value })}
              error={errorFor(errors, `contact-name-${contact.key}`)}
            />
            <TextField
              id={`contact-phone-${contact.key}`}
              label={t('contacts.phone')}
              type="tel"
              value={contact.phone}
              maxLength={40}
              onChange={(event) => updateContact(index, { phone: event.target.value })}
              error={errorFor(errors, `contact-phone-${contact.key}`)}
            />
            <TextField
              id={`contact-hours-${contact.key}`}
              label={`${t('contacts.hours')} ${t('common:form.optional')}`}
              value={contact.hours}
              maxLength={100}
              onChange={(event) => updateContact(index, { hours: event.target.value })}
            />
            <button
              type="button"
              className="link-button"
              onClick={() => set({ contacts: draft.contacts.filter((_, i) => i !== index) })}
            >
              {t('contacts.remove', { n: index + 1 })}
            </button>
          </fieldset>
        ))}
        {draft.contacts.length < MAX_CONTACTS && (
          <button
            type="button"
            className="button"
            onClick={() =>
              set({ contacts: [...draft.contacts, { key: key(), name: '', phone: '', hours: '' }] })
            }
          >
            {t('contacts.add')}
          </button>
        )}
      </section>

      <section className="panel" aria-labelledby="places-title">
        <h2 id="places-title">{t('places.title')}</h2>
        <p className="hint">{t('places.lead', { max: MAX_PLACES })}</p>
        {draft.places.length === 0 && <p>{t('places.none')}</p>}
        {draft.places.map((place, index) => (
          <fieldset key={place.key} className="admin-row">
            <legend>{t('places.legend', { n: index + 1 })}</legend>
            <TextField
              id={`place-name-${place.key}`}
              label={t('places.name')}
              hint={t('places.nameHint')}
              value={place.name}
              maxLength={PLACE_NAME_MAX + 20}
              onChange={(event) => updatePlace(index, { name: event.target.value })}
              error={errorFor(errors, `place-name-${place.key}`)}
            />
            <SelectField
              id={`place-location-${place.key}`}
              label={t('places.location')}
              hint={t('places.locationHint')}
              options={locationOptions}
              value={place.location}
              onChange={(event) =>
                updatePlace(index, { location: event.target.value as Place['location'] })
              }
            />
            <button
              type="button"
              className="link-button"
              onClick={() => set({ places: draft.places.filter((_, i) => i !== index) })}
            >
              {t('places.remove', {
                name: place.name.trim() || t('places.legend', { n: index + 1 }),
              })}
            </button>
          </fieldset>
        ))}
        {draft.places.length < MAX_PLACES && (
          <button
            type="button"
            className="button"
            onClick={() =>
              set({ places: [...draft.places, { key: key(), name: '', location: 'classroom' }] })
            }
          >
            {t('places.add')}
          </button>
        )}
      </section>

      <button type="submit" className="button primary big" disabled={sending}>
        {t('settings.save')}
      </button>
      <p role="status" className={status ? 'notice ok' : undefined}>
        {status}
        {newCode && ` ${t('settings.codeSaved', { code: newCode })}`}
      </p>
      {newCode && (
        <p>
          <Link href={schoolHref('/admin/poster', district ? school.id : undefined)}>
            {t('settings.printNewPoster')}
          </Link>
        </p>
      )}
    </form>
  );
}
