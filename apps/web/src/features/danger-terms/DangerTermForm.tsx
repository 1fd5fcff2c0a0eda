import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, fieldsByPattern } from '../forms/api-errors';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import {
  DANGER_CATEGORIES,
  DANGER_LANGUAGES,
  type DangerCategory,
  type DangerLanguage,
  type DangerTermInput,
} from './danger-terms-api';

const PHRASE_MAX = 100;
const PHRASE_MIN_LETTERS = 3;

/** Which field a message of the API is about, so the summary links to it. */
const fieldOf = fieldsByPattern([
  [/^language\b/, 'term-language'],
  [/^category\b/, 'term-category'],
  [/phrase/, 'term-phrase'],
]);

/** Adds a term: its language, what kind of danger it speaks of, and the words. */
export function DangerTermForm({
  onAdd,
}: {
  /** Answers the API's messages when it refused, else nothing. */
  onAdd: (input: DangerTermInput) => Promise<string[]>;
}) {
  const { t } = useTranslation('danger-terms');
  const [language, setLanguage] = useState<DangerLanguage>('en');
  const [category, setCategory] = useState<DangerCategory>('threat');
  const [phrase, setPhrase] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = phrase.trim();
    const letters = (trimmed.match(/\p{L}/gu) ?? []).length;
    if (letters < PHRASE_MIN_LETTERS) {
      setErrors([
        { field: 'term-phrase', message: t('errors.phraseShort', { min: PHRASE_MIN_LETTERS }) },
      ]);
      return;
    }
    if (trimmed.length > PHRASE_MAX) {
      setErrors([{ field: 'term-phrase', message: t('errors.phraseLong', { max: PHRASE_MAX }) }]);
      return;
    }
    setSending(true);
    const refused = await onAdd({ language, category, phrase: trimmed });
    setSending(false);
    setErrors(fieldErrors(refused, fieldOf));
    if (refused.length === 0) setPhrase('');
  };

  return (
    <section className="panel" aria-labelledby="add-term-title">
      <h2 id="add-term-title">{t('addTitle')}</h2>
      <p>{t('addHint')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <div className="danger-term-choices">
          <SelectField
            id="term-language"
            label={t('language')}
            value={language}
            onChange={(event) => setLanguage(event.target.value as DangerLanguage)}
            options={DANGER_LANGUAGES.map((value) => ({
              value,
              label: t(`languages.${value}`),
            }))}
            error={errorFor(errors, 'term-language')}
          />
          <SelectField
            id="term-category"
            label={t('category')}
            value={category}
            onChange={(event) => setCategory(event.target.value as DangerCategory)}
            options={DANGER_CATEGORIES.map((value) => ({
              value,
              label: t(`categories.${value}`),
            }))}
            error={errorFor(errors, 'term-category')}
          />
        </div>
        <TextField
          id="term-phrase"
          label={t('phrase')}
          hint={t('phraseHint')}
          value={phrase}
          maxLength={PHRASE_MAX}
          autoComplete="off"
          onChange={(event) => setPhrase(event.target.value)}
          error={errorFor(errors, 'term-phrase')}
        />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={sending}>
            {t('add')}
          </button>
        </div>
      </form>
    </section>
  );
}
