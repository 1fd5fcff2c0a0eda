import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api-client';
import { Choices } from '../forms/Choices';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import { TextArea } from '../forms/TextArea';
import { CATEGORIES, SEVERITIES } from '../queue/filters';
import { decide, type Assignee, type ChangeOutcome, type StaffView } from './casework-api';
import type { Drafts } from './drafts';

const OUTCOMES: Schemas['Outcome'][] = ['substantiated', 'unsubstantiated', 'inconclusive'];
const REASON_MAX = 2000;
const SUMMARY_MAX = 5000;

export interface DecisionProps {
  view: StaffView;
  drafts: Drafts;
  assignees: Assignee[] | null;
  /** The case changed: show it, and say what was done. */
  onDone: (view: StaffView, message: string) => void;
  /** Someone else changed the case first: the page says so and offers to reload. */
  onConflict: () => void;
}

/**
 * Sends one decision and says how it went: done (the form's drafts are
 * cleared), a conflict (the page handles it; the drafts stay), or the
 * problems to show in the form.
 */
function useDecision(props: DecisionProps, keys: string[]) {
  const { t } = useTranslation('casework');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const send = async (call: Promise<ChangeOutcome>, done: string) => {
    setBusy(true);
    const outcome = await call;
    setBusy(false);
    if (outcome.kind === 'done') {
      setErrors([]);
      props.drafts.clear(...keys);
      props.onDone(outcome.view, done);
    } else if (outcome.kind === 'conflict') {
      setErrors([]);
      props.onConflict();
    } else if (outcome.kind === 'refused') {
      setErrors(
        (outcome.messages.length ? outcome.messages : [t('decide.failed')]).map((message) => ({
          message,
        })),
      );
    } else {
      setErrors([{ message: t('decide.failed') }]);
    }
  };
  return { errors, setErrors, busy, send };
}

function DecisionForm({
  id,
  title,
  errors,
  busy,
  submit,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  errors: FieldError[];
  busy: boolean;
  submit: string;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('casework');
  return (
    <form
      className="decision stack"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <ErrorSummary errors={errors} />
      {children}
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('decide.saving') : submit}
      </button>
    </form>
  );
}

function AssigneeSelect({
  id,
  label,
  hint,
  optional,
  value,
  assignees,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  optional: boolean;
  value: string;
  assignees: Assignee[] | null;
  error?: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('casework');
  return (
    <SelectField
      id={id}
      label={label}
      hint={hint}
      error={error}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={[
        { value: '', label: optional ? t('assign.nobody') : t('assign.choose') },
        ...(assignees ?? []).map((person) => ({
          value: person.id,
          label: t('assign.person', { name: person.displayName, role: t(`role.${person.role}`) }),
        })),
      ]}
    />
  );
}

function TriageForm(props: DecisionProps) {
  const { t } = useTranslation('casework');
  const { view, drafts } = props;
  const keys = ['triage.severity', 'triage.category', 'triage.assignee'];
  const { errors, setErrors, busy, send } = useDecision(props, keys);
  const severity = drafts.get('triage.severity') as Schemas['Severity'] | '';
  const category = (drafts.get('triage.category') || view.category) as Schemas['Category'];
  const assignee = drafts.get('triage.assignee');
  const submit = () => {
    if (!severity)
      return setErrors([{ field: 'triage-severity', message: t('triage.noSeverity') }]);
    void send(
      decide.triage(view.id, {
        version: view.version,
        severity,
        ...(category !== view.category ? { category } : {}),
        ...(assignee ? { assigneeId: assignee } : {}),
      }),
      t('done.triage'),
    );
  };
  return (
    <DecisionForm
      id="triage"
      title={t('triage.title')}
      errors={errors}
      busy={busy}
      submit={t('triage.submit')}
      onSubmit={submit}
    >
      <Choices
        id="triage-severity"
        legend={t('triage.severity')}
        choices={SEVERITIES.map((value) => ({
          value,
          label: t(`queue:severity.${value}`),
          hint: t(`triage.severityHint.${value}`),
        }))}
        value={severity}
        error={errorFor(errors, 'triage-severity')}
        onChange={(value) => drafts.set('triage.severity', value)}
      />
      <SelectField
        id="triage-category"
        label={t('triage.category')}
        value={category}
        onChange={(event) => drafts.set('triage.category', event.target.value)}
        options={CATEGORIES.map((value) => ({ value, label: t(`queue:category.${value}`) }))}
      />
      <AssigneeSelect
        id="triage-assignee"
        label={t('triage.assignee')}
        optional
        value={assignee}
        assignees={props.assignees}
        onChange={(value) => drafts.set('triage.assignee', value)}
      />
    </DecisionForm>
  );
}

function AssignForm(props: DecisionProps) {
  const { t } = useTranslation('casework');
  const { view, drafts } = props;
  const { errors, setErrors, busy, send } = useDecision(props, ['assign.to']);
  const to = drafts.get('assign.to');
  const submit = () => {
    if (!to) return setErrors([{ field: 'assign-to', message: t('assign.missing') }]);
    const name = props.assignees?.find((person) => person.id === to)?.displayName ?? '';
    void send(
      decide.assign(view.id, { version: view.version, assigneeId: to }),
      t('done.assign', { name }),
    );
  };
  return (
    <DecisionForm
      id="assign"
      title={t('assign.title')}
      errors={errors}
      busy={busy}
      submit={t('assign.submit')}
      onSubmit={submit}
    >
      <AssigneeSelect
        id="assign-to"
        label={t('assign.label')}
        hint={view.assignee ? t('assign.current', { name: view.assignee.displayName }) : undefined}
        optional={false}
        value={to}
        assignees={props.assignees}
        error={errorFor(errors, 'assign-to')}
        onChange={(value) => drafts.set('assign.to', value)}
      />
    </DecisionForm>
  );
}

function StepForm(props: DecisionProps & { action: 'start' | 'close' }) {
  const { t } = useTranslation('casework');
  const { errors, busy, send } = useDecision(props, []);
  return (
    <DecisionForm
      id={props.action}
      title={t(`${props.action}.title`)}
      errors={errors}
      busy={busy}
      submit={t(`${props.action}.submit`)}
      onSubmit={() =>
        void send(
          decide.transition(props.view.id, { version: props.view.version, action: props.action }),
          t(`done.${props.action}`),
        )
      }
    >
      <p className="hint">{t(`${props.action}.hint`)}</p>
    </DecisionForm>
  );
}

const DISMISSAL_REASONS: Schemas['DismissalReason'][] = ['duplicate', 'prank', 'other'];

function ReasonForm(props: DecisionProps & { action: 'dismiss' | 'reopen' }) {
  const { t } = useTranslation('casework');
  const { action, view, drafts } = props;
  const key = `${action}.reason`;
  const field = `${action}-reason`;
  const { errors, setErrors, busy, send } = useDecision(props, [key, 'dismiss.code']);
  const reason = drafts.get(key);
  const code = drafts.get('dismiss.code') as Schemas['DismissalReason'] | '';
  const submit = () => {
    const text = reason.trim();
    if (!text) return setErrors([{ field, message: t(`${action}.missing`) }]);
    if (text.length > REASON_MAX) {
      return setErrors([{ field, message: t('decide.tooLong', { max: REASON_MAX }) }]);
    }
    void send(
      decide.transition(view.id, {
        version: view.version,
        action,
        reason: text,
        ...(action === 'dismiss' && code ? { reasonCode: code } : {}),
      }),
      t(`done.${action}`),
    );
  };
  return (
    <DecisionForm
      id={action}
      title={t(`${action}.title`)}
      errors={errors}
      busy={busy}
      submit={t(`${action}.submit`)}
      onSubmit={submit}
    >
      <TextArea
        id={field}
        label={t(`${action}.reason`)}
        hint={t(`${action}.hint`)}
        rows={3}
        value={reason}
        error={errorFor(errors, field)}
        onChange={(event) => drafts.set(key, event.target.value)}
      />
      {action === 'dismiss' && (
        <Choices
          id="dismiss-code"
          legend={t('dismiss.code')}
          hint={t('dismiss.codeHint')}
          choices={DISMISSAL_REASONS.map((value) => ({
            value,
            label: t(`dismiss.codes.${value}`),
          }))}
          value={code}
          onChange={(value) => drafts.set('dismiss.code', value)}
        />
      )}
    </DecisionForm>
  );
}

function ResolveForm(props: DecisionProps) {
  const { t } = useTranslation('casework');
  const { view, drafts } = props;
  const keys = ['resolve.outcome', 'resolve.summary'];
  const { errors, setErrors, busy, send } = useDecision(props, keys);
  const outcome = drafts.get('resolve.outcome') as Schemas['Outcome'] | '';
  const summary = drafts.get('resolve.summary');
  const submit = () => {
    const problems: FieldError[] = [];
    if (!outcome) problems.push({ field: 'resolve-outcome', message: t('resolve.noOutcome') });
    if (!summary.trim())
      problems.push({ field: 'resolve-summary', message: t('resolve.noSummary') });
    else if (summary.trim().length > SUMMARY_MAX) {
      problems.push({
        field: 'resolve-summary',
        message: t('decide.tooLong', { max: SUMMARY_MAX }),
      });
    }
    if (problems.length > 0 || !outcome) return setErrors(problems);
    void send(
      decide.resolve(view.id, { version: view.version, outcome, summary: summary.trim() }),
      t('done.resolve'),
    );
  };
  return (
    <DecisionForm
      id="resolve"
      title={t('resolve.title')}
      errors={errors}
      busy={busy}
      submit={t('resolve.submit')}
      onSubmit={submit}
    >
      <Choices
        id="resolve-outcome"
        legend={t('resolve.outcome')}
        choices={OUTCOMES.map((value) => ({ value, label: t(`outcome.${value}`) }))}
        value={outcome}
        error={errorFor(errors, 'resolve-outcome')}
        onChange={(value) => drafts.set('resolve.outcome', value)}
      />
      <p className="notice shared-warning">{t('resolve.sharedNotice')}</p>
      <TextArea
        id="resolve-summary"
        label={t('resolve.summary')}
        hint={t('resolve.summaryHint')}
        rows={5}
        value={summary}
        error={errorFor(errors, 'resolve-summary')}
        onChange={(event) => drafts.set('resolve.summary', event.target.value)}
      />
    </DecisionForm>
  );
}

/** The decisions the workflow allows on the case now (`allowedActions`), and no other. */
export function Decisions(props: DecisionProps) {
  const { t } = useTranslation('casework');
  const allowed = props.view.allowedActions;
  return (
    <section aria-labelledby="decide-title" className="panel decisions">
      <h2 id="decide-title" tabIndex={-1}>
        {t('decide.title')}
      </h2>
      {allowed.length === 0 && <p>{t('decide.nothing')}</p>}
      {allowed.includes('triage') && <TriageForm {...props} />}
      {allowed.includes('start') && <StepForm {...props} action="start" />}
      {allowed.includes('resolve') && <ResolveForm {...props} />}
      {allowed.includes('assign') && <AssignForm {...props} />}
      {allowed.includes('reopen') && <ReasonForm {...props} action="reopen" />}
      {allowed.includes('dismiss') && <ReasonForm {...props} action="dismiss" />}
      {allowed.includes('close') && <StepForm {...props} action="close" />}
    </section>
  );
}
