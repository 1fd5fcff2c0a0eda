/**
 * Counts failures per key within a fixed window; once a key reaches its limit
 * it stays blocked until the window that started with its first failure ends.
 * Kept in memory: with several API processes, each counts on its own (see
 * docs/operations.md).
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { failures: number; resetsAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number {
    const window = this.current(key);
    return window && window.failures >= this.limit ? window.resetsAt - this.now() : 0;
  }

  recordFailure(key: string): void {
    const window = this.current(key);
    if (window) window.failures += 1;
    else this.windows.set(key, { failures: 1, resetsAt: this.now() + this.windowMs });
    if (this.windows.size > 100_000) this.evictExpired();
  }

  /** Takes back one failure: an attempt counted up front that turned out to succeed. */
  forgive(key: string): void {
    const window = this.current(key);
    if (!window) return;
    window.failures -= 1;
    if (window.failures <= 0) this.windows.delete(key);
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string) {
    const window = this.windows.get(key);
    if (window && window.resetsAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private evictExpired(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(key);
  }
}
