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
  VersionColumn,
} from 'typeorm';
import { School, User } from '@app/identity';
import { CaseGroup } from './case-group.entity';
import {
  CATEGORIES,
  LOCATIONS,
  DISMISSAL_REASONS,
  OUTCOMES,
  REPORTER_KINDS,
  SEVERITIES,
  sqlList,
  STATUSES,
  type Category,
  type DismissalReason,
  type Location,
  type Outcome,
  type ReporterKind,
  type Severity,
  type Status,
} from '../incident.constants';

@Entity('incidents')
@Check('chk_incidents_category', `"category" IN (${sqlList(CATEGORIES)})`)
@Check('chk_incidents_location', `"location" IN (${sqlList(LOCATIONS)})`)
@Check('chk_incidents_status', `"status" IN (${sqlList(STATUSES)})`)
@Check('chk_incidents_severity', `"severity" IN (${sqlList(SEVERITIES)})`)
@Check('chk_incidents_reporter_kind', `"reporter_kind" IN (${sqlList(REPORTER_KINDS)})`)
@Check('chk_incidents_outcome', `"outcome" IN (${sqlList(OUTCOMES)})`)
@Check('chk_incidents_dismissal_reason', `"dismissal_reason" IN (${sqlList(DISMISSAL_REASONS)})`)
@Check('chk_incidents_reporter_locale', `"reporter_locale" IN ('en', 'es')`)
@Check(
  'chk_incidents_anonymous_has_no_reporter',
  `("reporter_kind" = 'anonymous') = ("reporter_id" IS NULL)`,
)
@Index(['schoolId', 'createdAt'])
@Index('idx_incidents_queue', ['schoolId', 'priority', 'dueAt', 'id'])
@Index('idx_incidents_queue_by_status', ['schoolId', 'status', 'priority', 'dueAt', 'id'])
@Index('idx_incidents_queue_by_assignee', ['assigneeId', 'priority', 'dueAt', 'id'])
@Index('idx_incidents_open_due', ['dueAt'], {
  where: `"status" IN ('submitted', 'triaged', 'investigating')`,
})
@Index('idx_incidents_search', { synchronize: false }) // GIN on search_vector, created by hand in the migration
export class Incident {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The tenancy key: every query for case data is scoped by school. */
  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: School;

  @Index()
  @Column({ type: 'uuid' })
  districtId: string;

  /** Human reference, unique: `MAPLE-2026-00042`. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  reference: string;

  /** Null only for anonymous reports: nothing links them to an account. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  reporterId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reporter_id' })
  reporter?: User;

  @Column({ type: 'varchar', length: 16 })
  reporterKind: ReporterKind;

  /** The student the report is about, when a parent or counselor files for them. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  onBehalfOfStudentId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'on_behalf_of_student_id' })
  onBehalfOfStudent?: User;

  @Column({ type: 'varchar', length: 32 })
  category: Category;

  @Column({ type: 'varchar', length: 32 })
  location: Location;

  @Column({ type: 'varchar', length: 200, nullable: true })
  locationDetail: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'boolean', default: false })
  ongoing: boolean;

  @Column({ type: 'text' })
  description: string;

  /** The reporter ticked "someone is in danger". */
  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  /** Why the report was escalated (at filing, or by a message): `urgent_flag`, `self_harm`, `weapon`, `threat`, `abuse`. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  escalationReasons: string[];

  @Column({ type: 'varchar', length: 16, default: 'submitted' })
  status: Status;

  /** Null until triage, unless the report was escalated (then `critical`). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  severity: Severity | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: User;

  /** Fixed at filing from the school's policy; never rewritten when the policy changes. */
  @Column({ type: 'timestamptz' })
  triageDueAt: Date;

  @Column({ type: 'timestamptz' })
  resolveDueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome: Outcome | null;

  /** The resolution as told to the family. */
  @Column({ type: 'text', nullable: true })
  resolutionSummary: string | null;

  /** Why a dismissed report was dismissed, for statistics: prank, duplicate or other. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  dismissalReason: DismissalReason | null;

  /**
   * The language an anonymous reporter chose on the report form (`en`, `es`),
   * for the automatic replies in their thread; null for reports from accounts
   * (their `users.locale` decides) and anonymous reports that did not say.
   */
  @Column({ type: 'varchar', length: 2, nullable: true })
  reporterLocale: 'en' | 'es' | null;

  /** Queue order, first key: open critical cases (0) before all others (1). Kept by PostgreSQL. */
  @Column({
    type: 'smallint',
    generatedType: 'STORED',
    asExpression: `CASE WHEN "severity" = 'critical' AND "status" IN ('submitted', 'triaged', 'investigating') THEN 0 ELSE 1 END`,
    select: false,
    insert: false,
    update: false,
  })
  priority: number;

  /**
   * Queue order, second key: the deadline that matters now (triage while
   * submitted, resolution while open, none once settled). Kept by PostgreSQL.
   */
  @Column({
    type: 'timestamptz',
    generatedType: 'STORED',
    asExpression: `CASE WHEN "status" = 'submitted' THEN "triage_due_at" WHEN "status" IN ('triaged', 'investigating') THEN "resolve_due_at" ELSE 'infinity'::timestamptz END`,
    select: false,
    insert: false,
    update: false,
  })
  dueAt: Date;

  /** Full-text search over the reference and the description (`?q=`). Kept by PostgreSQL. */
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('simple', "reference" || ' ' || "description")`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector: string;

  /**
   * The group of related reports this one belongs to (at most one), or null.
   * Staff only: nothing about the group ever reaches a reporter or a family.
   */
  @Index('idx_incidents_case_group')
  @Column({ type: 'uuid', nullable: true })
  caseGroupId: string | null;

  @ManyToOne(() => CaseGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_group_id', foreignKeyConstraintName: 'fk_incidents_case_group' })
  caseGroup?: CaseGroup;

  /** Optimistic locking: every change states the version it read. */
  @VersionColumn({ default: 1 })
  version: number;

  /** Millisecond precision, so list cursors built from JavaScript dates are exact. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
