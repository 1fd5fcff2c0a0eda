import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { School, User } from '@app/identity';
import { Incident } from './incident.entity';

/**
 * Related reports joined into one investigation: reports of one school about
 * the same thing (forty reports about one video). Members point here through
 * `incidents.case_group_id`, so a report is in at most one group; the primary
 * case carries the investigation and its resolution resolves every open member.
 * A deferred constraint trigger (migration CaseGroups) keeps the primary a
 * member and every member in the group's school.
 */
@Entity('case_groups')
export class CaseGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_case_groups_school')
  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_case_groups_school' })
  school?: School;

  /** The case that carries the investigation; one group per primary. */
  @Index('uq_case_groups_primary', { unique: true })
  @Column({ type: 'uuid' })
  primaryIncidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'primary_incident_id',
    foreignKeyConstraintName: 'fk_case_groups_primary_incident',
  })
  primaryIncident?: Incident;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_case_groups_created_by' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
