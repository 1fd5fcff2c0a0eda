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

/** An intervention the school carried out, with when and by whom. */
@Entity('incident_actions')
@Index(['incidentId', 'takenAt'])
@Check('chk_incident_actions_type', `"type" IN (${sqlList(ACTION_TYPES)})`)
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

  @Column({ type: 'timestamptz' })
  takenAt: Date;

  @Column({ type: 'uuid' })
  recordedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
