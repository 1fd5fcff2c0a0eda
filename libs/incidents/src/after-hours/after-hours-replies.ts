import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/common';
import type { EntityManager } from 'typeorm';
import type { Incident } from '../entities/incident.entity';
import { Message } from '../entities/message.entity';
import { CaseRecorder } from '../recording/case-recorder';
import { afterHoursReplyText, type ReplyLocale } from './after-hours-reply-text';
import { HelpService } from './help';

/** Whoever wrote into a thread, as the automatic reply needs to know them. */
export interface ThreadWriting {
  incident: Pick<Incident, 'id' | 'schoolId' | 'reporterLocale'>;
  /** Null: the reporter's thread; otherwise a target's family thread. */
  threadStudentId: string | null;
  /** The account that wrote (its `users.locale` is the reply's language); null for anonymous. */
  authorId: string | null;
  authorKind: string;
}

/**
 * The school's automatic reply when a report or a family's message arrives
 * while the school is closed (outside its hours, a weekend, a holiday, a day
 * off): a `system` message in that same thread, in the writer's language,
 * saying when the school opens and where to get help now. At most one per
 * thread and closed period: the reply stores the opening it announced
 * (`automatic_until`), and a thread with a reply announcing that opening gets
 * no second one. Staff messages never get one. Written with the caller's
 * transaction, so it commits with the report or message.
 */
@Injectable()
export class AfterHoursReplies {
  constructor(
    private readonly help: HelpService,
    private readonly recorder: CaseRecorder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async replyIfClosed(manager: EntityManager, writing: ThreadWriting): Promise<Message | null> {
    if (!this.config.AFTER_HOURS_REPLIES) return null;
    if (writing.authorKind === 'staff' || writing.authorKind === 'system') return null;
    const { incident, threadStudentId } = writing;
    const facts = await this.help.facts(manager, incident.schoolId);
    if (facts.help.openNow) return null;
    const opensAt = facts.help.nextOpensAt;
    // Two messages of the same night, at the same moment: one reply.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `after-hours:${incident.id}:${threadStudentId ?? 'reporter'}`,
    ]);
    const [already] = await manager.query<unknown[]>(
      `SELECT 1 FROM messages
        WHERE incident_id = $1 AND author_kind = 'system'
          AND thread_student_id IS NOT DISTINCT FROM $2::uuid
          AND automatic_until IS NOT DISTINCT FROM $3::timestamptz
        LIMIT 1`,
      [incident.id, threadStudentId, opensAt],
    );
    if (already) return null;
    const locale = await this.localeOf(manager, writing);
    const messages = manager.getRepository(Message);
    const reply = await messages.save(
      messages.create({
        incidentId: incident.id,
        schoolId: incident.schoolId,
        threadStudentId,
        authorId: null,
        authorKind: 'system',
        automaticUntil: opensAt,
        body: afterHoursReplyText(
          {
            schoolName: facts.schoolName,
            opensAt,
            timeZone: facts.help.schoolHours.timeZone,
            crisisContacts: facts.help.crisisContacts,
          },
          locale,
        ),
      }),
    );
    await this.recorder.record(manager, {
      incident,
      actorId: null,
      event: {
        type: 'after_hours_reply',
        visibility: 'internal',
        data: { messageId: reply.id, threadStudentId, locale, opensAt },
      },
    });
    return reply;
  }

  /** The writer's language: their account's, or the one the anonymous reporter chose (else English). */
  private async localeOf(manager: EntityManager, writing: ThreadWriting): Promise<ReplyLocale> {
    if (!writing.authorId) return writing.incident.reporterLocale ?? 'en';
    const [user] = await manager.query<{ locale: string }[]>(
      `SELECT locale FROM users WHERE id = $1`,
      [writing.authorId],
    );
    return user?.locale === 'es' ? 'es' : 'en';
  }
}
