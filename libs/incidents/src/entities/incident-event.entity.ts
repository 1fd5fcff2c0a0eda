import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { NOTICE_TYPES } from '@app/notifications';
import { Incident } from './incident.entity';

/**
 * What a timeline entry records, as clients read it (`timeline[].type`). The
 * first ones are also the types of the notices that announce them.
 */
export const TIMELINE_EVENT_TYPES = [
  ...NOTICE_TYPES,
  'triaged',
  'party_linked',
  'investigation_started',
  'dismissed',
  'closed',
  'reopened',
  'internal_note',
  'action_recorded',
  'attachment_added',
  'family_notified',
  'deadline_moved',
  'alert_acknowledged',
  'party_added',
  'party_changed',
  'party_removed',
  'severity_changed',
  'case_linked',
  'case_unlinked',
  'case_primary_changed',
  'after_hours_reply',
  'follow_up_scheduled',
  'follow_up_completed',
  'follow_up_cancelled',
  'follow_up_reassigned',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

export const EVENT_VISIBILITIES = ['internal', 'shared'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

/**
 * The case timeline, append-only: what happened, when, and who did it. (A
 * `family_notified` entry gains the e-mail channel of a recipient once that
 * e-mail is sent.)
 * `shared` events are shown to the reporter and the family; `internal` ones
 * only to the school's staff.
 */
@Entity('incident_events')
@Index(['incidentId', 'createdAt'])
@Check('chk_incident_events_visibility', `"visibility" IN ('internal', 'shared')`)
export class IncidentEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'uuid' })
  schoolId: string;

  @Column({ type: 'varchar', length: 40 })
  type: TimelineEventType;

  /** Null for the anonymous reporter and for the system. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 16 })
  visibility: EventVisibility;

  /** Details of the event; never the content of a message or note shown elsewhere. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  /** clock_timestamp(), not now(): events written in one transaction keep their order. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
