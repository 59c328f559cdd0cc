import { migrations } from '@peerdesk/migrations';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { AfterCommitSubscriber } from '../live/after-commit';
import { entities } from '../../entities';
import { PreparingClient } from './prepared-statements';

/** Counts the SQL statements sent, so tests and benchmarks can prove a page's query count is bounded. */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** How long one SQL statement may run unless configured (`STATEMENT_TIMEOUT_MS`). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

export interface DataSourceOptions {
  /**
   * PostgreSQL cancels any statement of this pool that runs longer (0: no bound), so no request,
   * abandoned or not, can keep a connection busy for minutes.
   */
  statementTimeoutMs?: number;
  /** Repeated statements run as named prepared statements (see prepared-statements.ts); default on. */
  preparedStatements?: boolean;
}

/** The one DataSource definition, used by the app, the CLI and the tests. */
export function createDataSource(url: string, queryCounter = new QueryCounter(), options: DataSourceOptions = {}): DataSource {
  const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    subscribers: [AfterCommitSubscriber],
    migrations: migrations as never,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['query'],
    logger: queryCounter,
    extra: {
      ...(options.preparedStatements === false ? {} : { Client: PreparingClient }),
      max: 20,
      application_name: 'peerdesk-api',
      options: `-c statement_timeout=${statementTimeout}`,
    },
  });
}

/** SQL that would bring the database in line with the entities; empty when migrations are complete. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}
