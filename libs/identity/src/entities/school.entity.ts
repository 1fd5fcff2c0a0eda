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
import type { SchoolHours } from '@app/common';
import type { CrisisContact } from '../schools/crisis-contacts';
import type { OnCallContact } from '../schools/on-call-contacts';
import type { SchoolPlace } from '../schools/places';
import { District } from './district.entity';

@Entity('schools')
@Check(
  'chk_schools_crisis_contacts',
  `jsonb_typeof("crisis_contacts") = 'array' AND jsonb_array_length("crisis_contacts") <= 10`,
)
@Check(
  'chk_schools_on_call_contacts',
  `jsonb_typeof("on_call_contacts") = 'array' AND jsonb_array_length("on_call_contacts") <= 5`,
)
@Check(
  'chk_schools_school_hours',
  `jsonb_typeof("school_hours") = 'object' AND "school_hours" ?& ARRAY['opens', 'closes']`,
)
@Check(
  'chk_schools_places',
  `jsonb_typeof("places") = 'array' AND jsonb_array_length("places") <= 50`,
)
@Check(
  'chk_schools_policy',
  '"triage_school_days" BETWEEN 0 AND 60 AND "resolve_school_days" BETWEEN 1 AND 120',
)
export class School {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: District;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Public code used by anonymous reporters, e.g. `MAPLE`. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  code: string;

  /** IANA time zone, e.g. `America/New_York`. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** Days without school (ISO dates), skipped by deadlines. */
  @Column({ type: 'date', array: true, default: () => "'{}'" })
  holidays: string[];

  @Column({ type: 'smallint', default: 1 })
  triageSchoolDays: number;

  @Column({ type: 'smallint', default: 10 })
  resolveSchoolDays: number;

  /** Whom to reach in a crisis, on the school's public page (at most 10). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  crisisContacts: CrisisContact[];

  /** When the school is staffed on its school days, local time (`HH:MM`, opens before closes). */
  @Column({ type: 'jsonb', default: () => `'{"opens": "08:00", "closes": "15:30"}'` })
  schoolHours: SchoolHours;

  /** Whom to e-mail when a critical report arrives while the school is closed (at most 5). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  onCallContacts: OnCallContact[];

  /** Named places the report form offers, each mapped to an incident location (at most 50). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  places: SchoolPlace[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
