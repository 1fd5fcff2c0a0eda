import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateWords } from '../../lib/dates';
import { EscalatedEntry } from '../danger-terms/EscalatedEntry';
import { SelectField } from '../forms/SelectField';
import type { Assignee, TimelineEntry } from './casework-api';
import { CorrectionEvent } from './CorrectionEvent';
import { FamilyNotifiedEntry } from './FamilyNotifiedEntry';
import { WrittenOn } from './RelatedReports';

/** The kinds a caseworker filters the timeline by, and the event types of each. */
const KINDS = {
  notes: ['internal_note', 'shared_note'],
  decisions: [
    'filed',
    'escalated',
    'triaged',
    'assigned',
    'status_changed',
    'investigation_started',
    'resolved',
    'dismissed',
    'closed',
    'reopened',
    'party_linked',
    'party_added',
    'party_changed',
    'party_removed',
    'severity_changed',
  ],
  interventions: [
    'action_recorded',
    'follow_up_scheduled',
    'follow_up_completed',
    'follow_up_cancelled',
    'follow_up_reassigned',
  ],
  messages: [
    'message_posted',
    'family_notified',
    'outcome_notice',
    'after_hours_reply',
    'after_hours_critical',
  ],
  files: ['attachment_added'],
  reminders: ['deadline_reminder', 'overdue_escalated', 'follow_up_due'],
} as const;
type Kind = 'all' | keyof typeof KINDS;
const KIND_NAMES = ['all', ...Object.keys(KINDS)] as Kind[];

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Who can see an entry, in words and in its own style: nobody mistakes one for the other. */
export function VisibilityTag({ visibility }: { visibility: string }) {
  const { t } = useTranslation('casework');
  const shared = visibility === 'shared';
  return (
    <span className={shared ? 'visibility-tag is-shared' : 'visibility-tag is-internal'}>
      {t(shared ? 'visibility.shared' : 'visibility.internal')}
    </span>
  );
}

function What({ entry, people }: { entry: TimelineEntry; people: Assignee[] | null }) {
  const { t } = useTranslation('casework');
  const data = entry.data;
  switch (entry.type) {
    case 'assigned': {
      const person = people?.find((candidate) => candidate.id === text(data.assigneeId));
      return (
        <p>{person ? t('event.assignedTo', { name: person.displayName }) : t('event.assigned')}</p>
      );
    }
    case 'internal_note':
    case 'shared_note':
      return (
        <>
          <p>{t(`event.${entry.type}`)}</p>
          <p className="quoted pre-wrap">{text(data.body)}</p>
        </>
      );
    case 'escalated':
      return <EscalatedEntry data={data} />;
    case 'triaged':
      return (
        <p>
          {t('event.triagedAs', {
            severity: t(`queue:severity.${text(data.severity) || 'none'}`),
            category: t(`queue:category.${text(data.category) || 'other'}`),
          })}
        </p>
      );
    case 'status_changed':
      return (
        <p>{t('event.statusTo', { status: t(`queue:status.${text(data.to) || 'submitted'}`) })}</p>
      );
    case 'resolved':
      return (
        <>
          <p>
            {t('event.resolvedAs', {
              outcome: t(`outcome.${text(data.outcome) || 'inconclusive'}`),
            })}
          </p>
          {text(data.summary) && <p className="quoted pre-wrap">{text(data.summary)}</p>}
        </>
      );
    case 'dismissed':
    case 'reopened':
      return (
        <>
          <p>{t(`event.${entry.type}`)}</p>
          {text(data.reason) && <p className="quoted pre-wrap">{text(data.reason)}</p>}
        </>
      );
    case 'action_recorded':
      return (
        <>
          <p>
            {t('event.actionRecorded', { type: t(`actionType.${text(data.type) || 'other'}`) })}
          </p>
          {text(data.description) && <p className="quoted pre-wrap">{text(data.description)}</p>}
        </>
      );
    case 'outcome_notice': {
      const told = Array.isArray(data.guardians)
        ? (data.guardians as { displayName?: unknown }[]).map((guardian) =>
            text(guardian.displayName),
          )
        : [];
      return (
        <p>
          {t(data.correction === true ? 'event.outcomeNoticeCorrected' : 'event.outcomeNoticeTo', {
            name: text(data.student),
            guardians: told.join(', '),
          })}
        </p>
      );
    }
    case 'family_notified':
      return <FamilyNotifiedEntry entry={entry} />;
    case 'party_added':
    case 'party_changed':
    case 'party_removed':
    case 'severity_changed':
      return <CorrectionEvent entry={entry} />;
    default:
      return <p>{t([`event.${entry.type}`, `related:event.${entry.type}`])}</p>;
  }
}

/** Everything that happened on the case, oldest first, with who did it; filtered by kind. */
export function Timeline({
  entries,
  people,
}: {
  entries: TimelineEntry[];
  /** The school's caseworkers, to name whom a case was assigned to. */
  people: Assignee[] | null;
}) {
  const { t } = useTranslation('casework');
  const dates = useDateWords();
  const [kind, setKind] = useState<Kind>('all');
  const shown =
    kind === 'all'
      ? entries
      : entries.filter((entry) => (KINDS[kind] as readonly string[]).includes(entry.type));
  return (
    <section aria-labelledby="timeline-title" className="panel">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <SelectField
        id="timeline-kind"
        label={t('timeline.show')}
        fieldClassName="timeline-filter"
        value={kind}
        onChange={(event) => setKind(event.target.value as Kind)}
        options={KIND_NAMES.map((name) => ({ value: name, label: t(`timeline.kind.${name}`) }))}
      />
      <p role="status" className="status-line">
        {t('timeline.count', { count: shown.length })}
      </p>
      <ol className="timeline">
        {shown.map((entry) => (
          <li
            key={entry.id}
            className={entry.visibility === 'shared' ? 'entry is-shared' : 'entry is-internal'}
          >
            <p className="entry-meta">
              <time dateTime={entry.at}>{dates.moment(entry.at)}</time>
              {' · '}
              {entry.actor ? entry.actor.displayName : t('timeline.system')}{' '}
              <VisibilityTag visibility={entry.visibility} />
            </p>
            <What entry={entry} people={people} />
            {entry.writtenOn && <WrittenOn reference={entry.writtenOn.reference} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
