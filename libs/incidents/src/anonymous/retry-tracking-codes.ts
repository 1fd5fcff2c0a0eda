import { createHmac, hkdfSync } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/common';
import { requestHash } from '../idempotency/idempotency.service';
import { trackingCodeFromDigest } from './tracking-code';

/**
 * The tracking code of an anonymous report filed with an `Idempotency-Key`.
 * It is derived, under a key drawn from the server's secret, from the
 * Idempotency-Key, the request and the report's reference, so a retry can be
 * answered with the same code although only the code's hash is stored: the
 * database alone cannot give it back, and neither can someone without the
 * Idempotency-Key and the exact request.
 */
@Injectable()
export class RetryTrackingCodes {
  private readonly secret: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secret = Buffer.from(
      hkdfSync('sha256', config.JWT_SECRET, 'safe-schools', 'anonymous report retry codes', 32),
    );
  }

  codeFor(reference: string, request: { key: string; body: unknown }): string {
    return trackingCodeFromDigest(
      createHmac('sha256', this.secret)
        .update(JSON.stringify([request.key, requestHash(request.body), reference]))
        .digest(),
    );
  }
}
