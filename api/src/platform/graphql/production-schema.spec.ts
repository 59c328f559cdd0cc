import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test-support/matchers';
import { createTestApp, type TestApp } from '../../test-support/test-app';

describe('in production', () => {
  let production: TestApp;
  let development: TestApp;
  beforeAll(async () => {
    production = await createTestApp({ NODE_ENV: 'production' });
    development = await createTestApp({}, { sameDatabaseAs: production });
  });
  afterAll(async () => {
    await development.close();
    await production.close();
  });

  it('the schema is not open to introspection', async () => {
    const res = await production.gql(`{ __schema { queryType { name } } }`);
    expect(res.status).toBe(400);
    expectError(res, 'GRAPHQL_VALIDATION_FAILED');
    const typename = await production.gql(`{ __typename }`);
    expect(typename.data).toEqual({ __typename: 'Query' });
    expect((await development.gql(`{ __schema { queryType { name } } }`)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('errors suggest no field names', async () => {
    const res = await production.gql(`{ spacez { slug } }`);
    expectError(res, 'GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0]!.message).not.toMatch(/Did you mean/);
    expect((await development.gql(`{ spacez { slug } }`)).errors![0]!.message).toMatch(/Did you mean .*"spaces"/);
  });
});
