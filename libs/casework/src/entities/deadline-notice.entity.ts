import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Incident } from '@app/incidents';

/** A deadline notice already queued: reminders and overdue escalations go out once per case and deadline. */
@Entity('deadline_notices')
@Check('chk_deadline_notices_deadline', `"deadline" IN ('triage', 'resolve')`)
@Check('chk_deadline_notices_kind', `"kind" IN ('reminder', 'overdue')`)
export class DeadlineNotice {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  deadline: 'triage' | 'resolve';

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: 'reminder' | 'overdue';

  @Column({ type: 'uuid' })
  schoolId: string;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
