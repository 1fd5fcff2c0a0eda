import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from './user.entity';

/** A parent or guardian of a student; set up by school or district administrators. */
@Entity('guardianships')
@Index(['parentId', 'studentId'], { unique: true })
export class Guardianship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  parentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: User;

  @Index()
  @Column({ type: 'uuid' })
  studentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: User;

  /** Whether the school has checked the relationship (administrators create verified links). */
  @Column({ type: 'boolean', default: true })
  verified: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
