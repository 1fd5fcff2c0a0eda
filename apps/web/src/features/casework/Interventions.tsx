import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateWords } from '../../lib/dates';
import { isDate, today } from '../../lib/local-dates';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import { TextArea } from '../forms/TextArea';
import { TextField } from '../forms/TextField';
import { recordAction, type ActionType, type TimelineEntry } from './casework-api';
import type { Drafts } from './drafts';

export const ACTION_TYPES: ActionType[] = [
  'counseling_session',
  'parent_conference',
  'safety_plan',
  'supervision_change',
  'disciplinary_referral',
  'peer_mediation',
  'law_enforcement_referral',
  'other',
];
const DESCRIPTION_MAX = 5000;

/** When an intervention of day `day` was taken: now for today, else midday of that day. */
const takenAt = (day: string): string => {
  if (day === today()) return new Date().toISOString();
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12).toISOString();
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The interventions recorded on the case (from its timeline), and a form to record one. */
export function Interventions({
  incidentId,
  timeline,
  drafts,
  onAdded,
}: {
  incidentId: string;
  timeline: TimelineEntry[];
  drafts: Drafts;
  onAdded: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation('casework');
  const dates = useDateWords();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  // Interventions recorded as done, and planned follow-ups marked done.
  const recorded = timeline.filter(
    (entry) => entry.type === 'action_recorded' || entry.type === 'follow_up_completed',
  );
  const type = drafts.get('action.type') as ActionType | '';
  const description = drafts.get('action.description');
  const day = drafts.get('action.day') || today();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const words = description.trim();
    const problems: FieldError[] = [];
    if (!type) problems.push({ field: 'action-type', message: t('action.noType') });
    if (!words) problems.push({ field: 'action-description', message: t('action.missing') });
    else if (words.length > DESCRIPTION_MAX) {
      problems.push({
        field: 'action-description',
        message: t('decide.tooLong', { max: DESCRIPTION_MAX }),
      });
    }
    if (!isDate(day) || day > today()) {
      problems.push({ field: 'action-day', message: t('action.badDay') });
    }
    if (problems.length > 0 || !type) return setErrors(problems);
    setBusy(true);
    const ok = await recordAction(incidentId, { type, description: words, takenAt: takenAt(day) });
    setBusy(false);
    if (!ok) return setErrors([{ message: t('action.refused') }]);
    setErrors([]);
    drafts.clear('action.type', 'action.description', 'action.day');
    await onAdded(t('action.added', { type: t(`actionType.${type}`) }));
  };

  return (
    <section aria-labelledby="actions-title" className="panel">
      <h2 id="actions-title">{t('action.title')}</h2>
      {recorded.length === 0 ? (
        <p>{t('action.none')}</p>
      ) : (
        <ul className="plain-list interventions">
          {recorded.map((entry) => (
            <li key={entry.id}>
              <strong>{t(`actionType.${text(entry.data.type) || 'other'}`)}</strong>
              {text(entry.data.takenAt) && (
                <>
                  {' · '}
                  <time dateTime={text(entry.data.takenAt)}>
                    {dates.moment(text(entry.data.takenAt))}
                  </time>
                </>
              )}
              {entry.actor && <> · {entry.actor.displayName}</>}
              <p className="pre-wrap">{text(entry.data.description)}</p>
            </li>
          ))}
        </ul>
      )}
      <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
        <h3>{t('action.record')}</h3>
        <ErrorSummary errors={errors} />
        <SelectField
          id="action-type"
          label={t('action.type')}
          value={type}
          error={errorFor(errors, 'action-type')}
          onChange={(event) => drafts.set('action.type', event.target.value)}
          options={[
            { value: '', label: t('action.choose') },
            ...ACTION_TYPES.map((value) => ({ value, label: t(`actionType.${value}`) })),
          ]}
        />
        <TextArea
          id="action-description"
          label={t('action.description')}
          rows={3}
          value={description}
          error={errorFor(errors, 'action-description')}
          onChange={(event) => drafts.set('action.description', event.target.value)}
        />
        <TextField
          id="action-day"
          type="date"
          label={t('action.day')}
          value={day}
          max={today()}
          error={errorFor(errors, 'action-day')}
          onChange={(event) => drafts.set('action.day', event.target.value)}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('decide.saving') : t('action.submit')}
        </button>
      </form>
    </section>
  );
}
