import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

/** What the orchestrator asks the load process to do (passed as JSON in argv[2]). */
export interface LoadPlan {
  url: string;
  method: 'GET' | 'POST';
  /** Paths to rotate through (one per request, round robin). */
  paths: string[];
  headers: Record<string, string>;
  body?: string;
  /** Give each request a fresh Idempotency-Key. */
  freshIdempotencyKey?: boolean;
  duration: number;
  connections: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * Runs in its own process, so the load generator never competes with the
 * server inside one event loop. Prints one JSON line with the results.
 */
async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2]) as LoadPlan;
  let next = 0;
  const result = await autocannon({
    url: plan.url,
    duration: plan.duration,
    connections: plan.connections,
    requests: [
      {
        method: plan.method,
        headers: plan.headers,
        body: plan.body,
        setupRequest: (request) => {
          const path = plan.paths[next++ % plan.paths.length];
          const headers = plan.freshIdempotencyKey
            ? { ...request.headers, 'idempotency-key': randomUUID() }
            : request.headers;
          return { ...request, path, headers };
        },
      },
    ],
  });
  const summary: LoadResult = {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

void main();
