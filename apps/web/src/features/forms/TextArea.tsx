import type { TextareaHTMLAttributes } from 'react';
import { describedBy } from './describedBy';
import { FieldNotes } from './FieldNotes';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string;
  label: string;
  /** The page heading already asks the question: keep the label for screen readers only. */
  labelHidden?: boolean;
  hint?: string;
  error?: string;
  /** A line under the box, such as how many characters are left; not announced on every key. */
  count?: string;
};

/** A labelled text box for longer answers, with its hint and inline error read out with it. */
export function TextArea({
  id,
  label,
  labelHidden = false,
  hint,
  error,
  count,
  ...textarea
}: Props) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
      {count && <p className="hint count">{count}</p>}
    </div>
  );
}
