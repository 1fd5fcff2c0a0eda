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
import { Incident } from './incident.entity';

/** `system`: the school's automatic reply (after hours), written by nobody. */
export const MESSAGE_AUTHOR_KINDS = ['staff', 'reporter', 'family', 'anonymous', 'system'] as const;
export type MessageAuthorKind = (typeof MESSAGE_AUTHOR_KINDS)[number];

/**
 * A message between the case's staff and one family. Each incident has the
 * reporter's thread (the reporter and, for a student's report, their parents)
 * and one thread per family of a linked target child (`threadStudentId`), so
 * families never read each other, nor learn who reported.
 */
@Entity('messages')
@Index(['incidentId', 'createdAt'])
@Check(
  'chk_messages_author_kind',
  `"author_kind" IN ('staff', 'reporter', 'family', 'anonymous', 'system')`,
)
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'uuid' })
  schoolId: string;

  /** Null: the reporter's thread. Otherwise the family thread of this target student. */
  @Column({ type: 'uuid', nullable: true })
  threadStudentId: string | null;

  /** Null for the anonymous reporter. */
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'varchar', length: 16 })
  authorKind: MessageAuthorKind;

  @Column({ type: 'text' })
  body: string;

  /**
   * For the school's automatic after-hours reply: the opening it announced.
   * One reply per thread and closed period: a thread with a reply announcing
   * the same opening gets no second one.
   */
  @Column({ type: 'timestamptz', nullable: true })
  automaticUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
