import { Injectable } from '@nestjs/common';
import { InjectAppConfig, type AppConfig } from '@app/common';
import { TooManySignInAttemptsError } from './auth.errors';
import { FailureBackoff } from './failure-backoff';

/**
 * Slows password guessing without handing anyone a way to lock others out.
 * Failures count per (username, client address) and per client address, each
 * with a growing wait after a few free failures. Nothing counts per username
 * alone: the owner signing in from another client is never refused because
 * of someone else's failures.
 */
@Injectable()
export class LoginGuardService {
  private readonly byUsernameAndClient: FailureBackoff;
  private readonly byClient: FailureBackoff;

  constructor(@InjectAppConfig() config: AppConfig) {
    const delays = {
      baseDelayMs: config.LOGIN_BACKOFF_BASE_SECONDS * 1000,
      maxDelayMs: config.LOGIN_BACKOFF_MAX_SECONDS * 1000,
      memoryMs: config.LOGIN_FAILURE_MEMORY_SECONDS * 1000,
    };
    this.byUsernameAndClient = new FailureBackoff({
      ...delays,
      freeFailures: config.LOGIN_FREE_FAILURES_PER_USERNAME_AND_CLIENT,
    });
    this.byClient = new FailureBackoff({
      ...delays,
      freeFailures: config.LOGIN_FREE_FAILURES_PER_CLIENT,
    });
  }

  /**
   * Refuses the attempt while a wait is running, otherwise counts it as a
   * failure before the password is checked: simultaneous guesses cannot all
   * pass the check while the first ones are still being verified.
   */
  beginAttempt(username: string, client: string): void {
    const pair = pairKey(username, client);
    const waitMs = Math.max(
      this.byUsernameAndClient.retryAfterMs(pair),
      this.byClient.retryAfterMs(client),
    );
    if (waitMs > 0) throw new TooManySignInAttemptsError(Math.ceil(waitMs / 1000));
    this.byUsernameAndClient.recordFailure(pair);
    this.byClient.recordFailure(client);
  }

  /** The attempt succeeded: clear the pair's failures and take back the client's count. */
  recordSuccess(username: string, client: string): void {
    this.byUsernameAndClient.reset(pairKey(username, client));
    this.byClient.forgive(client);
  }
}

const pairKey = (username: string, client: string) => `${client}\n${username}`;
