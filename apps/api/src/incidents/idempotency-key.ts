import { BadRequestException } from '@nestjs/common';
import type { ApiHeaderOptions } from '@nestjs/swagger';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const IDEMPOTENCY_KEY_HEADER: ApiHeaderOptions = {
  name: 'Idempotency-Key',
  required: false,
  description: '1 to 255 visible ASCII characters',
};

/** What a filing route reads the key from: the raw request (a `@Headers()` parameter would be documented as required). */
export interface RequestWithIdempotencyKey {
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The `Idempotency-Key` header with the request body it guards (as sent, before
 * validation transforms it); undefined without the header.
 */
export function idempotencyOf({
  headers,
  body,
}: RequestWithIdempotencyKey): { key: string; body: unknown } | undefined {
  const key = headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
  }
  return { key, body };
}
