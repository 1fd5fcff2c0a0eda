import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ROLES, type Locale, type Role } from '../roles';
import { District } from './district.entity';

@Entity('users')
@Check('chk_users_role', `"role" IN (${ROLES.map((role) => `'${role}'`).join(', ')})`)
@Check('chk_users_locale', `"locale" IN ('en', 'es')`)
// Trigram GIN on the accent-folded name and username, for the student directory
// search; created by hand in the StudentDirectory migration (`search_fold()`).
@Index('idx_users_directory_search', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: District;

  /** Lower-case login name, unique across the installation. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** A student's school grade as the school writes it ("6", "K"), when known. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  grade: string | null;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  /** argon2id encoded hash, never the password. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Access tokens issued before this instant are refused (sign-out, new password, disabling). */
  @Column({ type: 'timestamptz', nullable: true })
  sessionsValidAfter: Date | null;

  @Column({ type: 'varchar', length: 8, default: 'en' })
  locale: Locale;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
