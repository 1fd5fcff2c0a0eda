import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, toPage, type Page } from '@app/common';
import { DirectoryService, type SchoolScope } from '@app/identity';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  schoolId: string;
  incidentId?: string | null;
  actorId: string | null;
  action: string;
  details?: Record<string, unknown>;
}

/** The actions that record a read (everything else records a change). */
export const AUDIT_READ_ACTIONS = [
  'incident.viewed',
  'attachment.downloaded',
  'student.chronology_viewed',
] as const;

export type AuditKind = 'read' | 'change';

export interface AuditFilter {
  incidentId?: string;
  actorId?: string;
  /** Any of these actions. */
  actions?: readonly string[];
  /** Reads or changes only. */
  kind?: AuditKind;
  /** First school day (YYYY-MM-DD) counted, in each school's time zone. */
  from?: string;
  /** Last school day (YYYY-MM-DD) counted, in each school's time zone. */
  to?: string;
  limit: number;
  cursor?: string;
}

export interface AuditListEntry extends AuditEntry {
  actorName: string | null;
  /** The reference of the entry's incident, when it has one. */
  incidentReference: string | null;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cls: ClsService,
    private readonly directory: DirectoryService,
  ) {}

  /** Writes with the caller's transaction, so the record and the change stand or fall together. */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    const entries = manager.getRepository(AuditEntry);
    await entries.save(
      entries.create({
        schoolId: record.schoolId,
        incidentId: record.incidentId ?? null,
        actorId: record.actorId,
        action: record.action,
        requestId: this.currentRequestId(),
        details: record.details ?? {},
      }),
    );
  }

  /**
   * Newest first within `scope`, with the actor's name and the incident's
   * reference for display. Days (`from`, `to`) are each school's own.
   */
  async list(scope: SchoolScope, filter: AuditFilter): Promise<Page<AuditListEntry>> {
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('entry.schoolId = ANY(:schools)', { schools: scope.schoolIds })
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.incidentId)
      query.andWhere('entry.incidentId = :incidentId', { incidentId: filter.incidentId });
    if (filter.actorId) query.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
    if (filter.actions?.length)
      query.andWhere('entry.action = ANY(:actions)', { actions: filter.actions });
    if (filter.kind)
      query.andWhere(
        filter.kind === 'read' ? 'entry.action = ANY(:reads)' : 'entry.action <> ALL(:reads)',
        { reads: AUDIT_READ_ACTIONS },
      );
    const schoolZone = `(SELECT s.time_zone FROM schools s WHERE s.id = entry.school_id)`;
    if (filter.from)
      query.andWhere(`entry.at >= (CAST(:from AS date)::timestamp AT TIME ZONE ${schoolZone})`, {
        from: filter.from,
      });
    if (filter.to)
      query.andWhere(`entry.at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE ${schoolZone})`, {
        to: filter.to,
      });
    if (filter.cursor) {
      const [at, id] = decodeCursor(filter.cursor, 2);
      query.andWhere('(entry.at, entry.id) < (:at, :id)', { at, id });
    }
    const entries = await query.getMany();
    const [names, references] = await Promise.all([
      this.directory.names(entries.map((entry) => entry.actorId)),
      this.references(entries.map((entry) => entry.incidentId)),
    ]);
    return toPage(
      entries,
      filter.limit,
      (entry) =>
        Object.assign(entry, {
          actorName: entry.actorId ? (names.get(entry.actorId)?.displayName ?? null) : null,
          incidentReference: entry.incidentId ? (references.get(entry.incidentId) ?? null) : null,
        }),
      (entry) => [entry.at.toISOString(), entry.id],
    );
  }

  /** The references of the incidents the entries name, in one query. */
  private async references(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; reference: string }[]>(
      'SELECT id, reference FROM incidents WHERE id = ANY($1)',
      [wanted],
    );
    return new Map(rows.map((row) => [row.id, row.reference]));
  }

  /** The id of the HTTP request being served, when there is one. */
  currentRequestId(): string | null {
    return this.cls.isActive() ? (this.cls.getId() ?? null) : null;
  }
}
