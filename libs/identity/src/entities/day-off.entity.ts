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
import { District } from './district.entity';
import { School } from './school.entity';

/** The longest day-off range, in days (a summer break fits). */
export const DAY_OFF_MAX_DAYS = 120;
export const DAY_OFF_NAME_MAX = 100;

/**
 * Days without school, both ends included, in the school's time zone: a
 * holiday, a break, a snow day. A school's own (`schoolId`) or its
 * district's (`schoolId` null), which every school of the district keeps.
 */
@Entity('days_off')
@Index(['schoolId', 'startsOn'])
@Index(['districtId', 'startsOn'])
@Check('chk_days_off_range', `"ends_on" >= "starts_on" AND "ends_on" - "starts_on" < 120`)
@Check('chk_days_off_name', `char_length("name") BETWEEN 1 AND 100`)
export class DayOff {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: District;

  /** Null for a district-wide day off. */
  @Column({ type: 'uuid', nullable: true })
  schoolId: string | null;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  @Column({ type: 'varchar', length: DAY_OFF_NAME_MAX })
  name: string;

  /** First day off, `YYYY-MM-DD`. */
  @Column({ type: 'date' })
  startsOn: string;

  /** Last day off, `YYYY-MM-DD` (the same as `startsOn` for one day). */
  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
