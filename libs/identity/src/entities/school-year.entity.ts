import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { School } from './school.entity';

/**
 * A school's current year: its first and last day and, once known, the first
 * day of the next one (the break between them has no school days).
 */
@Entity('school_years')
@Check('chk_school_years_order', `"ends_on" > "starts_on" AND "ends_on" - "starts_on" <= 400`)
@Check('chk_school_years_next', `"next_starts_on" IS NULL OR "next_starts_on" > "ends_on"`)
export class SchoolYear {
  @PrimaryColumn({ type: 'uuid' })
  schoolId: string;

  @OneToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'date', nullable: true })
  nextStartsOn: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
