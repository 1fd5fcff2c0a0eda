import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DirectoryService } from '@app/identity';
import { DataSource } from 'typeorm';
import { Attachment } from '../entities/attachment.entity';
import { IncidentEvent } from '../entities/incident-event.entity';
import type { Incident } from '../entities/incident.entity';
import type {
  AttachmentView,
  FamilyIncidentView,
  IncidentView,
  ReporterIncidentView,
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
      dueAt: nextDeadline(incident),
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
