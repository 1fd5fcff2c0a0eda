import type { SqlParams } from '@app/database';
import type { AddressRecipient, Notice } from './notices';

/** The pieces of the statement that the writer of a case change supplies. */
export interface OutboxInsertContext {
  params: SqlParams;
  /** Placeholders of the school and the case. */
  school: string;
  incident: string;
  /** Who caused the notice; null for the anonymous reporter and the system. */
  actorId: string | null;
  /** SQL answering one jsonb object: the case's `CaseFacts` at this moment. */
  caseFacts: string;
  /** SQL selecting the recipients, one row each: `user_id uuid, family boolean`. */
  recipients: string;
}

/**
 * The INSERT that queues a notice in the outbox, as SQL to embed in the
 * statement that records the change (one round trip for event, audit entry
 * and notice). The row's payload is an `OutboxPayload`; nothing is queued
 * when there is nobody to tell.
 */
export function outboxInsertSql(notice: Notice, context: OutboxInsertContext): string {
  const { params, school, incident } = context;
  const payload = notice.payload ?? {};
  const head = params.add(JSON.stringify({ actorId: context.actorId, ...payload }));
  const overFacts = params.add(JSON.stringify(payload));
  return `INSERT INTO outbox (type, school_id, incident_id, payload)
      SELECT ${params.add(notice.type)}, ${school}, ${incident},
             ${head}::jsonb || jsonb_build_object(
               'facts', (${context.caseFacts}) || ${overFacts}::jsonb,
               'recipients', recipients.list)
        FROM (SELECT jsonb_agg(jsonb_build_object('userId', r.user_id, 'family', r.family)
                               ORDER BY r.user_id) AS list
                FROM (${context.recipients}) AS r) AS recipients
       WHERE recipients.list IS NOT NULL`;
}

/**
 * The INSERT that queues a notice for plain e-mail addresses, not accounts
 * (`after_hours_critical` to a school's on-call contacts): no in-app notice,
 * one e-mail per address, in English. Nothing is queued without addresses.
 */
export function addressedOutboxInsertSql(
  notice: { type: 'after_hours_critical'; addresses: AddressRecipient[] },
  context: Omit<OutboxInsertContext, 'recipients'>,
): string {
  const { params, school, incident } = context;
  if (notice.addresses.length === 0) return 'SELECT 1 WHERE false';
  const head = params.add(
    JSON.stringify({ actorId: context.actorId, addresses: notice.addresses, recipients: [] }),
  );
  return `INSERT INTO outbox (type, school_id, incident_id, payload)
      SELECT ${params.add(notice.type)}, ${school}, ${incident},
             ${head}::jsonb || jsonb_build_object('facts', (${context.caseFacts}))`;
}
