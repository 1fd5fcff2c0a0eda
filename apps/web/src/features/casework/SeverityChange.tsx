import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api-client';
import { Choices } from '../forms/Choices';
import { errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextArea } from '../forms/TextArea';
import { SEVERITIES } from '../queue/filters';
import { correct } from './parties-api';
import { CorrectionForm, reasonProblem, useCorrection, type CorrectionProps } from './PartiesPanel';

/**
 * "Change severity", once the case is triaged and while the server allows it
 * (`change_severity`), with a reason. Raising a case to critical alerts the
 * school's caseworkers, and the form says so.
 */
export function SeverityChange(props: CorrectionProps) {
  const { t } = useTranslation('parties');
  const { view } = props;
  const [open, setOpen] = useState(false);
  const [severity, setSeverity] = useState<Schemas['Severity'] | ''>('');
  const [reason, setReason] = useState('');
  const { errors, setErrors, busy, send } = useCorrection(props, 'severity-change-open');
  if (!view.allowedActions.includes('change_severity')) return null;

  const close = () => {
    setOpen(false);
    setErrors([]);
    requestAnimationFrame(() => document.getElementById('severity-change-open')?.focus());
  };
  const submit = () => {
    const problems: FieldError[] = [];
    if (!severity || severity === view.severity)
      problems.push({ field: 'severity-change', message: t('severity.noChoice') });
    const problem = reasonProblem(reason, 'severity-change-reason', t);
    if (problem) problems.push(problem);
    if (problems.length > 0 || !severity) return setErrors(problems);
    void send(
      correct.severity(view.id, { version: view.version, severity, reason: reason.trim() }),
      t('severity.done', { severity: t(`queue:severity.${severity}`) }),
    ).then((done) => {
      if (!done) return;
      setOpen(false);
      setSeverity('');
      setReason('');
    });
  };

  return (
    <section aria-labelledby="severity-change-heading" className="panel severity-change">
      <h2 id="severity-change-heading">{t('severity.heading')}</h2>
      <p>
        {t('severity.now', {
          severity: view.severity ? t(`queue:severity.${view.severity}`) : t('queue:severity.none'),
        })}
      </p>
      {open ? (
        <CorrectionForm
          id="severity-change-form"
          title={t('severity.title')}
          errors={errors}
          busy={busy}
          submit={t('severity.submit')}
          onSubmit={submit}
          onCancel={close}
        >
          <Choices
            id="severity-change"
            legend={t('severity.legend')}
            choices={SEVERITIES.filter((value) => value !== view.severity).map((value) => ({
              value,
              label: t(`queue:severity.${value}`),
              hint: value === 'critical' ? t('severity.criticalHint') : undefined,
            }))}
            value={severity}
            error={errorFor(errors, 'severity-change')}
            onChange={setSeverity}
          />
          <TextArea
            id="severity-change-reason"
            label={t('reason.label')}
            hint={t('reason.hint')}
            rows={2}
            value={reason}
            error={errorFor(errors, 'severity-change-reason')}
            onChange={(event) => setReason(event.target.value)}
          />
        </CorrectionForm>
      ) : (
        <button
          type="button"
          id="severity-change-open"
          className="button secondary"
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() => document.getElementById('severity-change')?.focus());
          }}
        >
          {t('severity.open')}
        </button>
      )}
    </section>
  );
}
