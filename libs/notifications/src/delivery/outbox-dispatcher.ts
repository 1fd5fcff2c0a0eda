import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/common';
import { DataSource, EntityManager } from 'typeorm';
import type { NoticeType } from '../notice-types';
import type { OutboxPayload } from '../outbox/notices';
import { casePageUrl, renderEmail, renderNotice, type Locale } from '../templates/templates';
import { FamilyNoticeRecorder, type FamilyRecipient } from './family-notice-recorder';
import { recordFailedAttempt } from './retry';

interface OutboxRow {
  id: string;
  /** A `NoticeType`, unless the row was written by hand (then it fails and retries). */
  type: NoticeType;
  school_id: string;
  incident_id: string | null;
  /** Rows written by hand (tests, old data) may lack parts. */
  payload: Partial<OutboxPayload>;
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
    private readonly familyNotices: FamilyNoticeRecorder,
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
    await this.deliverToAddresses(manager, event);
    const recipients = event.payload.recipients ?? [];
    if (recipients.length === 0) return;
    const people = await manager.query<RecipientRow[]>(
      `SELECT id, display_name, email, locale FROM users WHERE id = ANY($1) AND NOT disabled
        ORDER BY display_name, id`,
      [recipients.map((recipient) => recipient.userId)],
    );
    const family: FamilyRecipient[] = [];
    const link = event.incident_id ? casePageUrl(this.config.PUBLIC_URL, event.incident_id) : null;
    for (const person of people) {
      const isFamily =
        recipients.find((recipient) => recipient.userId === person.id)?.family ?? false;
      const facts = { ...event.payload.facts!, family: isFamily };
      const notice = renderNotice(event.type, facts, person.locale);
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
        const email = renderEmail(event.type, facts, person.locale, link);
        await manager.query(
          `INSERT INTO email_deliveries (outbox_id, user_id, incident_id, family, to_address, subject, body)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (outbox_id, user_id) DO NOTHING`,
          [event.id, person.id, event.incident_id, isFamily, person.email, email.title, email.body],
        );
      }
    }
    if (family.length > 0 && event.incident_id) {
      await this.familyNotices.delivered(manager, {
        outboxId: event.id,
        type: event.type,
        schoolId: event.school_id,
        incidentId: event.incident_id,
        recipients: family,
      });
    }
  }

  /**
   * E-mails to plain addresses (a school's on-call contacts): no account, no
   * in-app notice, English; one per address (unique per outbox row).
   */
  private async deliverToAddresses(manager: EntityManager, event: OutboxRow): Promise<void> {
    const addresses = (event.payload as { addresses?: { email: string }[] }).addresses ?? [];
    if (addresses.length === 0) return;
    const link = event.incident_id ? casePageUrl(this.config.PUBLIC_URL, event.incident_id) : null;
    const email = renderEmail(event.type, { ...event.payload.facts!, family: false }, 'en', link);
    for (const { email: address } of addresses) {
      await manager.query(
        `INSERT INTO email_deliveries (outbox_id, user_id, incident_id, family, to_address, subject, body)
         VALUES ($1, NULL, $2, false, $3, $4, $5)
         ON CONFLICT (outbox_id, to_address) WHERE user_id IS NULL DO NOTHING`,
        [event.id, event.incident_id, address, email.title, email.body],
      );
    }
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
