import { useEffect, useId, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from './field-error';

export type { FieldError };

/**
 * The GOV.UK error summary: a box at the top listing every problem, each a
 * link to its field, focused when it appears so screen readers announce it.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // A page may hold two summaries (the page's and a reply box's): each names itself.
  const titleId = useId();
  // Each new list of problems (a new array: keep it stable between renders) takes the focus.
  useEffect(() => {
    if (errors.length > 0) box.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('form.problemTitle')}</h2>
      <ul>
        {errors.map(({ field, message }) => (
          <li key={`${field ?? 'form'}-${message}`}>
            {field ? (
              <a href={`#${field}`} onClick={(event) => goToField(event, field)}>
                {message}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Moves focus to the field with the problem without changing the address (a
 * hash in the URL would add an entry to the browser's history).
 */
function goToField(event: MouseEvent, field: string): void {
  event.preventDefault();
  const input = document.getElementById(field);
  if (!input) return;
  input.focus({ preventScroll: true });
  (input.closest('.field') ?? input).scrollIntoView({ block: 'center' });
}

/** The error shown next to one field, tied to it by `aria-describedby`. */
export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}
