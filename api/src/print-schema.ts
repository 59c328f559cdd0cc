import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app';
import type { AppConfig } from './platform/config';
import { createDataSource } from './platform/database/data-source';
import type { Logger } from './platform/logger';

export const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.graphql');

/** The schema as the code declares it; needs no database (the DataSource is never connected). */
export async function generateSchema(config: AppConfig, logger: Logger): Promise<string> {
  const app = await createApp(config, createDataSource('postgres://unused@127.0.0.1:1/unused'), logger);
  const schema = app.get(GraphQLSchemaHost).schema;
  await app.close();
  return `# Generated from the api code by \`pnpm cli schema\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

export async function printSchemaFile(config: AppConfig, logger: Logger, check: boolean): Promise<number> {
  const sdl = await generateSchema(config, logger);
  const current = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (check) {
    if (current === sdl) {
      console.log('schema.graphql is up to date.');
      return 0;
    }
    console.error('schema.graphql is out of date: run `pnpm codegen` and commit the result.');
    return 1;
  }
  writeFileSync(SCHEMA_FILE, sdl);
  console.log(`Wrote ${SCHEMA_FILE}`);
  return 0;
}
