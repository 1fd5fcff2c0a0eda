import type { InputHTMLAttributes } from 'react';
import { describedBy } from './describedBy';
import { FieldNotes } from './FieldNotes';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

/** A labelled input with its hint and inline error, both read out with the field. */
export function TextField({ id, label, hint, error, ...input }: Props) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} hint={hint} error={error} />
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}
