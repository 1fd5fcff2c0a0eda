import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, toPage, type Page } from '@app/common';
import {
  audienceOf,
  DirectoryService,
  ownChildOf,
  Permission,
  type Audience,
  type Principal,
} from '@app/identity';
import { Brackets, DataSource } from 'typeorm';
import { IncidentAccessService } from '../access/incident-access.service';
import { CaseRecorder } from '../recording/case-recorder';
import { Incident } from '../entities/incident.entity';
import type { Status } from '../incident.constants';
import type {
  IncidentView,
  InvolvedFamilyIncidentSummary,
  OwnIncidentSummary,
  StaffIncidentSummary,
  StaffIncidentView,
} from './incident.views';
import { OwnViewService } from './own-view.service';
import { StaffViewService } from './staff-view.service';
import { involvedFamilySummary, ownSummary, staffSummary, SUMMARY_COLUMNS } from './summaries';

/** Builds the view of an incident each caller is entitled to. */
@Injectable()
export class IncidentViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly recorder: CaseRecorder,
    private readonly staff: StaffViewService,
    private readonly own: OwnViewService,
    private readonly directory: DirectoryService,
  ) {}

  /** Staff reads are written to the audit log before the case is shown. */
  async detail(principal: Principal, incidentId: string): Promise<IncidentView> {
    const { incident, audience } = await this.access.require({
      principal,
      permission: Permission.IncidentRead,
      incidentId,
    });
    if (audience.kind === 'staff') {
      await this.recorder.read(this.dataSource.manager, incident, principal.id, 'incident.viewed');
    }
    return this.viewOf(incident, audience, principal.id);
  }

  /** The staff view of an incident just changed by a caseworker (already audited by the change). */
  async staffViewOf(incidentId: string): Promise<StaffIncidentView> {
    const incident = await this.dataSource
      .getRepository(Incident)
      .findOneByOrFail({ id: incidentId });
    return this.staff.staffView(incident);
  }

  async viewOf(
    incident: Incident,
    audience: Audience,
    viewerId: string | null,
  ): Promise<IncidentView> {
    if (audience.kind === 'staff') return this.staff.staffView(incident);
    if (audience.kind === 'involved_family') return this.own.involvedFamilyView(incident, audience);
    return this.own.ownView(incident, audience, viewerId);
  }

  /** Reporters' and families' incidents, newest first (caseworkers use the queue). */
  async list(principal: Principal, limit: number, cursor?: string, statuses?: readonly Status[]) {
    const reach = this.access.reach(principal);
    const query = this.access
      .withAudience(
        this.dataSource
          .getRepository(Incident)
          .createQueryBuilder('incident')
          .select(SUMMARY_COLUMNS),
        principal,
      )
      .where(reach.sql, reach.params)
      .orderBy('incident.createdAt', 'DESC')
      .addOrderBy('incident.id', 'DESC')
      .take(limit + 1);
    if (statuses?.length) query.andWhere('incident.status IN (:...statuses)', { statuses });
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, 2);
      query.andWhere(
        new Brackets((where) =>
          where.where('(incident.createdAt, incident.id) < (:createdAt, :id)', { createdAt, id }),
        ),
      );
    }
    const { entities, raw } = await query.getRawAndEntities<Record<string, unknown>>();
    // The same rules as the reach filter say which summary each row gets, and whose child it is about.
    const audiences = new Map(
      raw.map((row) => [
        row.incident_id as string,
        { audience: audienceOf(principal, row), child: ownChildOf(principal, row) },
      ]),
    );
    const [timeZones, children] = await Promise.all([
      this.directory.schoolTimeZones(entities.map((incident) => incident.schoolId)),
      this.directory.names([
        ...[...audiences.values()].map((audience) => audience.child),
        ...entities.map((incident) => incident.assigneeId),
      ]),
    ]);
    const page: Page<StaffIncidentSummary | OwnIncidentSummary | InvolvedFamilyIncidentSummary> =
      toPage(
        entities,
        limit,
        (incident) => {
          const { audience, child } = audiences.get(incident.id)!;
          const kind = audience?.kind;
          if (audience?.kind === 'involved_family') {
            const name = children.get(audience.studentId) ?? {
              id: audience.studentId,
              displayName: '',
            };
            return involvedFamilySummary(incident, name, audience.role);
          }
          return kind === 'staff'
            ? staffSummary(
                incident,
                timeZones.get(incident.schoolId)!,
                incident.assigneeId ? (children.get(incident.assigneeId) ?? null) : null,
              )
            : ownSummary(
                incident,
                kind === 'reporter' ? 'reporter' : 'family',
                timeZones.get(incident.schoolId)!,
                child ? (children.get(child) ?? null) : null,
              );
        },
        (incident) => [incident.createdAt.toISOString(), incident.id],
      );
    return page;
  }
}
