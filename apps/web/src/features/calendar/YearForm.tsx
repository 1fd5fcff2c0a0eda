import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, fieldsByPattern } from '../forms/api-errors';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import type { SchoolCalendar } from './calendar-api';
import { dayInWords, isIsoDate } from './calendar-dates';

type Year = { startsOn: string; endsOn: string; nextStartsOn: string | null };

/** Which field a message of the API is about, so the summary links to it. */
const fieldOf = fieldsByPattern([
  [/^startsOn\b/, 'year-starts'],
  [/^endsOn\b|400 days/, 'year-ends'],
  [/^nextStartsOn\b/, 'year-next'],
]);

/** The school year: shown in words, and changed with three dates. */
export function YearForm({
  year,
  onSave,
}: {
  year: SchoolCalendar['year'];
  onSave: (year: Year) => Promise<string[]>;
}) {
  const { t, i18n } = useTranslation('calendar');
  const [startsOn, setStartsOn] = useState(year?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(year?.endsOn ?? '');
  const [nextStartsOn, setNextStartsOn] = useState(year?.nextStartsOn ?? '');
  const [problems, setProblems] = useState<FieldError[]>([]);
  const errors = useMemo(() => problems, [problems]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!isIsoDate(startsOn))
      found.push({ field: 'year-starts', message: t('errors.startsMissing') });
    if (!isIsoDate(endsOn)) found.push({ field: 'year-ends', message: t('errors.endsMissing') });
    else if (isIsoDate(startsOn) && endsOn <= startsOn)
      found.push({ field: 'year-ends', message: t('errors.endsBeforeStarts') });
    if (nextStartsOn && (!isIsoDate(nextStartsOn) || nextStartsOn <= endsOn))
      found.push({ field: 'year-next', message: t('errors.nextBeforeEnds') });
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const refused = await onSave({ startsOn, endsOn, nextStartsOn: nextStartsOn || null });
    setProblems(fieldErrors(refused, fieldOf));
  };

  const language = i18n.language;
  return (
    <section className="panel" aria-labelledby="year-title">
      <h2 id="year-title">{t('yearTitle')}</h2>
      <p>
        {year
          ? t('yearIs', {
              from: dayInWords(year.startsOn, language),
              to: dayInWords(year.endsOn, language),
            })
          : t('yearUnset')}
      </p>
      {year?.nextStartsOn && (
        <p>{t('nextYearIs', { day: dayInWords(year.nextStartsOn, language) })}</p>
      )}
      <details className="calendar-year-edit">
        <summary>{t('changeYear')}</summary>
        <ErrorSummary errors={errors} />
        <form onSubmit={(event) => void submit(event)} noValidate className="stack">
          <div className="calendar-dates">
            <TextField
              id="year-starts"
              label={t('startsOn')}
              type="date"
              value={startsOn}
              onChange={(event) => setStartsOn(event.target.value)}
              error={errorFor(errors, 'year-starts')}
            />
            <TextField
              id="year-ends"
              label={t('endsOn')}
              type="date"
              value={endsOn}
              onChange={(event) => setEndsOn(event.target.value)}
              error={errorFor(errors, 'year-ends')}
            />
          </div>
          <TextField
            id="year-next"
            label={t('nextStartsOn')}
            hint={t('nextStartsOnHint')}
            type="date"
            value={nextStartsOn}
            onChange={(event) => setNextStartsOn(event.target.value)}
            error={errorFor(errors, 'year-next')}
          />
          <button type="submit" className="button primary">
            {t('saveYear')}
          </button>
        </form>
      </details>
    </section>
  );
}
