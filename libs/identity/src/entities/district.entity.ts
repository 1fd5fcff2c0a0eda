import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CrisisContact } from '../schools/crisis-contacts';

@Entity('districts')
@Check(
  'chk_districts_crisis_contacts',
  `jsonb_typeof("crisis_contacts") = 'array' AND jsonb_array_length("crisis_contacts") <= 10`,
)
export class District {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Whom to reach in a crisis, shown for the district's schools that list none (at most 10). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  crisisContacts: CrisisContact[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
