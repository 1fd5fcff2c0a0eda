import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runPendingMigrations } from '../migrate';

/**
 * Gives every test file a database of its own, cloned from a template that
 * was migrated once: files run in parallel and never see each other's rows.
 */
export class TestDatabases {
  constructor(
    /** Any database on the server, used to create and drop the others. */
    private readonly adminUrl: string,
    private readonly prefix: string,
  ) {}

  get templateName(): string {
    return `${this.prefix}_template`;
  }

  /** Drops leftovers of earlier runs, then creates and migrates the template. */
  async prepareTemplate(): Promise<void> {
    await this.withAdmin(async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`${this.prefix}\\_%`],
      );
      for (const { datname } of rows) {
        await client.query(
          `DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`,
        );
      }
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(this.templateName)}`);
    });
    await runPendingMigrations(this.urlOf(this.templateName));
  }

  async create(): Promise<{ name: string; url: string }> {
    const name = `${this.prefix}_t_${randomBytes(6).toString('hex')}`;
    await this.withAdmin((client) =>
      client.query(
        `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(this.templateName)}`,
      ),
    );
    return { name, url: this.urlOf(name) };
  }

  async drop(name: string): Promise<void> {
    await this.withAdmin((client) =>
      client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
    );
  }

  async dropAll(): Promise<void> {
    await this.withAdmin(async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`${this.prefix}\\_%`],
      );
      for (const { datname } of rows) {
        await client.query(
          `DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`,
        );
      }
    });
  }

  urlOf(database: string): string {
    const url = new URL(this.adminUrl);
    url.pathname = `/${database}`;
    return url.toString();
  }

  private async withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}
