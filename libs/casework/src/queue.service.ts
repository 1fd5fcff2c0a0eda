import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, InjectAppConfig, toPage, type AppConfig, type Page } from '@app/common';
import { DirectoryService, narrowScope, type Principal, type SchoolScope } from '@app/identity';
import {
  Incident,
  OPEN_STATUSES,
  SEVERITIES,
  staffSummary,
  StaffIncidentSummary,
  STATUSES,
  SUMMARY_COLUMNS,
  type Category,
  type Location,
  type Severity,
  type Status,
} from '@app/incidents';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';

export interface QueueFilter {
  /** Any of these statuses (likewise severities and categories). */
  status?: readonly Status[];
  severity?: readonly Severity[];
  category?: readonly Category[];
  location?: readonly Location[];
  /** `me`, `none` or a user id. */
  assignee?: string;
  overdue?: boolean;
  schoolId?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

/** The queue's filters without paging: what `counts` narrows by. */
export type CountsFilter = Omit<QueueFilter, 'limit' | 'cursor'>;

/**
 * How many cases each choice of a filter would show, the other active filters
 * applied: `byStatus` ignores the status filter, `bySeverity` the severity
 * filter, `overdue` the overdue filter, `unassigned` and `mine` the assignee
 * filter. `total` is what the filters show together.
 */
export interface QueueCounts {
  total: number;
  byStatus: Record<Status, number>;
  /** `none`: not triaged yet (no severity). */
  bySeverity: Record<Severity | 'none', number>;
  overdue: number;
  unassigned: number;
  mine: number;
}

export interface Caseload {
  open: number;
  byStatus: Record<Status, number>;
  overdue: number;
  dueSoon: number;
  unassigned: number;
  critical: number;
  assignedToMe: { open: number; overdue: number; dueSoon: number };
}

/**
 * The caseworker's queue: their schools' incidents, critical first, then the
 * nearest deadline that matters now; keyset pages over (priority, due_at, id)
 * stay stable while new reports arrive.
 */
@Injectable()
export class QueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly directory: DirectoryService,
  ) {}

  /** `scope`: the caller's schools; a `schoolId` filter outside it is a 404. */
  async list(
    scope: SchoolScope,
    principal: Principal,
    filter: QueueFilter,
  ): Promise<Page<StaffIncidentSummary>> {
    const rows = await this.query(scope, principal, filter).getRawAndEntities();
    const keys = new Map(
      rows.raw.map((row: { incident_id: string; cursor_priority: number; cursor_due: string }) => [
        row.incident_id,
        [row.cursor_priority, row.cursor_due] as const,
      ]),
    );
    const [timeZones, people] = await Promise.all([
      this.directory.schoolTimeZones(rows.entities.map((incident) => incident.schoolId)),
      this.directory.names(rows.entities.map((incident) => incident.assigneeId)),
    ]);
    const summary = (incident: Incident) =>
      staffSummary(
        incident,
        timeZones.get(incident.schoolId) ?? 'UTC',
        incident.assigneeId ? (people.get(incident.assigneeId) ?? null) : null,
      );
    return toPage(rows.entities, filter.limit, summary, (incident) => [
      ...(keys.get(incident.id) ?? [1, 'infinity']),
      incident.id,
    ]);
  }

  /** The queue's SQL; public so that a test can check its plan uses the indexes. */
  query(
    scope: SchoolScope,
    principal: Principal,
    filter: QueueFilter,
  ): SelectQueryBuilder<Incident> {
    const query = this.dataSource
      .getRepository(Incident)
      .createQueryBuilder('incident')
      .select(SUMMARY_COLUMNS)
      .addSelect('incident.priority', 'cursor_priority')
      .addSelect('incident.due_at::text', 'cursor_due')
      .where(schoolCondition(narrowScope(scope, filter.schoolId)))
      .orderBy('incident.priority', 'ASC')
      .addOrderBy('incident.dueAt', 'ASC')
      .addOrderBy('incident.id', 'ASC')
      .limit(filter.limit + 1);
    anyOf(query, 'status', filter.status);
    anyOf(query, 'severity', filter.severity);
    anyOf(query, 'category', filter.category);
    anyOf(query, 'location', filter.location);
    if (filter.assignee === 'none') query.andWhere('incident.assigneeId IS NULL');
    else if (filter.assignee) {
      query.andWhere('incident.assigneeId = :assignee', {
        assignee: filter.assignee === 'me' ? principal.id : filter.assignee,
      });
    }
    if (filter.overdue !== undefined) {
      query.andWhere(filter.overdue ? 'incident.dueAt < now()' : 'incident.dueAt >= now()');
    }
    if (filter.q) {
      query.andWhere(`incident.searchVector @@ plainto_tsquery('simple', :q)`, { q: filter.q });
    }
    if (filter.cursor) {
      const [priority, dueAt, id] = decodeCursor(filter.cursor, 3);
      query.andWhere(
        '(incident.priority, incident.dueAt, incident.id) > (:priority, CAST(:dueAt AS timestamptz), :id)',
        {
          priority,
          dueAt,
          id,
        },
      );
    }
    return query;
  }

  /** `QueueCounts` in one statement: each count a FILTER over the rows the shared filters keep. */
  async counts(
    scope: SchoolScope,
    principal: Principal,
    filter: CountsFilter,
  ): Promise<QueueCounts> {
    const facets: Partial<Record<'status' | 'severity' | 'assignee' | 'overdue', string>> = {};
    const params: Record<string, unknown> = { me: principal.id };
    if (filter.status?.length) {
      facets.status = '"incident"."status" IN (:...countStatus)';
      params.countStatus = filter.status;
    }
    if (filter.severity?.length) {
      facets.severity = '"incident"."severity" IN (:...countSeverity)';
      params.countSeverity = filter.severity;
    }
    if (filter.assignee === 'none') facets.assignee = '"incident"."assignee_id" IS NULL';
    else if (filter.assignee) {
      facets.assignee = '"incident"."assignee_id" = :countAssignee';
      params.countAssignee = filter.assignee === 'me' ? principal.id : filter.assignee;
    }
    if (filter.overdue !== undefined) {
      facets.overdue = filter.overdue
        ? '"incident"."due_at" < now()'
        : '"incident"."due_at" >= now()';
    }
    /** The facets' conditions but one, as SQL. */
    const others = (except?: keyof typeof facets) =>
      Object.entries(facets)
        .filter(([facet]) => facet !== except)
        .map(([, condition]) => `(${condition})`)
        .concat('TRUE')
        .join(' AND ');
    const count = (condition: string, except?: keyof typeof facets) =>
      `count(*) FILTER (WHERE ${condition} AND ${others(except)})`;

    const query = this.dataSource
      .getRepository(Incident)
      .createQueryBuilder('incident')
      .select(count('TRUE'), 'total')
      .where(schoolCondition(narrowScope(scope, filter.schoolId)))
      .setParameters(params);
    for (const status of STATUSES) {
      query.addSelect(count(`"incident"."status" = '${status}'`, 'status'), `status_${status}`);
    }
    for (const severity of SEVERITIES) {
      query.addSelect(
        count(`"incident"."severity" = '${severity}'`, 'severity'),
        `severity_${severity}`,
      );
    }
    query
      .addSelect(count('"incident"."severity" IS NULL', 'severity'), 'severity_none')
      .addSelect(count('"incident"."due_at" < now()', 'overdue'), 'overdue')
      .addSelect(count('"incident"."assignee_id" IS NULL', 'assignee'), 'unassigned')
      .addSelect(count('"incident"."assignee_id" = :me', 'assignee'), 'mine');
    anyOf(query, 'category', filter.category);
    anyOf(query, 'location', filter.location);
    if (filter.q) {
      query.andWhere(`incident.searchVector @@ plainto_tsquery('simple', :q)`, { q: filter.q });
    }
    const row = (await query.getRawOne<Record<string, string>>()) ?? {};
    const n = (key: string) => Number(row[key] ?? 0);
    return {
      total: n('total'),
      byStatus: Object.fromEntries(
        STATUSES.map((status) => [status, n(`status_${status}`)]),
      ) as Record<Status, number>,
      bySeverity: Object.fromEntries(
        [...SEVERITIES, 'none' as const].map((severity) => [severity, n(`severity_${severity}`)]),
      ) as Record<Severity | 'none', number>,
      overdue: n('overdue'),
      unassigned: n('unassigned'),
      mine: n('mine'),
    };
  }

  async caseload(scope: SchoolScope, principal: Principal): Promise<Caseload> {
    const [row] = await this.dataSource.query<Record<string, string>[]>(
      `SELECT
         count(*) FILTER (WHERE status = ANY($2)) AS open,
         count(*) FILTER (WHERE status = 'submitted') AS submitted,
         count(*) FILTER (WHERE status = 'triaged') AS triaged,
         count(*) FILTER (WHERE status = 'investigating') AS investigating,
         count(*) FILTER (WHERE status = 'resolved') AS resolved,
         count(*) FILTER (WHERE status = 'closed') AS closed,
         count(*) FILTER (WHERE status = 'dismissed') AS dismissed,
         count(*) FILTER (WHERE due_at < now()) AS overdue,
         count(*) FILTER (WHERE due_at >= now() AND due_at < now() + make_interval(hours => $4)) AS due_soon,
         count(*) FILTER (WHERE status = ANY($2) AND assignee_id IS NULL) AS unassigned,
         count(*) FILTER (WHERE status = ANY($2) AND severity = 'critical') AS critical,
         count(*) FILTER (WHERE status = ANY($2) AND assignee_id = $3) AS mine_open,
         count(*) FILTER (WHERE assignee_id = $3 AND due_at < now()) AS mine_overdue,
         count(*) FILTER (WHERE assignee_id = $3 AND due_at >= now()
                          AND due_at < now() + make_interval(hours => $4)) AS mine_due_soon
       FROM incidents WHERE school_id = ANY($1)`,
      [scope.schoolIds, OPEN_STATUSES, principal.id, this.config.DUE_SOON_HOURS],
    );
    const n = (key: string) => Number(row[key]);
    return {
      open: n('open'),
      byStatus: {
        submitted: n('submitted'),
        triaged: n('triaged'),
        investigating: n('investigating'),
        resolved: n('resolved'),
        closed: n('closed'),
        dismissed: n('dismissed'),
      },
      overdue: n('overdue'),
      dueSoon: n('due_soon'),
      unassigned: n('unassigned'),
      critical: n('critical'),
      assignedToMe: {
        open: n('mine_open'),
        overdue: n('mine_overdue'),
        dueSoon: n('mine_due_soon'),
      },
    };
  }
}

/**
 * One school (the common case) as an equality, so PostgreSQL walks the queue
 * index in order and stops after one page; several as a list.
 */
function schoolCondition({ schoolIds }: SchoolScope) {
  return schoolIds.length === 1
    ? new Brackets((where) => where.where('incident.schoolId = :school', { school: schoolIds[0] }))
    : new Brackets((where) =>
        where.where('incident.schoolId = ANY(:schools)', { schools: schoolIds }),
      );
}

/**
 * `column` is one of `values`. A single value is an equality, so that
 * PostgreSQL walks the queue index of that status in order.
 */
function anyOf(
  query: SelectQueryBuilder<Incident>,
  column: 'status' | 'severity' | 'category' | 'location',
  values: readonly string[] | undefined,
) {
  if (!values?.length) return;
  if (values.length === 1)
    query.andWhere(`incident.${column} = :${column}`, { [column]: values[0] });
  else query.andWhere(`incident.${column} IN (:...${column})`, { [column]: values });
}
