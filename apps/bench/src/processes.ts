import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export function startProcess(
  script: string,
  args: string[],
  nodeFlags: string[],
  env: NodeJS.ProcessEnv,
): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, script, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits until `url` answers 200, or fails with what the process printed. */
export async function waitForHttp(
  url: string,
  child: ChildProcess,
  timeoutMs = 60_000,
): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} process exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${output}`);
}

/** Samples a process's resident memory (Linux /proc) and keeps the peak. */
export class RssSampler {
  peakBytes = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
  }

  sample(): void {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (match) this.peakBytes = Math.max(this.peakBytes, Number(match[1]) * 1024);
    } catch {
      // the process is gone, or this is not Linux
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Runs one load in a separate process and returns its JSON summary. */
export function runLoad<T>(script: string, plan: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(plan)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load process exited with ${code}`));
      try {
        resolve(JSON.parse(output.trim().split('\n').pop() ?? '') as T);
      } catch {
        reject(new Error(`the load process printed no result: ${output.slice(-500)}`));
      }
    });
  });
}
