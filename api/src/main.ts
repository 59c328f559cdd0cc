import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig } from './platform/config';
import { openDatabase } from './platform/database/database';
import { createLogger } from './platform/logger';
import { seedDemoCommunity } from './demo/seed-demo';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const db = await openDatabase(config, logger, { statementTimeoutMs: config.statementTimeoutMs });
  if (config.demoCommunity) {
    const seeded = await seedDemoCommunity(db.dataSource, { onlyIfEmpty: true });
    if (seeded) {
      logger.info('demo community created', { spaces: seeded.spaces, questions: seeded.questions });
      process.stdout.write(
        `\nDemo accounts (password for all: ${seeded.password}):\n${seeded.accounts.map((a) => `  ${a.role.padEnd(9)} ${a.email}`).join('\n')}\n\n`,
      );
    }
  }
  const app = await createApp(config, db.dataSource, logger);
  await app.listen(config.apiPort, config.apiHost);
  logger.info(`api listening on http://${config.apiHost}:${config.apiPort} (GraphQL at /graphql, health at /health)`);

  const shutdown = async (signal: string) => {
    logger.info('shutting down', { signal });
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
