/** Delay before the next attempt: 5 s, 10 s, 20 s, ... capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));
}

/** Whether a failed item goes to the dead-letter state instead of being retried. */
export function isExhausted(attempts: number, maxAttempts: number): boolean {
  return attempts >= maxAttempts;
}
