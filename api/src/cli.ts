import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './platform/config';
import { createDataSource, pendingSchemaChanges } from './platform/database/data-source';
import { openDatabase, resolveDatabaseUrl } from './platform/database/database';
import { createLogger } from './platform/logger';
import { IMPORT_USAGE, parseImportArgs, runImportCommand } from './importer/cli-import';

// Each command loads the modules only it needs when it runs: the demo seed and the GraphQL schema
// (the whole Nest app) took seconds to load, and every command paid for them, `import` included.

interface Command {
  summary: string;
  usage: string;
  run: (args: string[]) => Promise<number>;
}

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

const config = loadConfigOrExit();
const logger = createLogger({ ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });

/** `--name value` options after the command. */
function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

const commands: Record<string, Command> = {
  migrate: {
    summary: 'Apply pending database migrations.',
    usage: 'pnpm cli migrate',
    run: async () => {
      const db = await openDatabase(config, logger);
      await db.close();
      console.log('Database is up to date.');
      return 0;
    },
  },
  'migration:check': {
    summary: 'Fail when the entities differ from what the migrations create (schema drift).',
    usage: 'pnpm cli migration:check',
    run: async () => {
      const db = await openDatabase(config, logger);
      const { up } = await pendingSchemaChanges(db.dataSource);
      await db.close();
      if (up.length === 0) {
        console.log('No schema drift: the migrations match the entities.');
        return 0;
      }
      console.error(`Schema drift: a migration is missing for\n${up.map((q) => `  ${q};`).join('\n')}`);
      return 1;
    },
  },
  'migration:generate': {
    summary: 'Write a new migration for the difference between entities and the migrated schema.',
    usage: 'pnpm cli migration:generate <Name>',
    run: async ([name]) => {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
        console.error('Give the migration a PascalCase name, e.g. `pnpm cli migration:generate AddBadges`.');
        return 2;
      }
      const db = await openDatabase(config, logger);
      const { up, down } = await pendingSchemaChanges(db.dataSource);
      await db.close();
      if (up.length === 0) {
        console.log('Nothing to generate: no schema changes.');
        return 0;
      }
      const timestamp = Date.now();
      const className = `${name}${timestamp}`;
      const file = join(__dirname, '..', '..', 'migrations', 'src', `${timestamp}-${name}.ts`);
      const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
      writeFileSync(
        file,
        `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${lines(up)}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${lines(down)}\n  }\n}\n`,
      );
      console.log(`Wrote ${file}. Add it to migrations/src/index.ts.`);
      return 0;
    },
  },
  'create-admin': {
    summary: 'Create an admin account (or make an existing account admin).',
    usage:
      'pnpm cli create-admin --email <email> --name "<display name>" [--password <password>]\n\nWithout --password a strong one is generated and printed once.',
    run: async (args) => {
      const email = option(args, 'email');
      const name = option(args, 'name');
      if (!email || !name) {
        console.error('Both --email and --name are required. See `pnpm cli create-admin --help`.');
        return 2;
      }
      const db = await openDatabase(config, logger);
      try {
        const { createAdmin } = await import('./identity/create-admin.js');
        const result = await createAdmin(db.dataSource, { email, displayName: name, password: option(args, 'password') });
        console.log(result.created ? `Created admin ${result.email}.` : `${result.email} is now an admin.`);
        if (result.generatedPassword) console.log(`Password (shown once): ${result.generatedPassword}`);
        return 0;
      } finally {
        await db.close();
      }
    },
  },
  'seed-demo': {
    summary: 'Create the demo community (spaces, accounts for every role, ~30 threads).',
    usage: 'pnpm cli seed-demo [--force]\n\nWithout --force nothing happens on a database that already has spaces.',
    run: async (args) => {
      const db = await openDatabase(config, logger);
      try {
        const { seedDemoCommunity } = await import('./demo/seed-demo.js');
        const seeded = await seedDemoCommunity(db.dataSource, { onlyIfEmpty: !args.includes('--force') });
        if (!seeded) {
          console.log('The database already has a community; use --force to add the demo anyway.');
          return 0;
        }
        console.log(`Demo community created: ${seeded.spaces} spaces, ${seeded.questions} questions.`);
        console.log(`Demo accounts (password for all: ${seeded.password}):`);
        for (const account of seeded.accounts) console.log(`  ${account.role.padEnd(9)} ${account.email}`);
        return 0;
      } finally {
        await db.close();
      }
    },
  },
  import: {
    summary: 'Import a Stack Exchange data dump or a thread JSONL file into a space (idempotent, resumable).',
    usage: IMPORT_USAGE,
    run: async (args) => {
      const parsed = parseImportArgs(args);
      if (!parsed.ok) {
        console.error(`${parsed.error} See \`pnpm cli import --help\`.`);
        return 2;
      }
      const db = await openDatabase(config, logger);
      try {
        return await runImportCommand(db.dataSource, parsed.options);
      } finally {
        await db.close();
      }
    },
  },
  reindex: {
    summary: 'Rebuild the search index from the database, with progress.',
    usage:
      'pnpm cli reindex\n\nUses the configured engine (PostgreSQL, or Meilisearch when MEILI_URL is set). Search keeps working meanwhile, with partial results until it finishes.',
    run: async () => {
      const db = await openDatabase(config, logger);
      try {
        const [{ MeiliSearchIndex }, { PostgresSearchIndex }, { reindexAll }, { StreamReporter }] = await Promise.all([
          import('./search/meili-search.index.js'),
          import('./search/postgres-search.index.js'),
          import('./search/reindex.js'),
          import('./importer/progress.js'),
        ]);
        const index = config.meiliUrl ? new MeiliSearchIndex(config.meiliUrl, config.meiliKey) : new PostgresSearchIndex(db.dataSource);
        const reporter = new StreamReporter(process.stderr, 5000, 'reindex');
        const started = Date.now();
        let previous = 0;
        reporter.startPhase('threads', null);
        const total = await reindexAll(db.dataSource, index, (done) => {
          reporter.rows(done - previous);
          previous = done;
        });
        reporter.endPhase();
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `Indexed ${total.toLocaleString('en')} threads into ${index.name} in ${seconds.toFixed(1)} s (${Math.round(total / Math.max(seconds, 0.001)).toLocaleString('en')} threads/s).`,
        );
        return 0;
      } finally {
        await db.close();
      }
    },
  },
  'reputation:recompute': {
    summary: 'Rebuild every reputation total and trust level from the ledger.',
    usage: 'pnpm cli reputation:recompute\n\nSafe while the app runs: one statement in one transaction.',
    run: async () => {
      const db = await openDatabase(config, logger);
      try {
        const started = Date.now();
        const { recomputeReputation } = await import('./reputation/recompute.js');
        const changed = await db.dataSource.transaction((manager) => recomputeReputation(manager));
        console.log(`Recomputed reputation and trust levels in ${((Date.now() - started) / 1000).toFixed(1)} s; ${changed} users changed.`);
        return 0;
      } finally {
        await db.close();
      }
    },
  },
  digests: {
    summary: 'Build the daily and weekly digest mails that are due now (the api does this every 15 minutes).',
    usage: 'pnpm cli digests\n\nSafe while the app runs: batches are claimed row by row, and a period is never mailed twice.',
    run: async () => {
      const db = await openDatabase(config, logger);
      try {
        const started = Date.now();
        const [row]: { secret: string }[] = await db.dataSource.query(`SELECT secret FROM mail_secret`);
        const { buildDueDigests } = await import('./notifications/mail/digest.js');
        const result = await buildDueDigests((work) => db.dataSource.transaction(work), {
          publicUrl: config.publicUrl,
          secret: row!.secret,
          now: new Date(),
        });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`Digests: ${result.users} users due, ${result.mails} mails queued in ${seconds} s.`);
        return 0;
      } finally {
        await db.close();
      }
    },
  },
  schema: {
    summary: 'Write the GraphQL schema generated from the code to schema.graphql (sorted).',
    usage: 'pnpm cli schema [--check]\n\nWith --check nothing is written; it fails when schema.graphql is out of date.',
    run: async (args) => {
      const { printSchemaFile } = await import('./print-schema.js');
      return printSchemaFile(config, logger, args.includes('--check'));
    },
  },
  'insights:rebuild': {
    summary: 'Recompute the insights roll-ups (per-question and per-escalation facts, daily roll-ups) from the base tables.',
    usage:
      'pnpm cli insights:rebuild\n\nThe backfill after upgrading; safe while the app runs (one transaction, each row recomputed whole).',
    run: async () => {
      const db = await openDatabase(config, logger);
      try {
        const started = Date.now();
        const { rebuildInsights, vacuumInsights } = await import('./insights/rebuild.js');
        const { questions, escalations } = await db.dataSource.transaction((manager) => rebuildInsights(manager));
        await vacuumInsights(db.dataSource);
        console.log(`Rebuilt ${questions} question and ${escalations} escalation rows in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        return 0;
      } finally {
        await db.close();
      }
    },
  },
  'database-url': {
    summary: 'Print the database URL in use (starts the embedded server when needed).',
    usage: 'pnpm cli database-url',
    run: async () => {
      const { url } = await resolveDatabaseUrl(config, logger);
      const probe = createDataSource(url);
      await probe.initialize();
      await probe.destroy();
      console.log(url);
      return 0;
    },
  },
};

function printHelp(): void {
  console.log('Usage: pnpm cli <command> [options]\n\nCommands:');
  for (const [name, command] of Object.entries(commands)) console.log(`  ${name.padEnd(20)} ${command.summary}`);
  console.log('\nRun `pnpm cli <command> --help` for details.');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp();
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".`);
    printHelp();
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  return command.run(args.filter((a) => a !== '--'));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
