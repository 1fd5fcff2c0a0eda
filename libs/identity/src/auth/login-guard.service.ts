import { Injectable } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@app/common';
import { TooManyAttemptsException } from './auth.errors';
import { FailureLimiter } from './failure-limiter';

/**
 * Slows password guessing: after too many failures for one username, or from
 * one client, sign-in answers 429 until the window ends, whatever the password.
 */
@Injectable()
export class LoginGuardService {
  private readonly byUsername: FailureLimiter;
  private readonly byClient: FailureLimiter;

  constructor(@InjectAppConfig() config: AppConfig) {
    const windowMs = config.LOGIN_FAILURE_WINDOW_SECONDS * 1000;
    this.byUsername = new FailureLimiter(config.LOGIN_MAX_FAILURES_PER_USERNAME, windowMs);
    this.byClient = new FailureLimiter(config.LOGIN_MAX_FAILURES_PER_CLIENT, windowMs);
  }

  assertMayTry(username: string, client: string): void {
    const waitMs = Math.max(
      this.byUsername.retryAfterMs(username),
      this.byClient.retryAfterMs(client),
    );
    if (waitMs > 0) throw new TooManyAttemptsException(Math.ceil(waitMs / 1000));
  }

  recordFailure(username: string, client: string): void {
    this.byUsername.recordFailure(username);
    this.byClient.recordFailure(client);
  }

  recordSuccess(username: string): void {
    this.byUsername.reset(username);
  }
}
