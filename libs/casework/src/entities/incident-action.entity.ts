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
import { User } from '@app/identity';
import { Incident, sqlList } from '@app/incidents';

export const ACTION_TYPES = [
  'counseling_session',
  'parent_conference',
  'safety_plan',
  'supervision_change',
  'disciplinary_referral',
  'peer_mediation',
  'law_enforcement_referral',
  'other',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/**
 * `done`: carried out (`takenAt`); `planned`: a follow-up for `scheduledFor`,
 * owned by `ownerId`, reminded once (`remindedAt`); `cancelled`: a planned one
 * that will not happen (`cancelReason`).
 */
export const ACTION_STATUSES = ['done', 'planned', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An intervention the school carried out (with when and by whom), or plans to. */
@Entity('incident_actions')
@Index(['incidentId', 'takenAt'])
@Index('idx_incident_actions_planned', ['scheduledFor'], { where: `"status" = 'planned'` })
@Index('idx_incident_actions_owner', ['ownerId'], { where: `"status" = 'planned'` })
@Check('chk_incident_actions_type', `"type" IN (${sqlList(ACTION_TYPES)})`)
@Check('chk_incident_actions_status', `"status" IN (${sqlList(ACTION_STATUSES)})`)
@Check(
  'chk_incident_actions_state',
  `("status" = 'done' AND "taken_at" IS NOT NULL) OR ("status" <> 'done' AND "taken_at" IS NULL AND "scheduled_for" IS NOT NULL AND "owner_id" IS NOT NULL)`,
)
export class IncidentAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'uuid' })
  schoolId: string;

  @Column({ type: 'varchar', length: 32 })
  type: ActionType;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16, default: 'done' })
  status: ActionStatus;

  /** Null while planned or cancelled. */
  @Column({ type: 'timestamptz', nullable: true })
  takenAt: Date | null;

  /** The school-calendar day a follow-up is planned for (YYYY-MM-DD). */
  @Column({ type: 'date', nullable: true })
  scheduledFor: string | null;

  /** Who is to carry out a follow-up (reminded, and listed in their caseload). */
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  /** When the owner was reminded: at most once per follow-up. */
  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'uuid' })
  recordedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
