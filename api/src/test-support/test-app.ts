import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../platform/config';
import { createDataSource, QueryCounter } from '../platform/database/data-source';
import { createLogger } from '../platform/logger';
import { TEMPLATE_DATABASE, withDatabase } from './global-setup';

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  databaseUrl: string;
  queries: QueryCounter;
  /** A GraphQL POST as a browser without session would send it. */
  gql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, cookie?: string) => Promise<GqlResult<T>>;
  close: () => Promise<void>;
}

export interface GqlResult<T> {
  status: number;
  data: T;
  errors?: {
    message: string;
    extensions: { code: string; fields?: { field: string; code: string; message: string }[]; [key: string]: unknown };
  }[];
  cookie?: string;
}

/**
 * A fresh database cloned from the migrated template, and the real Nest app on it. With
 * `sameDatabaseAs`, a second app (as a second api process would) on that app's database.
 */
export async function createTestApp(env: Record<string, string> = {}, options: { sameDatabaseAs?: TestApp } = {}): Promise<TestApp> {
  const serverUrl = inject('databaseServerUrl');
  const shared = options.sameDatabaseAs;
  const database = shared ? new URL(shared.databaseUrl).pathname.slice(1) : `peerdesk_test_${randomBytes(6).toString('hex')}`;
  if (!shared) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DATABASE}`);
    await admin.end();
  }

  const config = loadConfig({
    DEMO_COMMUNITY: 'off',
    LOG_LEVEL: 'error',
    SEARCH_WORKER: 'off',
    NOTIFICATION_WORKER: 'off',
    MONITORING_WORKER: 'off',
    INSIGHTS_WORKER: 'off',
    ...env,
  });
  const queries = new QueryCounter();
  const dataSource = createDataSource(withDatabase(serverUrl, database), queries);
  await dataSource.initialize();
  const app = await createApp(config, dataSource, createLogger(config));

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, cookie?: string): Promise<GqlResult<T>> => {
    let req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (cookie) req = req.set('cookie', cookie);
    const res = await req.send({ query, variables });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('pd_session='));
    return { status: res.status, data: res.body.data, errors: res.body.errors, cookie: setCookie?.split(';')[0] };
  };

  return {
    app,
    dataSource,
    databaseUrl: withDatabase(serverUrl, database),
    queries,
    gql,
    close: async () => {
      await app.close();
      await dataSource.destroy();
      if (shared) return;
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
