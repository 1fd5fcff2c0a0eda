import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldError {
  /** The id of the input the error is about, or undefined for the whole form. */
  field?: string;
  message: string;
}

/**
 * The GOV.UK error summary: a box at the top listing every problem, each a
 * link to its field, focused when it appears so screen readers announce it.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) box.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={box}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{t('form.problemTitle')}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.field ?? 'form'}-${error.message}`}>
            {error.field ? <a href={`#${error.field}`}>{error.message}</a> : error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The error shown next to one field, tied to it by `aria-describedby`. */
export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}
