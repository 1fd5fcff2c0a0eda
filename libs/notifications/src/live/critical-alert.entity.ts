import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '@app/identity';

/**
 * A critical report's alert to the school's counselors and administrators:
 * raised when a report is filed critical or triaged as critical, shown on
 * every screen of theirs until one of them acknowledges it, escalated by
 * e-mail once when nobody does within `CRITICAL_ALERT_ESCALATION_MINUTES`.
 * At most one open alert per incident.
 */
@Entity('critical_alerts')
@Index('uq_critical_alerts_open_incident', ['incidentId'], {
  unique: true,
  where: '"acknowledged_at" IS NULL',
})
@Index(['schoolId', 'raisedAt'])
export class CriticalAlert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @Column({ type: 'uuid' })
  schoolId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'acknowledged_by_id' })
  acknowledgedBy?: User;

  /** When the worker e-mailed the school's and the district's administrators about it. */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;
}
