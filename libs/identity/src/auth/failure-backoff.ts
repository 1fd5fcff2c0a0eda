export interface BackoffPolicy {
  /** Failures a key may make before it has to wait. */
  freeFailures: number;
  /** The wait after the last free failure; it doubles with each failure after that. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key's failures are forgotten once its wait has ended and this long has passed. */
  memoryMs: number;
}

interface KeyState {
  failures: number;
  lastFailureAt: number;
}

/** Beyond this many doublings every delay is the cap anyway. */
const MAX_DOUBLINGS = 40;
const MAX_KEYS = 100_000;

/**
 * Exponential backoff per key: after the free failures, each further attempt
 * waits base, 2 x base, 4 x base... (capped) after the previous failure. Kept in
 * memory: with several API processes, each counts on its own (see
 * docs/operations.md).
 */
export class FailureBackoff {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** The wait that follows a key's `failures`-th failure. */
  delayAfter(failures: number): number {
    const { freeFailures, baseDelayMs, maxDelayMs } = this.policy;
    if (failures < freeFailures) return 0;
    const doublings = Math.min(failures - freeFailures, MAX_DOUBLINGS);
    return Math.min(baseDelayMs * 2 ** doublings, maxDelayMs);
  }

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number {
    const state = this.current(key);
    if (!state) return 0;
    return Math.max(0, state.lastFailureAt + this.delayAfter(state.failures) - this.now());
  }

  recordFailure(key: string): void {
    const state = this.current(key);
    if (state) {
      state.failures += 1;
      state.lastFailureAt = this.now();
    } else {
      this.keys.set(key, { failures: 1, lastFailureAt: this.now() });
      if (this.keys.size > MAX_KEYS) this.evictExpired();
    }
  }

  /** Takes back one failure: an attempt counted up front that turned out to succeed. */
  forgive(key: string): void {
    const state = this.current(key);
    if (!state) return;
    state.failures -= 1;
    if (state.failures <= 0) this.keys.delete(key);
  }

  reset(key: string): void {
    this.keys.delete(key);
  }

  private current(key: string): KeyState | undefined {
    const state = this.keys.get(key);
    if (state && this.expired(state, this.now())) {
      this.keys.delete(key);
      return undefined;
    }
    return state;
  }

  private expired(state: KeyState, now: number): boolean {
    return state.lastFailureAt + this.delayAfter(state.failures) + this.policy.memoryMs <= now;
  }

  private evictExpired(): void {
    const now = this.now();
    for (const [key, state] of this.keys) if (this.expired(state, now)) this.keys.delete(key);
  }
}
