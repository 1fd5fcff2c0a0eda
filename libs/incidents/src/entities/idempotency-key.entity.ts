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
 * A request made with an `Idempotency-Key`: a retry with the same key and
 * body gets the stored answer instead of a second incident. Keys are scoped
 * to their user; anonymous reports have no user, and their key is stored only
 * as a hash.
 */
@Entity('idempotency_keys')
@Index(['userId', 'key'], { unique: true })
@Index('idx_idempotency_keys_anonymous', ['key'], { unique: true, where: '"user_id" IS NULL' })
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for an anonymous report. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 255 })
  key: string;

  /** SHA-256 of the request body, to tell a retry from a different request. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'smallint' })
  responseStatus: number;

  @Column({ type: 'jsonb' })
  responseBody: unknown;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
