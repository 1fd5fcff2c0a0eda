import type { ReactNode } from 'react';
import { describedBy } from './describedBy';
import { FieldNotes } from './FieldNotes';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
  /** Shown under the choice while it is chosen (GOV.UK "conditional reveal"). */
  reveal?: ReactNode;
}

interface Props<T extends string> {
  /** Used for the group's name and ids; the first option's input gets this id, so error links land on it. */
  id: string;
  legend: string;
  /** The page heading already asks the question: keep the legend for screen readers only. */
  legendHidden?: boolean;
  hint?: string;
  error?: string;
  choices: Choice<T>[];
  value: T | '';
  onChange: (value: T) => void;
}

/** A radio group: fieldset and legend, hint and inline error read out with it, large targets. */
export function Choices<T extends string>(props: Props<T>) {
  const { id, legend, legendHidden = false, hint, error, choices, value, onChange } = props;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <fieldset className="choices" aria-describedby={describedBy(id, hint, error)}>
        <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
        <FieldNotes id={id} hint={hint} error={error} />
        {choices.map((choice, index) => {
          const inputId = index === 0 ? id : `${id}-${choice.value}`;
          const checked = value === choice.value;
          return (
            <div key={choice.value}>
              <label className={checked ? 'choice chosen' : 'choice'} htmlFor={inputId}>
                <input
                  type="radio"
                  id={inputId}
                  name={id}
                  value={choice.value}
                  checked={checked}
                  onChange={() => onChange(choice.value)}
                  aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
                />
                <span className="choice-text">
                  {choice.label}
                  {choice.hint && (
                    <span className="choice-hint" id={`${inputId}-hint`}>
                      {choice.hint}
                    </span>
                  )}
                </span>
              </label>
              {checked && choice.reveal && <div className="reveal">{choice.reveal}</div>}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
