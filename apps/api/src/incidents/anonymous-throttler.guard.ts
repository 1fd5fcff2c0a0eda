import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Changes with every process start, so the counters' keys cannot be turned back into addresses. */
const PROCESS_KEY = randomBytes(32);

/**
 * Rate limits for the public endpoints, counted per client without keeping
 * the client's address: the counters (in memory only) are keyed by a keyed
 * hash of it.
 */
@Injectable()
export class AnonymousThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const address = typeof request.ip === 'string' ? request.ip : 'unknown';
    return Promise.resolve(createHmac('sha256', PROCESS_KEY).update(address).digest('base64url'));
  }
}
