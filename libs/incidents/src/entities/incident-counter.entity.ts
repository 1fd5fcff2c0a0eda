import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last reference number given out per school and year. */
@Entity('incident_counters')
export class IncidentCounter {
  @PrimaryColumn({ type: 'uuid' })
  schoolId: string;

  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'integer' })
  lastNumber: number;
}
