import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Choices } from '../forms/Choices';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextArea } from '../forms/TextArea';
import { TextField } from '../forms/TextField';
import { StudentPicker, type LinkedStudent } from '../students/StudentPicker';
import type { ChangeOutcome, StaffView } from './casework-api';
import { correct, PARTY_ROLES, type PartyRole } from './parties-api';
import './parties.css';

type Party = StaffView['parties'][number];
const REASON_MAX = 2000;

/** What a correction needs from the case page: the case, and how to show its answer. */
export interface CorrectionProps {
  view: StaffView;
  /** The case changed: show it, and say what was done. */
  onDone: (view: StaffView, message: string) => void;
  /** Someone else changed the case first: the page says so and offers to reload. */
  onConflict: () => void;
}

/**
 * Sends one correction and says how it went; the form stays with what was
 * typed on a conflict or a refusal.
 */
export function useCorrection(props: CorrectionProps, focusAfter: string) {
  const { t } = useTranslation('parties');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const send = async (call: Promise<ChangeOutcome>, done: string): Promise<boolean> => {
    setBusy(true);
    const outcome = await call;
    setBusy(false);
    if (outcome.kind === 'done') {
      setErrors([]);
      props.onDone(outcome.view, done);
      // The form is gone with the answer: the keyboard starts again at the panel.
      requestAnimationFrame(() => document.getElementById(focusAfter)?.focus());
      return true;
    }
    if (outcome.kind === 'conflict') {
      setErrors([]);
      props.onConflict();
    } else if (outcome.kind === 'refused' && outcome.messages.length > 0) {
      setErrors(outcome.messages.map((message) => ({ message })));
    } else {
      setErrors([{ message: t('failed') }]);
    }
    return false;
  };
  return { errors, setErrors, busy, send };
}

/** The reason every correction asks for, checked before sending. */
export function reasonProblem(
  reason: string,
  field: string,
  t: (key: string, options?: Record<string, unknown>) => string,
): FieldError | undefined {
  const text = reason.trim();
  if (!text) return { field, message: t('reason.missing') };
  if (text.length > REASON_MAX) return { field, message: t('reason.tooLong', { max: REASON_MAX }) };
  return undefined;
}

/** A form of the panel: its title, its problems, its fields, send and cancel. */
export function CorrectionForm({
  id,
  title,
  errors,
  busy,
  submit,
  danger = false,
  onSubmit,
  onCancel,
  children,
}: {
  id: string;
  title: string;
  errors: FieldError[];
  busy: boolean;
  submit: string;
  danger?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('parties');
  return (
    <form
      className="correction stack"
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
      <div className="correction-buttons">
        <button
          type="submit"
          className={danger ? 'button danger' : 'button primary'}
          disabled={busy}
        >
          {busy ? t('saving') : submit}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** How a party is called: the linked student's name, or the name as written. */
function useWho() {
  const { t } = useTranslation('parties');
  return (party: { student?: { displayName: string } | null; name?: string | null }) =>
    party.student?.displayName ?? party.name ?? t('unnamed');
}

/** Adds a child, or changes one (role, student record, name, note), with a reason. */
function PartyForm({
  props,
  party,
  number,
  onClose,
  onFinish,
}: {
  props: CorrectionProps;
  /** The party to change; none to add one. */
  party?: Party;
  /** The person's number in the list, to name the picker's controls. */
  number: number;
  /** Cancelled: back to the button that opened the form. */
  onClose: () => void;
  /** Saved: the form closes (the keyboard goes to the panel's heading). */
  onFinish: () => void;
}) {
  const { t } = useTranslation('parties');
  const who = useWho();
  const { view } = props;
  const id = party ? `party-${party.id}` : 'party-add';
  const { errors, setErrors, busy, send } = useCorrection(props, 'parties-panel-title');
  const [role, setRole] = useState<PartyRole | ''>(party?.role ?? '');
  const [name, setName] = useState(party?.name ?? '');
  const [note, setNote] = useState(party?.note ?? '');
  const [reason, setReason] = useState('');
  /** The student record: as it is (`keep`), none, or one picked now. */
  const [student, setStudent] = useState<
    { kind: 'keep' } | { kind: 'none' } | { kind: 'picked'; student: LinkedStudent }
  >(party?.student ? { kind: 'keep' } : { kind: 'none' });

  const submit = () => {
    const problems: FieldError[] = [];
    if (!role) problems.push({ field: `${id}-role`, message: t('form.noRole') });
    const linked =
      student.kind === 'keep'
        ? party?.student?.id
        : student.kind === 'picked'
          ? student.student.id
          : undefined;
    if (!linked && !name.trim()) problems.push({ field: `${id}-name`, message: t('form.noName') });
    const reasonError = reasonProblem(reason, `${id}-reason`, t);
    if (reasonError) problems.push(reasonError);
    if (problems.length > 0 || !role) return setErrors(problems);
    const text = reason.trim();
    if (!party) {
      void send(
        correct.addParty(view.id, {
          version: view.version,
          role,
          ...(linked ? { studentId: linked } : {}),
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
          reason: text,
        }),
        t('done.added', {
          name: student.kind === 'picked' ? student.student.displayName : name.trim(),
        }),
      ).then((done) => done && onFinish());
      return;
    }
    const change = {
      ...(role !== party.role ? { role } : {}),
      ...((linked ?? null) !== (party.student?.id ?? null) ? { studentId: linked ?? null } : {}),
      ...(name.trim() !== (party.name ?? '') ? { name: name.trim() || null } : {}),
      ...(note.trim() !== (party.note ?? '') ? { note: note.trim() || null } : {}),
    };
    if (Object.keys(change).length === 0) return setErrors([{ message: t('form.nothing') }]);
    void send(
      correct.changeParty(view.id, party.id, { version: view.version, ...change, reason: text }),
      t('done.changed', { name: who(party) }),
    ).then((done) => done && onFinish());
  };

  return (
    <CorrectionForm
      id={id}
      title={party ? t('form.changeTitle', { name: who(party) }) : t('form.addTitle')}
      errors={errors}
      busy={busy}
      submit={party ? t('form.changeSubmit') : t('form.addSubmit')}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Choices
        id={`${id}-role`}
        legend={t('form.role')}
        choices={PARTY_ROLES.map((value) => ({
          value,
          label: t(`casework:parties.role.${value}`),
        }))}
        value={role}
        error={errorFor(errors, `${id}-role`)}
        onChange={setRole}
      />
      <TextField
        id={`${id}-name`}
        label={t('form.name')}
        hint={t('form.nameHint')}
        maxLength={200}
        autoComplete="off"
        value={name}
        error={errorFor(errors, `${id}-name`)}
        onChange={(event) => setName(event.target.value)}
      />
      {student.kind === 'keep' && party?.student ? (
        <div className="student-picker linked">
          <p>{t('form.linkedNow', { name: party.student.displayName })}</p>
          <button
            type="button"
            id={`${id}-relink`}
            className="button secondary"
            onClick={() => {
              setStudent({ kind: 'none' });
              requestAnimationFrame(() => document.getElementById(`${id}-picker-search`)?.focus());
            }}
          >
            {t('form.unlink')}
          </button>
        </div>
      ) : (
        <StudentPicker
          id={`${id}-picker`}
          number={number}
          schoolId={view.schoolId}
          suggestion={name.trim()}
          linked={student.kind === 'picked' ? student.student : undefined}
          onLink={(picked) =>
            setStudent(picked ? { kind: 'picked', student: picked } : { kind: 'none' })
          }
        />
      )}
      {role === 'target' && <p className="hint">{t('form.targetFamily')}</p>}
      <TextArea
        id={`${id}-note`}
        label={t('form.note')}
        rows={2}
        maxLength={1000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <TextArea
        id={`${id}-reason`}
        label={t('reason.label')}
        hint={t('reason.hint')}
        rows={2}
        value={reason}
        error={errorFor(errors, `${id}-reason`)}
        onChange={(event) => setReason(event.target.value)}
      />
    </CorrectionForm>
  );
}

/** Removes a child named by mistake, with a reason; the timeline keeps the party as it was. */
function RemoveForm({
  props,
  party,
  onClose,
  onFinish,
}: {
  props: CorrectionProps;
  party: Party;
  onClose: () => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation('parties');
  const who = useWho();
  const id = `party-${party.id}-remove`;
  const { errors, setErrors, busy, send } = useCorrection(props, 'parties-panel-title');
  const [reason, setReason] = useState('');
  const submit = () => {
    const problem = reasonProblem(reason, `${id}-reason`, t);
    if (problem) return setErrors([problem]);
    void send(
      correct.removeParty(props.view.id, party.id, {
        version: props.view.version,
        reason: reason.trim(),
      }),
      t('done.removed', { name: who(party) }),
    ).then((done) => done && onFinish());
  };
  return (
    <CorrectionForm
      id={id}
      title={t('remove.title', { name: who(party) })}
      errors={errors}
      busy={busy}
      submit={t('remove.submit', { name: who(party) })}
      danger
      onSubmit={submit}
      onCancel={onClose}
    >
      <p className="hint">{t('remove.hint')}</p>
      <TextArea
        id={`${id}-reason`}
        label={t('reason.label')}
        hint={t('reason.hint')}
        rows={2}
        value={reason}
        error={errorFor(errors, `${id}-reason`)}
        onChange={(event) => setReason(event.target.value)}
      />
    </CorrectionForm>
  );
}

type Editing = { mode: 'add' } | { mode: 'change' | 'remove'; partyId: string } | null;

/**
 * The children involved in the case, linked ones opening the student's
 * history, and (while the case is not closed) adding, changing and removing
 * them, each with a reason. A child linked as a target has their family told
 * by the server, once per case.
 */
export function PartiesPanel(props: CorrectionProps) {
  const { t } = useTranslation('parties');
  const who = useWho();
  const { view } = props;
  const editable = view.allowedActions.includes('change_parties');
  const [editing, setEditingNow] = useState<Editing>(null);
  /** Opens a form and takes the keyboard to its first field (the button pressed is gone). */
  const setEditing = (next: NonNullable<Editing>) => {
    setEditingNow(next);
    const form = next.mode === 'add' ? 'party-add' : `party-${next.partyId}`;
    const first = next.mode === 'remove' ? `${form}-remove-reason` : `${form}-role`;
    requestAnimationFrame(() => document.getElementById(first)?.focus());
  };
  const finish = () => setEditingNow(null);
  const close = (focus: string) => () => {
    setEditingNow(null);
    requestAnimationFrame(() => document.getElementById(focus)?.focus());
  };

  return (
    <section aria-labelledby="parties-panel-title" className="panel parties-panel">
      <h2 id="parties-panel-title" tabIndex={-1}>
        {t('title')}
      </h2>
      {view.parties.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="plain-list parties">
          {view.parties.map((party, index) => (
            <li key={party.id}>
              <p>
                <strong>{t(`casework:parties.role.${party.role}`)}:</strong>{' '}
                {party.student ? (
                  <Link href={`/students/${party.student.id}`}>{party.student.displayName}</Link>
                ) : (
                  <>
                    {party.name ?? t('unnamed')}{' '}
                    <span className="hint">{t('casework:parties.notLinked')}</span>
                  </>
                )}
                {party.student && party.name && party.name !== party.student.displayName && (
                  <span className="hint"> {t('casework:parties.named', { name: party.name })}</span>
                )}
              </p>
              {party.note && <p className="pre-wrap">{party.note}</p>}
              {(party.repeatTarget || party.repeatAggressor) && (
                <p className="repeat-flag">
                  {[
                    party.repeatTarget
                      ? t('casework:parties.repeatTarget', { count: party.otherIncidentsAsTarget })
                      : '',
                    party.repeatAggressor
                      ? t('casework:parties.repeatAggressor', {
                          count: party.otherIncidentsAsAggressor,
                        })
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                </p>
              )}
              {editable && editing?.mode !== 'add' && editing?.partyId === party.id ? (
                editing.mode === 'change' ? (
                  <PartyForm
                    props={props}
                    party={party}
                    number={index + 1}
                    onClose={close(`party-${party.id}-change`)}
                    onFinish={finish}
                  />
                ) : (
                  <RemoveForm
                    props={props}
                    party={party}
                    onClose={close(`party-${party.id}-remove-open`)}
                    onFinish={finish}
                  />
                )
              ) : (
                editable && (
                  <div className="party-actions">
                    <button
                      type="button"
                      id={`party-${party.id}-change`}
                      className="button secondary"
                      onClick={() => setEditing({ mode: 'change', partyId: party.id })}
                    >
                      {t('change', { name: who(party) })}
                    </button>
                    <button
                      type="button"
                      id={`party-${party.id}-remove-open`}
                      className="button danger"
                      onClick={() => setEditing({ mode: 'remove', partyId: party.id })}
                    >
                      {t('remove.open', { name: who(party) })}
                    </button>
                  </div>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {editable &&
        (editing?.mode === 'add' ? (
          <PartyForm
            props={props}
            number={view.parties.length + 1}
            onClose={close('party-add-open')}
            onFinish={finish}
          />
        ) : (
          <button
            type="button"
            id="party-add-open"
            className="button secondary party-add"
            onClick={() => setEditing({ mode: 'add' })}
          >
            {t('add')}
          </button>
        ))}
    </section>
  );
}
