import { useTranslation } from 'react-i18next';
import type { Status } from './status';

/** The steps a report goes through; the last one is how it ended. */
function stepsFor(status: Status): Status[] {
  if (status === 'dismissed') return ['submitted', 'triaged', 'dismissed'];
  return ['submitted', 'triaged', 'investigating', status === 'closed' ? 'closed' : 'resolved'];
}

/**
 * Where the report is, as numbered steps. The current one is marked in words
 * ("now") and with `aria-current="step"`, the earlier ones "done": never by
 * colour alone.
 */
export function StatusSteps({ status }: { status: Status }) {
  const { t } = useTranslation('cases');
  const steps = stepsFor(status);
  const current = steps.indexOf(status);
  return (
    <ol className="steps">
      {steps.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li
            key={step}
            className={`step step-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="step-mark" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="step-name">{t(`common:status.${step}`)}</span>
            {state !== 'todo' && <span className="step-state">{t(`steps.${state}`)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
