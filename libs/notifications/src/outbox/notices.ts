import type { NoticeType } from '../notice-types';
import type { NoticeFacts } from '../templates/templates';

type Deadline = { deadline: 'triage' | 'resolve'; dueAt: NonNullable<NoticeFacts['dueAt']> };

/**
 * What each notice carries besides the facts of its case. The payload is laid
 * over the facts the templates read, so a key they share (`status`, `dueAt`)
 * has the templates' type.
 */
export interface NoticePayloads {
  filed: Record<string, never>;
  escalated: { reasons: string[] };
  assigned: { assigneeId: string };
  status_changed: { from: string; status: NonNullable<NoticeFacts['status']> };
  shared_note: { noteId: string };
  resolved: { outcome: string };
  message_posted: { messageId: string; authorKind: string; threadStudentId: string | null };
  deadline_reminder: Deadline;
  overdue_escalated: Deadline;
  alert_escalated: { alertId: string };
  /** The school's outcome notice to the guardians of one linked student. */
  outcome_notice: { noticeId: string; studentId: string };
  /** The child the report concerns (for the record and the "told once" rule; never in the words). */
  child_named_target: { studentId: string };
  after_hours_critical: { addresses: AddressRecipient[] };
  /** `dueAt`: the planned day, `YYYY-MM-DD`. */
  follow_up_due: { actionId: string; dueAt: NonNullable<NoticeFacts['dueAt']> };
}

/** A recipient that is no account: a name and an e-mail address (a school's on-call contact). */
export interface AddressRecipient {
  name: string;
  email: string;
}

/** A notice to queue: its type and that type's payload (optional when it has none). */
export type Notice = {
  [T in NoticeType]: { type: T } & (Record<string, never> extends NoticePayloads[T]
    ? { payload?: NoticePayloads[T] }
    : { payload: NoticePayloads[T] });
}[NoticeType];

/** The facts of a case a notice tells (the templates' words), read when it is queued. */
export type CaseFacts = Omit<NoticeFacts, 'family'>;

/** One person a queued notice is for; `family` notices are written on the case timeline. */
export interface OutboxRecipient {
  userId: string;
  family: boolean;
}

/**
 * The `payload` of an outbox row: the notice's own payload, who caused it,
 * the case facts (with the payload laid over them, e.g. a new `status`) and
 * the recipients resolved when it was queued.
 */
export type OutboxPayload = {
  actorId: string | null;
  facts: CaseFacts;
  recipients: OutboxRecipient[];
} & Partial<NoticePayloads[NoticeType]>;
