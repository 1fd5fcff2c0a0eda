import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, toPage, type Page } from '@app/common';
import {
  audienceOf,
  DirectoryService,
  Permission,
  type Audience,
  type Principal,
} from '@app/identity';
import { Brackets, DataSource } from 'typeorm';
import { IncidentAccessService } from '../access/incident-access.service';
import { CaseRecorder } from '../recording/case-recorder';
import { Attachment } from '../entities/attachment.entity';
import { IncidentEvent } from '../entities/incident-event.entity';
import { Incident } from '../entities/incident.entity';
import type { Status } from '../incident.constants';
import { criticalReasons } from '../escalation/critical-reasons';
import { studentInvolvement } from '../involvement/student-involvement';
import {
  AttachmentView,
  FamilyIncidentView,
  OwnIncidentSummary,
  PartyView,
  ReporterIncidentView,
  SharedTimelineEntry,
  StaffIncidentSummary,
  StaffIncidentView,
  type IncidentView,
} from './incident.views';

/** Builds the view of an incident each caller is entitled to. */
@Injectable()
export class IncidentViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly recorder: CaseRecorder,
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
    return this.staffView(incident);
  }

  async viewOf(
    incident: Incident,
    audience: Audience,
    viewerId: string | null,
  ): Promise<IncidentView> {
    if (audience.kind === 'staff') return this.staffView(incident);
    const [events, attachments] = await Promise.all([
      this.dataSource.getRepository(IncidentEvent).find({
        where: { incidentId: incident.id, visibility: 'shared' },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      viewerId
        ? this.attachmentsOf(incident.id, viewerId)
        : this.anonymousAttachmentsOf(incident.id),
    ]);
    const timeline = events.map(sharedEntry);
    const common = {
      reference: incident.reference,
      status: incident.status,
      category: incident.category,
      location: incident.location,
      occurredAt: incident.occurredAt,
      triageDueAt: incident.triageDueAt,
      resolveDueAt: incident.resolveDueAt,
      resolvedAt: incident.resolvedAt,
      outcome: incident.outcome,
      resolutionSummary: incident.resolutionSummary,
      attachments,
      timeline,
      version: incident.version,
      createdAt: incident.createdAt,
    };
    if (audience.kind === 'reporter') {
      const view: ReporterIncidentView = {
        view: 'reporter',
        ...(viewerId ? { id: incident.id } : {}),
        ...common,
        locationDetail: incident.locationDetail,
        ongoing: incident.ongoing,
        description: incident.description,
        urgent: incident.urgent,
      };
      return view;
    }
    const child = (await this.directory.names([audience.studentId])).get(audience.studentId)!;
    const view: FamilyIncidentView = { view: 'family', id: incident.id, child, ...common };
    return view;
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
    // The same rules as the reach filter say which summary each row gets.
    const audiences = new Map(
      raw.map((row) => [row.incident_id as string, audienceOf(principal, row)?.kind]),
    );
    const page: Page<StaffIncidentSummary | OwnIncidentSummary> = toPage(
      entities,
      limit,
      (incident) => {
        const audience = audiences.get(incident.id);
        return audience === 'staff'
          ? staffSummary(incident)
          : ownSummary(incident, audience === 'reporter' ? 'reporter' : 'family');
      },
      (incident) => [incident.createdAt.toISOString(), incident.id],
    );
    return page;
  }

  private async staffView(incident: Incident): Promise<StaffIncidentView> {
    const [parties, events, attachments, repeats] = await Promise.all([
      this.dataSource.query<
        {
          id: string;
          role: PartyView['role'];
          student_id: string | null;
          name: string | null;
          note: string | null;
        }[]
      >(
        'SELECT id, role, student_id, name, note FROM incident_parties WHERE incident_id = $1 ORDER BY role, id',
        [incident.id],
      ),
      this.dataSource.getRepository(IncidentEvent).find({
        where: { incidentId: incident.id },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      this.dataSource.getRepository(Attachment).find({
        where: { incidentId: incident.id },
        order: { createdAt: 'ASC' },
      }),
      this.repeatInvolvement(incident),
    ]);
    const people = await this.directory.names([
      incident.reporterId,
      incident.onBehalfOfStudentId,
      incident.assigneeId,
      ...parties.map((party) => party.student_id),
      ...events.map((event) => event.actorId),
    ]);
    const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
    return {
      view: 'staff',
      id: incident.id,
      reference: incident.reference,
      schoolId: incident.schoolId,
      status: incident.status,
      severity: incident.severity,
      category: incident.category,
      location: incident.location,
      locationDetail: incident.locationDetail,
      occurredAt: incident.occurredAt,
      ongoing: incident.ongoing,
      description: incident.description,
      urgent: incident.urgent,
      escalationReasons: incident.escalationReasons,
      reporterKind: incident.reporterKind,
      reporter: person(incident.reporterId),
      onBehalfOf: person(incident.onBehalfOfStudentId),
      assignee: person(incident.assigneeId),
      parties: parties.map((party) => ({
        id: party.id,
        role: party.role,
        student: person(party.student_id),
        name: party.name,
        note: party.note,
        ...repeatFlags(repeats, party.student_id),
      })),
      triageDueAt: incident.triageDueAt,
      resolveDueAt: incident.resolveDueAt,
      resolvedAt: incident.resolvedAt,
      outcome: incident.outcome,
      resolutionSummary: incident.resolutionSummary,
      attachments: attachments.map(attachmentView),
      timeline: events.map((event) => ({
        id: event.id,
        type: event.type,
        at: event.createdAt,
        actor: person(event.actorId),
        visibility: event.visibility,
        data: event.data,
      })),
      version: incident.version,
      createdAt: incident.createdAt,
    };
  }

  /**
   * For each linked student: in how many other incidents of the last 90 days
   * they were a target or an aggressor (`studentInvolvement`: reports of
   * their own about themselves count as target).
   */
  private async repeatInvolvement(
    incident: Incident,
  ): Promise<Map<string, { target: number; aggressor: number }>> {
    const rows = await this.dataSource.query<
      { student_id: string; role: 'target' | 'aggressor'; incidents: string }[]
    >(
      `SELECT p.student_id, p.role, count(DISTINCT p.incident_id) AS incidents
         FROM ${studentInvolvement('ARRAY(SELECT student_id FROM incident_parties WHERE incident_id = $1 AND student_id IS NOT NULL)')} p
         JOIN incidents i ON i.id = p.incident_id
        WHERE p.incident_id <> $1
          AND p.role IN ('target', 'aggressor')
          AND i.school_id = $2
          AND i.occurred_at > now() - interval '${REPEAT_WINDOW_DAYS} days'
        GROUP BY p.student_id, p.role`,
      [incident.id, incident.schoolId],
    );
    const byStudent = new Map<string, { target: number; aggressor: number }>();
    for (const row of rows) {
      const counts = byStudent.get(row.student_id) ?? { target: 0, aggressor: 0 };
      counts[row.role] = Number(row.incidents);
      byStudent.set(row.student_id, counts);
    }
    return byStudent;
  }

  private async attachmentsOf(incidentId: string, uploaderId: string): Promise<AttachmentView[]> {
    const rows = await this.dataSource
      .getRepository(Attachment)
      .find({ where: { incidentId, uploadedById: uploaderId }, order: { createdAt: 'ASC' } });
    return rows.map(attachmentView);
  }

  /** For the anonymous reporter: the files added without an account. */
  private async anonymousAttachmentsOf(incidentId: string): Promise<AttachmentView[]> {
    const rows = await this.dataSource
      .getRepository(Attachment)
      .createQueryBuilder('attachment')
      .where('attachment.incidentId = :incidentId AND attachment.uploadedById IS NULL', {
        incidentId,
      })
      .orderBy('attachment.createdAt', 'ASC')
      .getMany();
    return rows.map(attachmentView);
  }
}

/** How far back repeat involvement is counted. */
export const REPEAT_WINDOW_DAYS = 90;

function repeatFlags(
  repeats: Map<string, { target: number; aggressor: number }>,
  studentId: string | null,
) {
  const counts = (studentId && repeats.get(studentId)) || { target: 0, aggressor: 0 };
  return {
    otherIncidentsAsTarget: counts.target,
    otherIncidentsAsAggressor: counts.aggressor,
    repeatTarget: counts.target > 0,
    repeatAggressor: counts.aggressor > 0,
  };
}

const attachmentView = (attachment: Attachment): AttachmentView => ({
  id: attachment.id,
  fileName: attachment.fileName,
  contentType: attachment.contentType,
  size: attachment.size,
  uploadedAt: attachment.createdAt,
});

const sharedEntry = (event: IncidentEvent): SharedTimelineEntry => ({
  type: event.type,
  at: event.createdAt,
  data: event.data,
});

/** The columns a summary needs: lists never load descriptions (up to 10,000 characters each). */
export const SUMMARY_COLUMNS = [
  'id',
  'reference',
  'schoolId',
  'reporterId',
  'status',
  'severity',
  'category',
  'location',
  'urgent',
  'escalationReasons',
  'assigneeId',
  'occurredAt',
  'triageDueAt',
  'resolveDueAt',
  'resolvedAt',
  'createdAt',
].map((column) => `incident.${column}`);

/** One line of the caseworker's queue. */
export function staffSummary(incident: Incident): StaffIncidentSummary {
  return {
    view: 'staff',
    id: incident.id,
    reference: incident.reference,
    schoolId: incident.schoolId,
    status: incident.status,
    severity: incident.severity,
    category: incident.category,
    location: incident.location,
    urgent: incident.urgent,
    critical: incident.severity === 'critical',
    criticalReasons: criticalReasons(incident),
    assigneeId: incident.assigneeId,
    occurredAt: incident.occurredAt,
    triageDueAt: incident.triageDueAt,
    resolveDueAt: incident.resolveDueAt,
    createdAt: incident.createdAt,
  };
}

function ownSummary(incident: Incident, view: 'reporter' | 'family'): OwnIncidentSummary {
  return {
    view,
    id: incident.id,
    reference: incident.reference,
    status: incident.status,
    category: incident.category,
    location: incident.location,
    occurredAt: incident.occurredAt,
    triageDueAt: incident.triageDueAt,
    resolveDueAt: incident.resolveDueAt,
    resolvedAt: incident.resolvedAt,
    createdAt: incident.createdAt,
  };
}
