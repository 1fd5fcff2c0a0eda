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
import { OutboxMessage } from '../outbox/outbox-message.entity';

export const EMAIL_STATUSES = ['pending', 'sent', 'dead'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * One e-mail to send: one per outbox event and recipient (an account, or a
 * plain address), so a redelivered event never queues a second message. Rendered in the recipient's language
 * when queued.
 */
@Entity('email_deliveries')
@Index(['outboxId', 'userId'], { unique: true })
@Index('uq_email_deliveries_outbox_address', ['outboxId', 'toAddress'], {
  unique: true,
  where: '"user_id" IS NULL',
})
@Index(['status', 'availableAt'])
@Check('chk_email_deliveries_status', `"status" IN ('pending', 'sent', 'dead')`)
export class EmailDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  outboxId: string;

  @ManyToOne(() => OutboxMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outbox_id' })
  outbox?: OutboxMessage;

  /** Null for a plain address that is no account (a school's on-call contacts). */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  /** Whether the recipient is a student or parent (recorded on the case timeline once sent). */
  @Column({ type: 'boolean', default: false })
  family: boolean;

  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: EmailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
