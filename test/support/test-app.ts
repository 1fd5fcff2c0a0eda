import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseEnvironment } from '@app/common';
import { TestDatabases } from '@app/database';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.factory';
import { ApiClient } from './api-driver';
import { Factory } from './factory';

/** Settings every test app gets; a test file may override any of them. */
const TEST_ENVIRONMENT: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
  LOGIN_FREE_FAILURES_PER_USERNAME_AND_CLIENT: '1000',
  LOGIN_FREE_FAILURES_PER_CLIENT: '1000',
  DATABASE_POOL_SIZE: '5',
  // Replies depend on the hour a test runs at: specs of after-hours replies turn them on with a fixed clock.
  AFTER_HOURS_REPLIES: 'false',
};

/**
 * The real API (Fastify, guards, pipes, filters) on a database of this test
 * file's own, cloned from the migrated template.
 */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly dataSource: DataSource,
    readonly factory: Factory,
    private readonly databases: TestDatabases,
    readonly databaseName: string,
  ) {}

  static async start(environment: Record<string, string> = {}): Promise<TestApp> {
    const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
    const prefix = process.env.TEST_DATABASE_PREFIX;
    if (!adminUrl || !prefix)
      throw new Error('Run end-to-end tests through jest (global setup prepares the database)');
    const databases = new TestDatabases(adminUrl, prefix);
    const database = await databases.create();
    const config = parseEnvironment({ ...process.env, ...TEST_ENVIRONMENT, ...environment });
    const app = await createApiApp(config, database.url);
    const dataSource = app.get(DataSource);
    return new TestApp(app, dataSource, new Factory(dataSource), databases, database.name);
  }

  /** A supertest client for the running app. */
  get http() {
    return request(this.app.getHttpServer());
  }

  async login(username: string, password = Factory.PASSWORD): Promise<string> {
    const response = await this.http.post('/api/v1/auth/login').send({ username, password });
    if (response.status !== 200) {
      throw new Error(
        `login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return response.body.accessToken as string;
  }

  private readonly tokens = new Map<string, Promise<string>>();

  /**
   * A client signed in as `who` (a user or a username). Sign-ins are kept per
   * username for the life of the app, so asking again costs nothing; tests of
   * sessions themselves sign in through `login` or the auth endpoints.
   */
  async signIn(
    who: string | { username: string },
    password = Factory.PASSWORD,
  ): Promise<ApiClient> {
    const username = typeof who === 'string' ? who : who.username;
    let token = this.tokens.get(username);
    if (!token) {
      token = this.login(username, password);
      this.tokens.set(username, token);
      token.catch(() => this.tokens.delete(username));
    }
    return new ApiClient(() => this.http, await token);
  }

  /** A signed-in client for each of `users` (the factory's world, say), under the same keys. */
  async signInAll<K extends string>(
    users: Record<K, { username: string }>,
  ): Promise<Record<K, ApiClient>> {
    const keys = Object.keys(users) as K[];
    const clients = await Promise.all(keys.map((key) => this.signIn(users[key])));
    return Object.fromEntries(keys.map((key, index) => [key, clients[index]])) as Record<
      K,
      ApiClient
    >;
  }

  /** A client without a token. */
  anonymous(): ApiClient {
    return new ApiClient(() => this.http);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.databases.drop(this.databaseName);
  }
}
