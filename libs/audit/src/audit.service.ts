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

export interface AuditFilter {
  incidentId?: string;
  actorId?: string;
  limit: number;
  cursor?: string;
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

  /** Newest first within `scope`, with the actor's name for display. */
  async list(
    scope: SchoolScope,
    filter: AuditFilter,
  ): Promise<Page<AuditEntry & { actorName: string | null }>> {
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
    if (filter.cursor) {
      const [at, id] = decodeCursor(filter.cursor, 2);
      query.andWhere('(entry.at, entry.id) < (:at, :id)', { at, id });
    }
    const entries = await query.getMany();
    const names = await this.directory.names(entries.map((entry) => entry.actorId));
    return toPage(
      entries,
      filter.limit,
      (entry) =>
        Object.assign(entry, {
          actorName: entry.actorId ? (names.get(entry.actorId)?.displayName ?? null) : null,
        }),
      (entry) => [entry.at.toISOString(), entry.id],
    );
  }

  /** The id of the HTTP request being served, when there is one. */
  currentRequestId(): string | null {
    return this.cls.isActive() ? (this.cls.getId() ?? null) : null;
  }
}
