import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LiveEventKind } from './live-event-kinds';

/**
 * What the staff of a school are told live (`GET /api/v1/events`): queue
 * changes and critical alerts, written in the transaction of the change they
 * announce. An AFTER INSERT trigger (migration `LiveEvents`) calls
 * `pg_notify('live_events', ...)`, so every API process hears of it when that
 * transaction commits. The rows stay a day for catching up (`Last-Event-ID`);
 * the worker deletes older ones. Never the text of a case.
 */
@Entity('live_events')
@Index(['schoolId', 'id'])
@Index(['createdAt'])
export class LiveEvent {
  /** Increasing, the SSE `id:`. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  schoolId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: LiveEventKind;

  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  /** Ids and codes only (status, severity, reference, alert id). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
