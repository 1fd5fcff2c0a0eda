import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Incident } from './incident.entity';

/** The longest summary a caseworker may write to one family. */
export const OUTCOME_NOTICE_MAX = 5_000;

/**
 * What the school tells one involved family (the guardians of one linked
 * student) about the outcome of the investigation, as the law allows: for an
 * aggressor's family what was done about their child, for a target's family
 * what protects theirs. Append-only: a correction is a new notice, and the
 * family sees the latest.
 */
@Entity('outcome_notices')
@Index(['incidentId', 'studentId', 'createdAt'])
export class OutcomeNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'uuid' })
  schoolId: string;

  /** The linked student whose guardians it is written for. */
  @Column({ type: 'uuid' })
  studentId: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'uuid' })
  sentById: string;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
