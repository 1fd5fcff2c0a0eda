import type { NoticeType } from '../notice-types';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const OUTBOX_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Something that happened and must be told to people, written in the same
 * transaction as the change itself. The worker delivers it; nothing is sent
 * from a request handler.
 */
@Entity('outbox')
@Index(['status', 'availableAt'])
@Check('chk_outbox_status', `"status" IN ('pending', 'delivered', 'dead')`)
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  type: NoticeType;

  @Column({ type: 'uuid' })
  schoolId: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Not before this time (backoff after a failed attempt). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
