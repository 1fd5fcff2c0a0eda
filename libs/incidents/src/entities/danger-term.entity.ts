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
import { District } from '@app/identity';

export const DANGER_TERM_PHRASE_MAX = 100;

/**
 * A district's own danger term, on top of the built-in data
 * (`escalation/terms/*.ts`): reports and messages of the district's schools
 * that contain it become critical. `phrase` is stored as the matcher reads it
 * (lower case, no accents or punctuation), so one phrase is one row.
 */
@Entity('danger_terms')
@Index(['districtId', 'language', 'phrase'], { unique: true })
@Check('chk_danger_terms_language', `"language" IN ('en', 'es')`)
@Check('chk_danger_terms_category', `"category" IN ('self_harm', 'weapon', 'threat', 'abuse')`)
@Check('chk_danger_terms_phrase', `char_length("phrase") BETWEEN 2 AND 100`)
export class DangerTermRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: District;

  @Column({ type: 'varchar', length: 2 })
  language: 'en' | 'es';

  @Column({ type: 'varchar', length: 16 })
  category: 'self_harm' | 'weapon' | 'threat' | 'abuse';

  @Column({ type: 'varchar', length: DANGER_TERM_PHRASE_MAX })
  phrase: string;

  /** Null once the account that added it is gone. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
