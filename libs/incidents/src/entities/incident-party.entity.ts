import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '@app/identity';
import { Incident } from './incident.entity';
import { PARTY_ROLES, sqlList, type PartyRole } from '../incident.constants';

/** A child involved in an incident: a student record of the school, or a name as written. */
@Entity('incident_parties')
@Check('chk_incident_parties_role', `"role" IN (${sqlList(PARTY_ROLES)})`)
@Check('chk_incident_parties_identified', `"student_id" IS NOT NULL OR "name" IS NOT NULL`)
export class IncidentParty {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'uuid' })
  schoolId: string;

  @Column({ type: 'varchar', length: 16 })
  role: PartyRole;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  studentId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id' })
  student?: User;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;
}
