import { BadRequestException } from '@nestjs/common';
import type { ApiHeaderOptions } from '@nestjs/swagger';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const IDEMPOTENCY_KEY_HEADER: ApiHeaderOptions = {
  name: 'Idempotency-Key',
  required: false,
  description: '1 to 255 visible ASCII characters',
};

/**
 * The `Idempotency-Key` header with the request body it guards (as sent, before
 * validation transforms it); undefined without the header.
 */
export function idempotencyOf(
  key: string | undefined,
  body: unknown,
): { key: string; body: unknown } | undefined {
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
  }
  return { key, body };
}
