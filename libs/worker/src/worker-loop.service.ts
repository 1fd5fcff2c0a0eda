import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_CONFIG, type AppConfig } from '@app/common';
import { AlertEscalation, DeadlineScanner, FollowUpReminders } from '@app/casework';
import { EmailSender, LiveEventsService, OutboxDispatcher } from '@app/notifications';

const MAX_BACKOFF_MS = 30_000;

/**
 * The worker's two loops: delivery (outbox events, then e-mails) and the
 * deadline scan (with the critical alerts' escalation and the live events' cleanup). When the database goes away they wait and retry on their
 * own, doubling the wait up to 30 s, and say so once.
 */
@Injectable()
export class WorkerLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly stopping = new AbortController();
  private loops: Promise<void>[] = [];
  private failures = 0;

  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly email: EmailSender,
    private readonly deadlines: DeadlineScanner,
    private readonly alerts: AlertEscalation,
    private readonly followUps: FollowUpReminders,
    private readonly liveEvents: LiveEventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loops = [
      this.repeat('delivery', () => this.deliver(), this.config.WORKER_POLL_MS),
      this.repeat(
        'deadlines',
        async () => {
          await this.deadlines.scan();
          // Critical alerts nobody acknowledged, and live events past their catch-up window.
          await this.alerts.scan();
          // Planned follow-ups whose day has come: their owners are reminded once.
          await this.followUps.scan();
          await this.liveEvents.deleteOld();
        },
        this.config.DEADLINE_SCAN_SECONDS * 1000,
      ),
    ];
  }

  /** Lets the current step finish, then stops. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.loops);
  }

  /** Delivers until nothing is waiting; true when it did some work. */
  private async deliver(): Promise<boolean> {
    const events = await this.dispatcher.dispatchBatch(50);
    const emails = await this.email.sendBatch(20);
    return events + emails > 0;
  }

  private async repeat(
    name: string,
    step: () => Promise<boolean | void>,
    idleMs: number,
  ): Promise<void> {
    while (!this.stopping.signal.aborted) {
      let wait = idleMs;
      try {
        const busy = await step();
        if (this.failures > 0) this.logger.log(`Database reachable again (${name})`);
        this.failures = 0;
        if (busy) wait = 0;
      } catch (error) {
        this.failures += 1;
        wait = Math.min(MAX_BACKOFF_MS, idleMs * 2 ** this.failures);
        if (this.failures === 1)
          this.logger.warn(`${name} paused: ${(error as Error).message}; retrying`);
      }
      await sleep(wait, undefined, { signal: this.stopping.signal }).catch(() => undefined);
    }
  }
}
