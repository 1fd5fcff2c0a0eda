import type { InputHTMLAttributes } from 'react';
import { describedBy } from './describedBy';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

/** One tick box with its label, hint and inline error. */
export function Checkbox({ id, label, hint, error, ...input }: Props) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <label className={input.checked ? 'choice chosen' : 'choice'} htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          {...input}
        />
        <span className="choice-text">
          {label}
          {hint && (
            <span className="choice-hint" id={`${id}-hint`}>
              {hint}
            </span>
          )}
        </span>
      </label>
    </div>
  );
}
