import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { createDataSource } from './data-source';
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

/** Connects and applies pending migrations. */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<DatabaseConnection> {
  const { url, stop } = await resolveDatabaseUrl(config, logger);
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) logger.info('migrations applied', { migrations: applied.map((m) => m.name) });
  return {
    dataSource,
    url,
    close: async () => {
      await dataSource.destroy();
      await stop();
    },
  };
}
