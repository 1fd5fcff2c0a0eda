import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RuleViolationError } from '@app/common';

/** Canonical JSON: object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const requestHash = (body: unknown) =>
  createHash('sha256').update(canonicalJson(body)).digest('hex');

export interface IdempotentRequest {
  /** Null for an anonymous request: pass a key that only its sender can know (see `anonymousKey`). */
  userId: string | null;
  key: string;
  body: unknown;
}

/** An anonymous key as stored: hashed, so the table never holds what a retry must present. */
export const anonymousKey = (key: string) =>
  createHash('sha256').update(`anonymous:${key}`).digest('hex');

/**
 * Makes a creation safe to retry. Inside the caller's transaction it claims
 * (user, key), or the key alone for anonymous requests; a concurrent request
 * with the same key waits on the unique index until the first commits, then
 * replays its answer. If the first rolls back, the second does the work itself.
 */
@Injectable()
export class IdempotencyService {
  async run<T>(
    manager: EntityManager,
    request: IdempotentRequest,
    work: () => Promise<T>,
  ): Promise<{ replayed: boolean; response: T }> {
    const hash = requestHash(request.body);
    const claimed = await manager.query<{ id: string }[]>(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, 0, 'null')
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [request.userId, request.key, hash],
    );
    if (claimed.length === 0) {
      const [stored] = await manager.query<{ request_hash: string; response_body: T }[]>(
        request.userId === null
          ? 'SELECT request_hash, response_body FROM idempotency_keys WHERE user_id IS NULL AND key = $1'
          : 'SELECT request_hash, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2',
        request.userId === null ? [request.key] : [request.userId, request.key],
      );
      if (stored.request_hash !== hash) {
        throw new RuleViolationError(
          'This Idempotency-Key was already used with a different request body; use a new key for a new request',
        );
      }
      return { replayed: true, response: stored.response_body };
    }
    const response = await work();
    await manager.query(
      'UPDATE idempotency_keys SET response_status = 201, response_body = $2 WHERE id = $1',
      [claimed[0].id, JSON.stringify(response)],
    );
    return { replayed: false, response };
  }
}
