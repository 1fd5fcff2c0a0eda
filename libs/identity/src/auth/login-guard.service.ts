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

  /**
   * Refuses the attempt when a limit is reached, otherwise counts it as a
   * failure before the password is checked: simultaneous guesses cannot all
   * pass the check while the first ones are still being verified.
   */
  beginAttempt(username: string, client: string): void {
    const waitMs = Math.max(
      this.byUsername.retryAfterMs(username),
      this.byClient.retryAfterMs(client),
    );
    if (waitMs > 0) throw new TooManyAttemptsException(Math.ceil(waitMs / 1000));
    this.byUsername.recordFailure(username);
    this.byClient.recordFailure(client);
  }

  /** The attempt succeeded: clear the username's failures and take back the client's count. */
  recordSuccess(username: string, client: string): void {
    this.byUsername.reset(username);
    this.byClient.forgive(client);
  }
}
