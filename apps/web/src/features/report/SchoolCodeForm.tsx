import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';

interface Props {
  initial?: string;
  /** The page's own words for the field and the button; the report page's by default. */
  label?: string;
  hint?: string;
  submit?: string;
}

/**
 * Type a school's code (from the poster at school) to report to that school
 * without an account: the address changes to the school's report page. An
 * empty code says so next to the field and in a summary above it.
 */
export function SchoolCodeForm({ initial = '', label, hint, submit }: Props) {
  const { t } = useTranslation('report');
  const [, navigate] = useLocation();
  const [code, setCode] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const find = (event: FormEvent) => {
    event.preventDefault();
    const clean = code.trim().toUpperCase();
    if (!clean) return setErrors([{ field: 'school-code', message: t('school.codeMissing') }]);
    setErrors([]);
    navigate(`/report/${encodeURIComponent(clean)}`);
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <form className="inline-form" onSubmit={find} noValidate>
        <TextField
          id="school-code"
          label={label ?? t('school.code')}
          hint={hint ?? t('school.codeHint')}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errorFor(errors, 'school-code')}
        />
        <button type="submit" className="button secondary">
          {submit ?? t('school.find')}
        </button>
      </form>
    </>
  );
}
