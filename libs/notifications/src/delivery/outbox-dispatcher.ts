import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/common';
import { Inject } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { renderNotice, type Locale, type NoticeFacts } from '../templates/templates';
import { recordFailedAttempt } from './retry';

interface OutboxRow {
  id: string;
  type: string;
  school_id: string;
  incident_id: string | null;
  payload: {
    recipients?: { userId: string; family: boolean }[];
    facts?: Omit<NoticeFacts, 'family'>;
  };
  attempts: number;
}

interface RecipientRow {
  id: string;
  display_name: string;
  email: string | null;
  locale: Locale;
}

/**
 * Turns outbox events into in-app notices and queued e-mails, one per
 * recipient. Each event is claimed with FOR UPDATE SKIP LOCKED, so several
 * workers share the work without touching the same row; the unique
 * (outbox, user) keys make a redelivered event a no-op.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger('Outbox');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Delivers up to `limit` events; returns how many it handled. */
  async dispatchBatch(limit = 50): Promise<number> {
    let handled = 0;
    while (handled < limit && (await this.dispatchNext())) handled += 1;
    return handled;
  }

  /** Claims and delivers one due event; false when none is waiting. */
  async dispatchNext(): Promise<boolean> {
    let claimed: OutboxRow | undefined;
    try {
      return await this.dataSource.transaction(async (manager) => {
        [claimed] = await manager.query<OutboxRow[]>(
          `SELECT id, type, school_id, incident_id, payload, attempts FROM outbox
            WHERE status = 'pending' AND available_at <= now()
            ORDER BY available_at, created_at
            LIMIT 1 FOR UPDATE SKIP LOCKED`,
        );
        if (!claimed) return false;
        await this.deliver(manager, claimed);
        await manager.query(
          `UPDATE outbox SET status = 'delivered', processed_at = now() WHERE id = $1`,
          [claimed.id],
        );
        return true;
      });
    } catch (error) {
      if (!claimed) throw error; // the database itself is unreachable: the worker loop backs off
      await this.recordFailure(claimed, error as Error);
      return true;
    }
  }

  private async deliver(manager: EntityManager, event: OutboxRow): Promise<void> {
    const recipients = event.payload.recipients ?? [];
    if (recipients.length === 0) return;
    const people = await manager.query<RecipientRow[]>(
      `SELECT id, display_name, email, locale FROM users WHERE id = ANY($1) AND NOT disabled
        ORDER BY display_name, id`,
      [recipients.map((recipient) => recipient.userId)],
    );
    const family: FamilyRecipient[] = [];
    for (const person of people) {
      const isFamily =
        recipients.find((recipient) => recipient.userId === person.id)?.family ?? false;
      const notice = renderNotice(
        event.type,
        { ...(event.payload.facts as NoticeFacts), family: isFamily },
        person.locale,
      );
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO notifications (user_id, outbox_id, type, incident_id, title, body)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (outbox_id, user_id) DO NOTHING RETURNING id`,
        [person.id, event.id, event.type, event.incident_id, notice.title, notice.body],
      );
      if (created && isFamily) {
        family.push({
          recipientId: person.id,
          recipientName: person.display_name,
          channels: ['in_app'],
        });
      }
      if (person.email) {
        await manager.query(
          `INSERT INTO email_deliveries (outbox_id, user_id, incident_id, family, to_address, subject, body)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (outbox_id, user_id) DO NOTHING`,
          [
            event.id,
            person.id,
            event.incident_id,
            isFamily,
            person.email,
            notice.title,
            notice.body,
          ],
        );
      }
    }
    if (family.length > 0 && event.incident_id) await recordFamilyNotice(manager, event, family);
  }

  private async recordFailure(event: OutboxRow, error: Error): Promise<void> {
    const dead = await recordFailedAttempt(
      this.dataSource,
      'outbox',
      event,
      error,
      this.config.OUTBOX_MAX_ATTEMPTS,
    );
    this.logger.warn(
      `Outbox event ${event.id} (${event.type}) failed, attempt ${event.attempts + 1}${dead ? ' (giving up)' : ''}: ${error.message}`,
    );
  }
}

/** A family member a notice reached, and how: in the app at once, by e-mail once sent. */
export interface FamilyRecipient {
  recipientId: string;
  recipientName: string;
  channels: ('in_app' | 'email')[];
}

/**
 * The law asks schools to show when parents were informed: every notice that
 * reaches a family is written on the case timeline (for staff) as one
 * `family_notified` entry listing its recipients and their channels.
 */
export async function recordFamilyNotice(
  manager: EntityManager,
  event: { id: string; type: string; school_id: string; incident_id: string | null },
  recipients: FamilyRecipient[],
): Promise<void> {
  await manager.query(
    `INSERT INTO incident_events (incident_id, school_id, type, actor_id, visibility, data)
     VALUES ($1, $2, 'family_notified', NULL, 'internal', $3)`,
    [
      event.incident_id,
      event.school_id,
      JSON.stringify({ notice: event.type, outboxId: event.id, recipients }),
    ],
  );
}

/** Adds the e-mail channel for one recipient to the notice's entry, once the e-mail is sent. */
export async function recordFamilyEmail(
  manager: EntityManager,
  delivery: { incident_id: string; outbox_id: string; user_id: string },
): Promise<void> {
  await manager.query(
    `UPDATE incident_events
        SET data = jsonb_set(data, '{recipients}', (
              SELECT jsonb_agg(CASE WHEN r ->> 'recipientId' = $3 AND NOT (r -> 'channels') ? 'email'
                                    THEN jsonb_set(r, '{channels}', (r -> 'channels') || '"email"'::jsonb)
                                    ELSE r END ORDER BY n)
                FROM jsonb_array_elements(data -> 'recipients') WITH ORDINALITY AS x(r, n)))
      WHERE incident_id = $1 AND type = 'family_notified' AND data ->> 'outboxId' = $2`,
    [delivery.incident_id, delivery.outbox_id, delivery.user_id],
  );
}
