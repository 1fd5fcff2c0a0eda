import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LIVE_EVENTS_CHANNEL, LiveEventsService, type LiveEventMessage } from '@app/notifications';
import { Client, type Notification } from 'pg';
import { DataSource } from 'typeorm';

/** One open stream: the schools it hears about, and how to reach it. */
export interface LiveSubscriber {
  schoolIds: readonly string[];
  send(event: LiveEventMessage): void;
  /** Ends the stream (the server is shutting down). */
  close(): void;
}

const MAX_BACKOFF_MS = 30_000;
/** Ids already passed on, so an event heard twice (catch-up after a reconnect) goes out once. */
const REMEMBERED_IDS = 5_000;

/**
 * This API process's end of the live stream: one dedicated PostgreSQL
 * connection (not from the pool) that LISTENs on `live_events`, and the
 * streams of the staff connected to this process. The trigger on
 * `live_events` NOTIFYs when the transaction of a case change commits, so
 * every API process hears every event and passes it to its own subscribers
 * of that school. When the connection drops it reconnects with a doubling
 * wait (up to 30 s) and catches up by id from the table.
 */
@Injectable()
export class LiveHub
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('LiveHub');
  private readonly subscribers = new Set<LiveSubscriber>();
  private readonly seen = new Set<string>();
  private client: Client | undefined;
  private lastId = '0';
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: LiveEventsService,
  ) {}

  get listening(): boolean {
    return this.client !== undefined;
  }

  get connections(): number {
    return this.subscribers.size;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.lastId = await this.events.lastId();
    await this.connect();
  }

  /** Open streams end first, or the HTTP server would wait for them forever. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
    for (const subscriber of [...this.subscribers]) subscriber.close();
    this.subscribers.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  get accepting(): boolean {
    return !this.stopping;
  }

  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private async connect(): Promise<void> {
    if (this.stopping) return;
    const options = this.dataSource.options as { url?: string };
    const client = new Client({
      connectionString: options.url,
      application_name: 'safe-schools-live',
    });
    client.on('notification', (message: Notification) => this.heard(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_EVENTS_CHANNEL}`);
      this.client = client;
      if (this.failures > 0) this.logger.log('Listening for live events again');
      this.failures = 0;
      // What was committed while nobody listened.
      for (const event of await this.events.after(this.lastId)) this.pass(event);
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: Client, error: Error): void {
    if (this.stopping) return;
    if (this.client === client) this.client = undefined;
    else if (this.client) return; // an old connection's last words
    client.removeAllListeners('end');
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.retry) return;
    this.failures += 1;
    const wait = Math.min(MAX_BACKOFF_MS, 500 * 2 ** (this.failures - 1));
    if (this.failures === 1)
      this.logger.warn(`Live events connection lost (${error.message}); reconnecting`);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, wait);
    this.retry.unref();
  }

  private heard(message: Notification): void {
    if (message.channel !== LIVE_EVENTS_CHANNEL || !message.payload) return;
    try {
      this.pass(JSON.parse(message.payload) as LiveEventMessage);
    } catch (error) {
      this.logger.warn(`Unreadable live event: ${(error as Error).message}`);
    }
  }

  private pass(event: LiveEventMessage): void {
    const id = String(event.id);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    if (this.seen.size > REMEMBERED_IDS) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    if (BigInt(id) > BigInt(this.lastId)) this.lastId = id;
    const normalized: LiveEventMessage = {
      ...event,
      id,
      createdAt: new Date(event.createdAt).toISOString(),
    };
    for (const subscriber of this.subscribers) {
      if (subscriber.schoolIds.includes(event.schoolId)) subscriber.send(normalized);
    }
  }
}
