import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DirectoryService, Permission, type Audience, type Principal } from '@app/identity';
import { ConflictError, decodeCursor, type Page, RuleViolationError, toPage } from '@app/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AfterHoursReplies } from '../after-hours/after-hours-replies';
import { IncidentAccessService } from '../access/incident-access.service';
import { Message, type MessageAuthorKind } from '../entities/message.entity';
import type { Incident } from '../entities/incident.entity';
import { MessageEscalation } from '../escalation/message-escalation';
import { CaseRecorder } from '../recording/case-recorder';
import type { MessageView } from '../views/incident.views';

export const ANONYMOUS_AUTHOR_NAME = 'Anonymous reporter';
/** The author of the school's automatic (after-hours) replies: the web app shows its own words. */
export const AUTOMATIC_REPLY_AUTHOR_NAME = 'Automatic reply';

/**
 * A closed case is settled for good (it cannot be reopened), so nobody would
 * act on a new message: the answer says where a new concern goes instead.
 */
function closedCaseMessage(authorKind: MessageAuthorKind): string {
  const newReport =
    authorKind === 'anonymous'
      ? 'file a new report (POST /api/v1/public/reports), which gets its own tracking code'
      : 'file a new report (POST /api/v1/incidents)';
  return authorKind === 'staff'
    ? `This case is closed and takes no new messages. For a new concern, ${newReport}`
    : `This case is closed and takes no new messages. If something is still wrong or has happened again, ${newReport}`;
}

/** The conversation between a case's staff and the families it concerns. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly recorder: CaseRecorder,
    private readonly directory: DirectoryService,
    private readonly afterHours: AfterHoursReplies,
    private readonly escalation: MessageEscalation,
  ) {}

  /** One page of the caller's thread (staff: every thread), oldest first. */
  async list(
    principal: Principal,
    incidentId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<MessageView>> {
    const { incident, audience } = await this.access.require({
      principal,
      permission: Permission.IncidentRead,
      incidentId,
    });
    const query = this.threadQuery(incident, audience)
      .addSelect('message.created_at::text', 'cursor_at')
      .limit(limit + 1);
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, 2);
      query.andWhere('(message.createdAt, message.id) > (CAST(:createdAt AS timestamptz), :id)', {
        createdAt,
        id,
      });
    }
    const { entities, raw } = await query.getRawAndEntities<{
      message_id: string;
      cursor_at: string;
    }>();
    const cursorAt = new Map(raw.map((row) => [row.message_id, row.cursor_at]));
    const page = toPage(
      entities,
      limit,
      (message) => message,
      (message) => [cursorAt.get(message.id) ?? null, message.id],
    );
    return { ...page, items: await this.views(page.items, audience, principal.id) };
  }

  async post(
    principal: Principal,
    incidentId: string,
    body: string,
    familyOfStudentId?: string,
  ): Promise<MessageView> {
    return this.dataSource.transaction(async (manager) => {
      const { incident, audience } = await this.access.require({
        principal,
        permission: Permission.IncidentMessage,
        incidentId,
        manager,
      });
      let threadStudentId: string | null;
      if (audience.kind === 'staff') {
        threadStudentId = familyOfStudentId ?? null;
        if (threadStudentId) await this.requireFamilyThread(manager, incident, threadStudentId);
      } else {
        if (familyOfStudentId) {
          throw new RuleViolationError(
            'familyOfStudentId is for school staff choosing a family thread',
          );
        }
        threadStudentId = familyThreadOf(audience);
      }
      // Parents of an aggressor or a witness write as the family they are, in their own thread.
      const authorKind: MessageAuthorKind =
        audience.kind === 'involved_family' ? 'family' : audience.kind;
      const message = await this.write(
        manager,
        incident,
        principal.id,
        authorKind,
        threadStudentId,
        body,
      );
      return { ...view(message, principal.id, audience, principal.displayName) };
    });
  }

  /** The anonymous reporter's side: their thread, by tracking code (resolved by the caller). */
  async anonymousThread(incident: Incident): Promise<MessageView[]> {
    return this.thread(incident, { kind: 'reporter' }, null);
  }

  async postAnonymous(incident: Incident, body: string): Promise<MessageView> {
    return this.dataSource.transaction(async (manager) => {
      const message = await this.write(manager, incident, null, 'anonymous', null, body);
      return view(message, null, { kind: 'reporter' }, ANONYMOUS_AUTHOR_NAME);
    });
  }

  private async thread(
    incident: Incident,
    audience: Audience,
    viewerId: string | null,
  ): Promise<MessageView[]> {
    return this.views(await this.threadQuery(incident, audience).getMany(), audience, viewerId);
  }

  /** The messages the audience may read, oldest first. */
  private threadQuery(incident: Incident, audience: Audience): SelectQueryBuilder<Message> {
    const query = this.dataSource
      .getRepository(Message)
      .createQueryBuilder('message')
      .where('message.incidentId = :incidentId', { incidentId: incident.id })
      .orderBy('message.createdAt', 'ASC')
      .addOrderBy('message.id', 'ASC');
    if (audience.kind === 'staff') return query;
    const threadStudentId = familyThreadOf(audience);
    return threadStudentId
      ? query.andWhere('message.threadStudentId = :threadStudentId', { threadStudentId })
      : query.andWhere('message.threadStudentId IS NULL');
  }

  private async views(
    messages: Message[],
    audience: Audience,
    viewerId: string | null,
  ): Promise<MessageView[]> {
    const authors = await this.directory.names(messages.map((message) => message.authorId));
    return messages.map((message) =>
      view(
        message,
        viewerId,
        audience,
        message.authorKind === 'system'
          ? AUTOMATIC_REPLY_AUTHOR_NAME
          : message.authorId
            ? (authors.get(message.authorId)?.displayName ?? 'Former user')
            : ANONYMOUS_AUTHOR_NAME,
      ),
    );
  }

  private async write(
    manager: EntityManager,
    incident: Incident,
    authorId: string | null,
    authorKind: MessageAuthorKind,
    threadStudentId: string | null,
    body: string,
  ): Promise<Message> {
    if (incident.status === 'closed') throw new ConflictError(closedCaseMessage(authorKind));
    const message = await manager.getRepository(Message).save(
      manager.getRepository(Message).create({
        incidentId: incident.id,
        schoolId: incident.schoolId,
        threadStudentId,
        authorId,
        authorKind,
        body,
      }),
    );
    await this.recorder.record(manager, {
      incident,
      actorId: authorId,
      event: {
        type: 'message_posted',
        visibility: 'internal',
        data: { messageId: message.id, authorKind, threadStudentId },
      },
      audit: { action: 'message.posted', details: { messageId: message.id, threadStudentId } },
      notice: {
        type: 'message_posted',
        // Staff write to one family's thread; families and reporters to whoever handles the case.
        to:
          authorKind === 'staff'
            ? [{ kind: 'thread', threadStudentId }]
            : [{ kind: 'assignee_or_counselors' }],
        payload: { messageId: message.id, authorKind, threadStudentId },
      },
    });
    // A family's or reporter's message while the school is closed: the automatic reply.
    await this.afterHours.replyIfClosed(manager, {
      incident,
      threadStudentId,
      authorId,
      authorKind,
    });
    // Danger in a family's or reporter's message makes the case critical, as at filing.
    await this.escalation.scan(manager, incident, message);
    return message;
  }

  /** Every linked student's family has a thread: targets', aggressors' and witnesses'. */
  private async requireFamilyThread(manager: EntityManager, incident: Incident, studentId: string) {
    const [party] = await manager.query<{ id: string }[]>(
      `SELECT id FROM incident_parties WHERE incident_id = $1 AND student_id = $2 LIMIT 1`,
      [incident.id, studentId],
    );
    if (!party) {
      throw new RuleViolationError(
        'familyOfStudentId must be a student linked to this incident (a target, an aggressor or a witness)',
      );
    }
  }
}

/** The thread a family audience writes and reads in: null for the reporter's. */
function familyThreadOf(audience: Audience): string | null {
  return audience.kind === 'family' || audience.kind === 'involved_family'
    ? audience.threadStudentId
    : null;
}

function view(
  message: Message,
  viewerId: string | null,
  audience: Audience,
  authorName: string,
): MessageView {
  return {
    id: message.id,
    authorKind: message.authorKind,
    authorName,
    mine: viewerId === null ? message.authorKind === 'anonymous' : message.authorId === viewerId,
    ...(audience.kind === 'staff' ? { threadStudentId: message.threadStudentId } : {}),
    body: message.body,
    createdAt: message.createdAt,
  };
}
