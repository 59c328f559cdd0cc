import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { createDataSource, type DataSourceOptions } from './data-source';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseConnection {
  dataSource: DataSource;
  url: string;
  /** Closes the pool and stops the embedded server if this process started it. */
  close: () => Promise<void>;
}

/** Resolves where the database lives: `DATABASE_URL`, or an embedded PostgreSQL started here. */
export async function resolveDatabaseUrl(config: AppConfig, logger: Logger): Promise<{ url: string; stop: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const server = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, logger);
  await ensureDatabase(server.url('postgres'), 'peerdesk');
  return { url: server.url('peerdesk'), stop: server.stop };
}

/**
 * Connects and applies pending migrations. The api bounds its statements (`statementTimeoutMs`);
 * migrations and the CLI's batch jobs run without that bound.
 */
export async function openDatabase(
  config: AppConfig,
  logger: Logger,
  options: DataSourceOptions = { statementTimeoutMs: 0 },
): Promise<DatabaseConnection> {
  const { url, stop } = await resolveDatabaseUrl(config, logger);
  options = { ...options, preparedStatements: config.preparedStatements };
  const migrator = createDataSource(url, undefined, { statementTimeoutMs: 0, preparedStatements: config.preparedStatements });
  await migrator.initialize();
  try {
    const applied = await migrator.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info('migrations applied', { migrations: applied.map((m) => m.name) });
  } finally {
    if (options.statementTimeoutMs !== 0) await migrator.destroy();
  }
  const dataSource = options.statementTimeoutMs === 0 ? migrator : createDataSource(url, undefined, options);
  if (!dataSource.isInitialized) await dataSource.initialize();
  return {
    dataSource,
    url,
    close: async () => {
      await dataSource.destroy();
      await stop();
    },
  };
}
