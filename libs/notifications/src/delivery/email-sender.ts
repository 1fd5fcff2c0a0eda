import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/common';
import { DataSource } from 'typeorm';
import { MailTransport } from './mail-transport';
import { FamilyNoticeRecorder } from './family-notice-recorder';
import { recordFailedAttempt } from './retry';

interface DeliveryRow {
  id: string;
  outbox_id: string;
  incident_id: string | null;
  user_id: string | null;
  family: boolean;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends queued e-mails. A delivery row stays locked while its message is
 * handed to the mail server, so no other worker sends it too; the message id
 * is the delivery id, so a resend after a crash is recognisable as the same
 * message.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger('Email');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly familyNotices: FamilyNoticeRecorder,
  ) {}

  async sendBatch(limit = 20): Promise<number> {
    let sent = 0;
    while (sent < limit && (await this.sendNext())) sent += 1;
    return sent;
  }

  async sendNext(): Promise<boolean> {
    let claimed: DeliveryRow | undefined;
    try {
      return await this.dataSource.transaction(async (manager) => {
        [claimed] = await manager.query<DeliveryRow[]>(
          `SELECT d.id, d.outbox_id, d.incident_id, d.user_id, d.family, d.to_address, d.subject,
                  d.body, d.attempts
             FROM email_deliveries d
            WHERE d.status = 'pending' AND d.available_at <= now()
            ORDER BY d.available_at, d.created_at
            LIMIT 1 FOR UPDATE OF d SKIP LOCKED`,
        );
        if (!claimed) return false;
        await this.transport.send({
          messageId: `<${claimed.id}@safe-schools>`,
          from: this.config.MAIL_FROM,
          to: claimed.to_address,
          subject: claimed.subject,
          text: claimed.body,
        });
        await manager.query(
          `UPDATE email_deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1`,
          [claimed.id],
        );
        if (claimed.family && claimed.incident_id && claimed.user_id) {
          await this.familyNotices.emailed(manager, {
            incidentId: claimed.incident_id,
            outboxId: claimed.outbox_id,
            userId: claimed.user_id,
          });
        }
        return true;
      });
    } catch (error) {
      if (!claimed) throw error;
      await this.recordFailure(claimed, error as Error);
      return true;
    }
  }

  private async recordFailure(delivery: DeliveryRow, error: Error): Promise<void> {
    const dead = await recordFailedAttempt(
      this.dataSource,
      'email_deliveries',
      delivery,
      error,
      this.config.OUTBOX_MAX_ATTEMPTS,
    );
    this.logger.warn(
      `E-mail ${delivery.id} failed, attempt ${delivery.attempts + 1}${dead ? ' (giving up)' : ''}: ${error.message}`,
    );
  }
}
