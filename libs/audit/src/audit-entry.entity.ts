import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who read or changed what, and when. Append-only: a database trigger refuses
 * UPDATE, DELETE and TRUNCATE (see the AuditLog migration).
 */
@Entity('audit_log')
@Index(['schoolId', 'at'])
@Index(['incidentId', 'at'])
@Index(['actorId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  schoolId: string;

  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  /** Null for the anonymous reporter and for the system. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** e.g. `incident.viewed`, `incident.triaged`, `attachment.downloaded`. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  /** The HTTP request it happened in (the `x-request-id` of that request). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  at: Date;
}
