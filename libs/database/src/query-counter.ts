import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements the process sends, for the benchmark's
 * "queries per request" column (enabled with QUERY_COUNT_HEADER=true).
 */
export class QueryCounter implements TypeOrmLogger {
  static total = 0;

  logQuery(): void {
    QueryCounter.total += 1;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
