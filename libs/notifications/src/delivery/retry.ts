/** Delay before the next attempt: 5 s, 10 s, 20 s, ... capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));
}

/** Whether a failed item goes to the dead-letter state instead of being retried. */
export function isExhausted(attempts: number, maxAttempts: number): boolean {
  return attempts >= maxAttempts;
}

/**
 * Records a failed attempt on an outbox event or an e-mail: the next try
 * waits longer, and after the last allowed attempt the item is `dead`.
 * Returns whether it is now dead.
 */
export async function recordFailedAttempt(
  dataSource: { query(sql: string, parameters: unknown[]): Promise<unknown> },
  table: 'outbox' | 'email_deliveries',
  item: { id: string; attempts: number },
  error: Error,
  maxAttempts: number,
): Promise<boolean> {
  const attempts = item.attempts + 1;
  const dead = isExhausted(attempts, maxAttempts);
  await dataSource.query(
    `UPDATE ${table} SET attempts = $2, last_error = $3,
            status = CASE WHEN $4 THEN 'dead' ELSE status END,
            available_at = now() + make_interval(secs => $5)
      WHERE id = $1`,
    [item.id, attempts, error.message.slice(0, 2000), dead, backoffSeconds(attempts)],
  );
  return dead;
}
