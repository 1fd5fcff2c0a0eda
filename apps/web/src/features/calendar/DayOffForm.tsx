import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, fieldsByPattern } from '../forms/api-errors';
import { schoolDay } from '../../lib/school-days';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import type { DayOffFields } from './calendar-api';
import { isIsoDate } from './calendar-dates';

const NAME_MAX = 100;

/** Which field a message of the API is about, so the summary links to it. */
const fieldOf = fieldsByPattern([
  [/^name\b/, 'day-off-name'],
  [/^from\b/, 'day-off-from'],
  [/^to\b|spans/, 'day-off-to'],
]);

/**
 * Adds a day off: a name and the first and last day. "Just today" fills both
 * days with today in the school's time zone, for a snow day.
 */
export function DayOffForm({
  timeZone,
  onAdd,
}: {
  timeZone: string;
  /** Answers the API's messages when it refused, else nothing. */
  onAdd: (fields: DayOffFields) => Promise<string[]>;
}) {
  const { t } = useTranslation('calendar');
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const errors = useMemo(() => problems, [problems]);

  const justToday = () => {
    const today = schoolDay(new Date(), timeZone);
    setFrom(today);
    setTo(today);
    if (!name.trim()) setName(t('snowDay'));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const trimmed = name.trim();
    if (!trimmed) found.push({ field: 'day-off-name', message: t('errors.nameMissing') });
    else if (trimmed.length > NAME_MAX)
      found.push({ field: 'day-off-name', message: t('errors.nameTooLong', { max: NAME_MAX }) });
    if (!isIsoDate(from)) found.push({ field: 'day-off-from', message: t('errors.fromMissing') });
    const lastDay = to || from;
    if (!isIsoDate(lastDay)) found.push({ field: 'day-off-to', message: t('errors.toMissing') });
    else if (isIsoDate(from) && lastDay < from)
      found.push({ field: 'day-off-to', message: t('errors.toBeforeFrom') });
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    setSending(true);
    const refused = await onAdd({ name: trimmed, from, to: lastDay });
    setSending(false);
    setProblems(fieldErrors(refused, fieldOf));
    if (refused.length === 0) {
      setName('');
      setFrom('');
      setTo('');
    }
  };

  return (
    <section className="panel" aria-labelledby="add-day-off-title">
      <h2 id="add-day-off-title">{t('addTitle')}</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <TextField
          id="day-off-name"
          label={t('name')}
          hint={t('nameHint')}
          value={name}
          maxLength={NAME_MAX}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
          error={errorFor(errors, 'day-off-name')}
        />
        <div className="calendar-dates">
          <TextField
            id="day-off-from"
            label={t('from')}
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            error={errorFor(errors, 'day-off-from')}
          />
          <TextField
            id="day-off-to"
            label={t('to')}
            hint={t('toHint')}
            type="date"
            value={to}
            min={from || undefined}
            onChange={(event) => setTo(event.target.value)}
            error={errorFor(errors, 'day-off-to')}
          />
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={justToday}>
            {t('justToday')}
          </button>
          <button type="submit" className="button primary" disabled={sending}>
            {t('add')}
          </button>
        </div>
      </form>
    </section>
  );
}
