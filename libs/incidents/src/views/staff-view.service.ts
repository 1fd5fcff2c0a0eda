import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DirectoryService } from '@app/identity';
import { DataSource } from 'typeorm';
import { Attachment } from '../entities/attachment.entity';
import { IncidentEvent } from '../entities/incident-event.entity';
import type { Incident } from '../entities/incident.entity';
import { studentInvolvement } from '../involvement/student-involvement';
import type { PartyView, StaffIncidentView } from './incident.views';
import { attachmentView, nextDeadline } from './view-parts';

/** The caseworkers' view of an incident: everything, with the parties' repeat involvement. */
@Injectable()
export class StaffViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  async staffView(incident: Incident): Promise<StaffIncidentView> {
    const [parties, events, attachments, repeats, timeZones] = await Promise.all([
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
      this.timelineOf(incident),
      this.dataSource.getRepository(Attachment).find({
        where: { incidentId: incident.id },
        order: { createdAt: 'ASC' },
      }),
      this.repeatInvolvement(incident),
      this.directory.schoolTimeZones([incident.schoolId]),
    ]);
    const people = await this.directory.names([
      incident.reporterId,
      incident.onBehalfOfStudentId,
      incident.assigneeId,
      ...parties.map((party) => party.student_id),
      ...events.map(({ event }) => event.actorId),
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
      dueAt: nextDeadline(incident),
      schoolTimeZone: timeZones.get(incident.schoolId) ?? 'UTC',
      resolvedAt: incident.resolvedAt,
      outcome: incident.outcome,
      resolutionSummary: incident.resolutionSummary,
      attachments: attachments.map(attachmentView),
      timeline: events.map(({ event, writtenOn }) => ({
        id: event.id,
        type: event.type,
        at: event.createdAt,
        actor: person(event.actorId),
        visibility: event.visibility,
        data: event.data,
        ...(writtenOn ? { writtenOn } : {}),
      })),
      version: incident.version,
      createdAt: incident.createdAt,
    };
  }

  /**
   * The case's timeline, and when the case is in a group of related reports,
   * the notes and interventions written on the other members (the shared
   * investigation), each marked with the report it was written on.
   */
  private async timelineOf(
    incident: Incident,
  ): Promise<{ event: IncidentEvent; writtenOn?: { id: string; reference: string } }[]> {
    const events = this.dataSource.getRepository(IncidentEvent);
    if (!incident.caseGroupId) {
      const own = await events.find({
        where: { incidentId: incident.id },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return own.map((event) => ({ event }));
    }
    const members = await this.dataSource.query<{ id: string; reference: string }[]>(
      'SELECT id, reference FROM incidents WHERE case_group_id = $1 AND school_id = $2',
      [incident.caseGroupId, incident.schoolId],
    );
    const others = members.filter((member) => member.id !== incident.id);
    const found = await events
      .createQueryBuilder('event')
      .where('event.incidentId = :id', { id: incident.id })
      .orWhere('(event.incidentId IN (:...others) AND event.type IN (:...shared))', {
        others: others.length ? others.map((member) => member.id) : [incident.id],
        shared: GROUP_SHARED_EVENTS,
      })
      .orderBy('event.createdAt', 'ASC')
      .addOrderBy('event.id', 'ASC')
      .getMany();
    const references = new Map(others.map((member) => [member.id, member]));
    return found.map((event) => {
      const other = references.get(event.incidentId);
      return other ? { event, writtenOn: { id: other.id, reference: other.reference } } : { event };
    });
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
}

/** What the members of a group of related reports share on their staff timelines. */
const GROUP_SHARED_EVENTS = ['internal_note', 'shared_note', 'action_recorded'];

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
