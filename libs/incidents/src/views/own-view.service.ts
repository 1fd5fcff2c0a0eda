import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DirectoryService, type InvolvedRole } from '@app/identity';
import { Brackets, DataSource } from 'typeorm';
import { Attachment } from '../entities/attachment.entity';
import { IncidentEvent } from '../entities/incident-event.entity';
import type { Incident } from '../entities/incident.entity';
import { OutcomeNotice } from '../entities/outcome-notice.entity';
import type {
  AttachmentView,
  FamilyIncidentView,
  IncidentView,
  InvolvedFamilyIncidentView,
  OutcomeNoticeView,
  ReporterIncidentView,
  SharedTimelineEntry,
} from './incident.views';
import { attachmentView, nextDeadline, sharedEntry } from './view-parts';

/**
 * The reporter's and the family's views of an incident: status, deadlines,
 * the shared timeline and the files the viewer added, never the case's
 * internals. `viewerId` null: the anonymous reporter.
 */
@Injectable()
export class OwnViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  async ownView(
    incident: Incident,
    audience: { kind: 'reporter' } | { kind: 'family'; studentId: string },
    viewerId: string | null,
  ): Promise<IncidentView> {
    const child = audience.kind === 'family' ? audience.studentId : null;
    const [timeline, attachments, timeZones, outcomeNotice] = await Promise.all([
      this.timelineOf(incident.id, child, 'shared'),
      viewerId
        ? this.attachmentsOf(incident.id, viewerId)
        : this.anonymousAttachmentsOf(incident.id),
      this.directory.schoolTimeZones([incident.schoolId]),
      child ? this.outcomeNoticeFor(incident.id, child) : null,
    ]);
    const common = {
      reference: incident.reference,
      status: incident.status,
      category: incident.category,
      location: incident.location,
      occurredAt: incident.occurredAt,
      triageDueAt: incident.triageDueAt,
      resolveDueAt: incident.resolveDueAt,
      dueAt: nextDeadline(incident),
      schoolTimeZone: timeZones.get(incident.schoolId)!,
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
    const view: FamilyIncidentView = {
      view: 'family',
      id: incident.id,
      child: (await this.directory.names([audience.studentId])).get(audience.studentId)!,
      ...common,
      outcomeNotice,
    };
    return view;
  }

  /** The parents of a linked aggressor or witness: their child's part, the status, their outcome notice. */
  async involvedFamilyView(
    incident: Incident,
    audience: { studentId: string; role: InvolvedRole },
  ): Promise<InvolvedFamilyIncidentView> {
    const [timeline, outcomeNotice, names, schools] = await Promise.all([
      this.timelineOf(incident.id, audience.studentId, 'status'),
      this.outcomeNoticeFor(incident.id, audience.studentId),
      this.directory.names([audience.studentId]),
      this.directory.schoolNames([incident.schoolId]),
    ]);
    return {
      view: 'involved_family',
      id: incident.id,
      reference: incident.reference,
      schoolName: schools.get(incident.schoolId)!,
      child: names.get(audience.studentId)!,
      childRole: audience.role,
      status: incident.status,
      resolvedAt: incident.resolvedAt,
      outcomeNotice,
      timeline,
      version: incident.version,
      createdAt: incident.createdAt,
    };
  }

  /**
   * The timeline a family or reporter reads, without actors: the shared
   * entries (`shared`) or only the status changes and the resolution, without
   * its outcome and summary (`status`), and the outcome
   * notices written for the family of `child` (internal entries, each shown to
   * the one family it was for, without their details).
   */
  private async timelineOf(
    incidentId: string,
    child: string | null,
    entries: 'shared' | 'status',
  ): Promise<SharedTimelineEntry[]> {
    const query = this.dataSource
      .getRepository(IncidentEvent)
      .createQueryBuilder('event')
      .where('event.incidentId = :incidentId', { incidentId })
      .andWhere(
        new Brackets((which) => {
          if (entries === 'shared') which.where("event.visibility = 'shared'");
          else which.where("event.type IN ('status_changed', 'resolved')");
          if (child) {
            which.orWhere("event.type = 'outcome_notice' AND event.data ->> 'studentId' = :child", {
              child,
            });
          }
        }),
      )
      .orderBy('event.createdAt', 'ASC')
      .addOrderBy('event.id', 'ASC');
    const events = await query.getMany();
    // Without its details where they are meant for others: the resolution's summary is the reporter's.
    const bare = (event: IncidentEvent) =>
      event.type === 'outcome_notice' || (entries === 'status' && event.type === 'resolved');
    return events.map((event) =>
      bare(event) ? { type: event.type, at: event.createdAt, data: {} } : sharedEntry(event),
    );
  }

  /** The latest outcome notice the school wrote for the family of this student. */
  private async outcomeNoticeFor(
    incidentId: string,
    studentId: string,
  ): Promise<OutcomeNoticeView | null> {
    const notice = await this.dataSource.getRepository(OutcomeNotice).findOne({
      where: { incidentId, studentId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return notice ? { summary: notice.summary, sentAt: notice.createdAt } : null;
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
