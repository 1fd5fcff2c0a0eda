import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../lib/auth';
import { useDateWords } from '../../lib/dates';
import { isDate, today } from '../../lib/local-dates';
import { fieldErrors } from '../forms/api-errors';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import { TextArea } from '../forms/TextArea';
import { TextField } from '../forms/TextField';
import type { ActionType, Assignee } from './casework-api';
import { followUps, loadFollowUps, type FollowUp, type FollowUpOutcome } from './follow-ups-api';
import { ACTION_TYPES } from './Interventions';
import './follow-ups.css';

const TEXT_MAX = 5000;
const REASON_MAX = 1000;

/** When a follow-up of day `day` was done: now for today, else midday of that day. */
const doneAt = (day: string): string => {
  if (day === today()) return new Date().toISOString();
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12).toISOString();
};

/** A planned day (yyyy-mm-dd) as a date for the page's words, at midday so no zone moves it. */
const middayOf = (day: string) => `${day}T12:00:00`;

type Open = { id: string; mode: 'done' | 'cancel' } | null;

/**
 * Planned follow-ups of a case ("a check-in in two weeks"): the plan form
 * (what, which day, who), the planned ones with Done and Cancel, and what
 * became of the others. Their owner is reminded on the morning of the day.
 */
export function FollowUps({
  incidentId,
  assignees,
  onChanged,
}: {
  incidentId: string;
  assignees: Assignee[] | null;
  onChanged: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation('follow-ups');
  const dates = useDateWords();
  const me = useProfile();
  const [list, setList] = useState<FollowUp[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [type, setType] = useState<ActionType | ''>('');
  const [description, setDescription] = useState('');
  const [day, setDay] = useState('');
  const [ownerId, setOwnerId] = useState(me.id);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<Open>(null);

  const refresh = useCallback(async () => {
    const fresh = await loadFollowUps(incidentId);
    setFailed(!fresh);
    if (fresh) setList(fresh);
  }, [incidentId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const typeName = (value: string) => t(`casework:actionType.${value}`);
  const owners = assignees ?? [{ id: me.id, displayName: me.displayName, role: 'counselor' }];

  const plan = async (event: FormEvent) => {
    event.preventDefault();
    const words = description.trim();
    const problems: FieldError[] = [];
    if (!type) problems.push({ field: 'follow-up-type', message: t('plan.noType') });
    if (!words) problems.push({ field: 'follow-up-description', message: t('plan.missing') });
    else if (words.length > TEXT_MAX) {
      problems.push({ field: 'follow-up-description', message: t('tooLong', { max: TEXT_MAX }) });
    }
    if (!isDate(day) || day < today()) {
      problems.push({ field: 'follow-up-day', message: t('plan.badDay') });
    }
    if (problems.length > 0 || !type) return setErrors(problems);
    setBusy(true);
    const outcome = await followUps.plan(incidentId, {
      type,
      description: words,
      scheduledFor: day,
      ...(ownerId !== me.id ? { ownerId } : {}),
    });
    setBusy(false);
    if (outcome.kind !== 'done') return setErrors(refusal(outcome, t('plan.refused')));
    setErrors([]);
    setType('');
    setDescription('');
    setDay('');
    setOwnerId(me.id);
    await refresh();
    await onChanged(t('plan.added', { type: typeName(type), day: dates.day(middayOf(day)) }));
  };

  const planned = (list ?? []).filter((item) => item.status === 'planned');
  const past = (list ?? []).filter((item) => item.status !== 'planned');

  return (
    <section aria-labelledby="follow-ups-title" className="panel follow-ups">
      <h2 id="follow-ups-title">{t('title')}</h2>
      {failed && <p className="notice warn">{t('failed')}</p>}
      {list && planned.length === 0 && <p>{t('none')}</p>}
      {planned.length > 0 && (
        <ul className="plain-list follow-up-list" aria-label={t('plannedList')}>
          {planned.map((item) => (
            <li key={item.id}>
              <p>
                <strong>{typeName(item.type)}</strong>
                {' · '}
                <time dateTime={item.scheduledFor}>{dates.day(middayOf(item.scheduledFor))}</time>
                {' · '}
                {t('owner', { name: item.owner.displayName })}
              </p>
              <p className="pre-wrap">{item.description}</p>
              {open?.id === item.id ? (
                open.mode === 'done' ? (
                  <CompleteForm
                    item={item}
                    onClose={() => setOpen(null)}
                    onDone={async (message) => {
                      setOpen(null);
                      await refresh();
                      await onChanged(message);
                    }}
                    incidentId={incidentId}
                  />
                ) : (
                  <CancelForm
                    item={item}
                    onClose={() => setOpen(null)}
                    onDone={async (message) => {
                      setOpen(null);
                      await refresh();
                      await onChanged(message);
                    }}
                    incidentId={incidentId}
                  />
                )
              ) : (
                <div className="follow-up-buttons">
                  <button
                    type="button"
                    className="button"
                    aria-label={`${t('done.open')}: ${typeName(item.type)}`}
                    onClick={() => setOpen({ id: item.id, mode: 'done' })}
                  >
                    {t('done.open')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    aria-label={`${t('cancel.open')}: ${typeName(item.type)}`}
                    onClick={() => setOpen({ id: item.id, mode: 'cancel' })}
                  >
                    {t('cancel.open')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details className="follow-up-past">
          <summary>{t('past', { count: past.length })}</summary>
          <ul className="plain-list follow-up-list">
            {past.map((item) => (
              <li key={item.id}>
                <strong>{typeName(item.type)}</strong>
                {' · '}
                {item.status === 'done' && item.takenAt
                  ? t('doneOn', { when: dates.moment(item.takenAt) })
                  : t('cancelledBecause', { reason: item.cancelReason ?? '' })}
              </li>
            ))}
          </ul>
        </details>
      )}
      <form className="stack" noValidate onSubmit={(event) => void plan(event)}>
        <h3>{t('plan.title')}</h3>
        <p className="hint">{t('plan.lead')}</p>
        <ErrorSummary errors={errors} />
        <SelectField
          id="follow-up-type"
          label={t('plan.type')}
          value={type}
          error={errorFor(errors, 'follow-up-type')}
          onChange={(event) => setType(event.target.value as ActionType | '')}
          options={[
            { value: '', label: t('plan.choose') },
            ...ACTION_TYPES.map((value) => ({ value, label: typeName(value) })),
          ]}
        />
        <TextArea
          id="follow-up-description"
          label={t('plan.description')}
          rows={2}
          value={description}
          error={errorFor(errors, 'follow-up-description')}
          onChange={(event) => setDescription(event.target.value)}
        />
        <TextField
          id="follow-up-day"
          type="date"
          label={t('plan.day')}
          hint={t('plan.dayHint')}
          value={day}
          min={today()}
          error={errorFor(errors, 'follow-up-day')}
          onChange={(event) => setDay(event.target.value)}
        />
        <SelectField
          id="follow-up-owner"
          label={t('plan.owner')}
          value={ownerId}
          onChange={(event) => setOwnerId(event.target.value)}
          options={owners.map((person) => ({
            value: person.id,
            label:
              person.id === me.id ? t('plan.me', { name: person.displayName }) : person.displayName,
          }))}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('saving') : t('plan.submit')}
        </button>
      </form>
    </section>
  );
}

function refusal(outcome: FollowUpOutcome, fallback: string): FieldError[] {
  if (outcome.kind === 'refused' && outcome.messages.length > 0) {
    return fieldErrors(outcome.messages);
  }
  return [{ message: fallback }];
}

interface ItemFormProps {
  incidentId: string;
  item: FollowUp;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}

function CompleteForm({ incidentId, item, onClose, onDone }: ItemFormProps) {
  const { t } = useTranslation('follow-ups');
  const [day, setDay] = useState(today());
  const [words, setWords] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const id = `follow-up-${item.id}`;
  // The keyboard goes to the form that just opened.
  useEffect(() => document.getElementById(`${id}-day`)?.focus(), [id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!isDate(day) || day > today()) {
      problems.push({ field: `${id}-day`, message: t('done.badDay') });
    }
    if (words.trim().length > TEXT_MAX) {
      problems.push({ field: `${id}-what`, message: t('tooLong', { max: TEXT_MAX }) });
    }
    if (problems.length > 0) return setErrors(problems);
    setBusy(true);
    const outcome = await followUps.complete(incidentId, item.id, {
      takenAt: doneAt(day),
      ...(words.trim() ? { description: words.trim() } : {}),
    });
    setBusy(false);
    if (outcome.kind !== 'done') return setErrors(refusal(outcome, t('done.refused')));
    await onDone(t('done.saved', { type: t(`casework:actionType.${item.type}`) }));
  };

  return (
    <form className="stack follow-up-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} />
      <TextField
        id={`${id}-day`}
        type="date"
        label={t('done.day')}
        value={day}
        max={today()}
        error={errorFor(errors, `${id}-day`)}
        onChange={(event) => setDay(event.target.value)}
      />
      <TextArea
        id={`${id}-what`}
        label={t('done.what')}
        hint={t('done.whatHint')}
        rows={2}
        value={words}
        error={errorFor(errors, `${id}-what`)}
        onChange={(event) => setWords(event.target.value)}
      />
      <div className="follow-up-buttons">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('saving') : t('done.submit')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('back')}
        </button>
      </div>
    </form>
  );
}

function CancelForm({ incidentId, item, onClose, onDone }: ItemFormProps) {
  const { t } = useTranslation('follow-ups');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const id = `follow-up-${item.id}-reason`;
  useEffect(() => document.getElementById(id)?.focus(), [id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const words = reason.trim();
    if (!words) return setErrors([{ field: id, message: t('cancel.missing') }]);
    if (words.length > REASON_MAX) {
      return setErrors([{ field: id, message: t('tooLong', { max: REASON_MAX }) }]);
    }
    setBusy(true);
    const outcome = await followUps.cancel(incidentId, item.id, words);
    setBusy(false);
    if (outcome.kind !== 'done') return setErrors(refusal(outcome, t('cancel.refused')));
    await onDone(t('cancel.saved', { type: t(`casework:actionType.${item.type}`) }));
  };

  return (
    <form className="stack follow-up-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} />
      <TextArea
        id={id}
        label={t('cancel.reason')}
        rows={2}
        value={reason}
        error={errorFor(errors, id)}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="follow-up-buttons">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('saving') : t('cancel.submit')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('back')}
        </button>
      </div>
    </form>
  );
}
