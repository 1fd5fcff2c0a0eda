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
import type { NoticeType } from '../notice-types';
import { OutboxMessage } from '../outbox/outbox-message.entity';

/** An in-app notice. One per outbox event and recipient, whatever the number of deliveries. */
@Entity('notifications')
@Index(['outboxId', 'userId'], { unique: true })
@Index(['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid' })
  outboxId: string;

  @ManyToOne(() => OutboxMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outbox_id' })
  outbox?: OutboxMessage;

  @Column({ type: 'varchar', length: 64 })
  type: NoticeType;

  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
