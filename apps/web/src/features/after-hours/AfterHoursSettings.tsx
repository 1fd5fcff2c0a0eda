import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../../lib/api-client';
import { apiFieldErrors } from '../forms/api-errors';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import './after-hours.css';

type School = Schemas['SchoolDto'];

export const MAX_ON_CALL = 5;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Draft {
  opens: string;
  closes: string;
  onCall: { key: number; name: string; email: string }[];
}

let lastKey = 0;
const key = () => ++lastKey;

const draftOf = (school: School): Draft => ({
  opens: school.schoolHours.opens,
  closes: school.schoolHours.closes,
  onCall: school.onCallContacts.map((contact) => ({ key: key(), ...contact })),
});

/**
 * A school's hours (outside them reports and messages get the automatic
 * reply) and its on-call contacts (e-mailed when a report becomes critical
 * while the school is closed). Saved on their own with `PATCH /schools/:id`.
 */
export function AfterHoursSettings({
  school,
  onSaved,
}: {
  school: School;
  onSaved: (school: School) => void;
}) {
  const { t } = useTranslation('after-hours');
  const [draft, setDraft] = useState<Draft>(() => draftOf(school));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const updateOnCall = (index: number, patch: Partial<Draft['onCall'][number]>) =>
    set({ onCall: draft.onCall.map((c, i) => (i === index ? { ...c, ...patch } : c)) });

  const validate = (): FieldError[] => {
    const problems: FieldError[] = [];
    const opens = draft.opens.trim();
    const closes = draft.closes.trim();
    if (!HH_MM.test(opens)) problems.push({ field: 'hours-opens', message: t('hours.opensRule') });
    if (!HH_MM.test(closes))
      problems.push({ field: 'hours-closes', message: t('hours.closesRule') });
    else if (HH_MM.test(opens) && closes <= opens)
      problems.push({ field: 'hours-closes', message: t('hours.order') });
    draft.onCall.forEach((contact, index) => {
      const n = index + 1;
      if (!contact.name.trim())
        problems.push({
          field: `on-call-name-${contact.key}`,
          message: t('onCall.nameMissing', { n }),
        });
      if (!EMAIL.test(contact.email.trim()))
        problems.push({
          field: `on-call-email-${contact.key}`,
          message: t('onCall.emailRule', { n }),
        });
    });
    return problems;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    const problems = validate();
    setErrors(problems);
    if (problems.length > 0) return;
    setSending(true);
    const { data, error } = await api
      .PATCH('/api/v1/schools/{id}', {
        params: { path: { id: school.id } },
        body: {
          schoolHours: { opens: draft.opens.trim(), closes: draft.closes.trim() },
          onCallContacts: draft.onCall.map(({ name, email }) => ({
            name: name.trim(),
            email: email.trim(),
          })),
        },
      })
      .finally(() => setSending(false));
    if (!data) return setErrors(apiFieldErrors(error, t('settings.failed')));
    setDraft(draftOf(data));
    onSaved(data);
    setStatus(t('settings.saved'));
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate className="stack">
      <section className="panel" aria-labelledby="after-hours-title">
        <h2 id="after-hours-title">{t('settings.title')}</h2>
        <ErrorSummary errors={errors} />
        <fieldset className="settings-fieldset">
          <legend>{t('hours.legend')}</legend>
          <p className="hint">{t('hours.hint')}</p>
          <div className="settings-row">
            <TextField
              id="hours-opens"
              label={t('hours.opens')}
              type="time"
              className="short"
              value={draft.opens}
              onChange={(event) => set({ opens: event.target.value })}
              error={errorFor(errors, 'hours-opens')}
            />
            <TextField
              id="hours-closes"
              label={t('hours.closes')}
              type="time"
              className="short"
              value={draft.closes}
              onChange={(event) => set({ closes: event.target.value })}
              error={errorFor(errors, 'hours-closes')}
            />
          </div>
        </fieldset>
        <fieldset className="settings-fieldset">
          <legend>{t('onCall.legend')}</legend>
          <p className="hint">{t('onCall.hint')}</p>
          {draft.onCall.length === 0 && <p>{t('onCall.none')}</p>}
          {draft.onCall.map((contact, index) => (
            <fieldset key={contact.key} className="admin-row">
              <legend>{t('onCall.legendOf', { n: index + 1 })}</legend>
              <TextField
                id={`on-call-name-${contact.key}`}
                label={t('onCall.name')}
                value={contact.name}
                maxLength={100}
                autoComplete="off"
                onChange={(event) => updateOnCall(index, { name: event.target.value })}
                error={errorFor(errors, `on-call-name-${contact.key}`)}
              />
              <TextField
                id={`on-call-email-${contact.key}`}
                label={t('onCall.email')}
                type="email"
                value={contact.email}
                maxLength={254}
                autoComplete="off"
                onChange={(event) => updateOnCall(index, { email: event.target.value })}
                error={errorFor(errors, `on-call-email-${contact.key}`)}
              />
              <button
                type="button"
                className="link-button"
                onClick={() => set({ onCall: draft.onCall.filter((_, i) => i !== index) })}
              >
                {t('onCall.remove', {
                  name: contact.name.trim() || t('onCall.legendOf', { n: index + 1 }),
                })}
              </button>
            </fieldset>
          ))}
          {draft.onCall.length < MAX_ON_CALL && (
            <button
              type="button"
              className="button"
              onClick={() =>
                set({ onCall: [...draft.onCall, { key: key(), name: '', email: '' }] })
              }
            >
              {t('onCall.add')}
            </button>
          )}
        </fieldset>
        <button type="submit" className="button primary" disabled={sending}>
          {t('settings.save')}
        </button>
        <p role="status" className={status ? 'notice ok' : undefined}>
          {status}
        </p>
      </section>
    </form>
  );
}
