import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const CHECK_EVERY_MS = 30_000;

/** Checks the database now and then, and says when it goes away and comes back. */
@Injectable()
export class DatabaseWatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private timer?: NodeJS.Timeout;
  private healthy = true;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async check(): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      if (!this.healthy) this.logger.log('Database reachable again');
      this.healthy = true;
    } catch (error) {
      if (this.healthy) this.logger.warn(`Database unreachable: ${(error as Error).message}`);
      this.healthy = false;
    }
  }
}
