import type { SelectHTMLAttributes } from 'react';
import { describedBy } from './describedBy';
import { FieldNotes } from './FieldNotes';

export interface SelectOption {
  value: string;
  label: string;
}

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: SelectOption[];
  /** More classes for the field around the label and the drop-down. */
  fieldClassName?: string;
};

/** A labelled drop-down with its hint and inline error, like TextField. */
export function SelectField({ id, label, hint, error, options, fieldClassName, ...select }: Props) {
  const classes = ['field', error && 'has-error', fieldClassName].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} hint={hint} error={error} />
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
