import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Kind, parse, specifiedRules, validate } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SearchService } from '../../search/search.service';
import { seedSpace } from '../../test-support/builders';
import { expectError } from '../../test-support/matchers';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { until } from '../../test-support/until';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { MAX_QUERY_COST, operationCost, requestLimitRules } from './query-limits';

const aliases = (count: number, field: (i: number) => string): string =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;

describe('an anonymous alias flood', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
  });
  afterAll(() => t.close());

  it('is refused before it runs, while another request is answered', async () => {
    const similar = vi.spyOn(t.app.get(SearchService), 'similar');
    const flood = aliases(2500, (i) => `similarQuestions(text: "invoice higher ${i}") { relevance question { id } }`);
    expect(flood.length).toBeGreaterThan(150_000);

    const [refused, other] = await Promise.all([t.gql(flood), t.gql(`{ spaces { slug name } }`)]);
    expect(refused.status).toBe(400);
    expectError(refused, 'GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors![0]!.extensions.reason).toBe('TOO_MANY_ROOT_FIELDS');
    expect(refused.data).toBeUndefined();
    expect(similar).not.toHaveBeenCalled();
    expect(other.status).toBe(200);
    expect(other.data).toEqual({ spaces: [{ slug: 'billing', name: 'Billing' }] });
    similar.mockRestore();
  });

  it('caps the root fields of one operation at 20, also through fragments', async () => {
    const fine = await t.gql(aliases(20, () => `spaces { slug }`));
    expect(fine.errors).toBeUndefined();

    const tooMany = await t.gql(
      `{ ...A ...B } fragment A on Query { ${aliases(11, () => `spaces { slug }`).slice(1, -1)} } fragment B on Query { ${aliases(
        10,
        () => `spaces { name }`,
      )
        .replaceAll(' a', ' b')
        .slice(1, -1)} }`,
    );
    expect(tooMany.status).toBe(400);
    expectError(tooMany, 'GRAPHQL_VALIDATION_FAILED');
    expect(tooMany.errors![0]!.extensions.reason).toBe('TOO_MANY_ROOT_FIELDS');
  });

  it('caps the aliases of one operation, at any depth', async () => {
    const res = await t.gql(`{ spaces { ${Array.from({ length: 60 }, (_, i) => `n${i}: name`).join(' ')} } }`);
    expect(res.status).toBe(400);
    expectError(res, 'GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0]!.extensions.reason).toBe('TOO_MANY_ALIASES');
  });

  it('prices search and similar questions by their database work', async () => {
    const search = vi.spyOn(t.app.get(SearchService), 'search');
    const res = await t.gql(aliases(12, (i) => `search(query: "invoice ${i}") { totalCount }`));
    expect(res.status).toBe(400);
    expectError(res, 'QUERY_TOO_COSTLY');
    expect(res.errors![0]!.extensions.maxCost).toBe(MAX_QUERY_COST);
    expect(search).not.toHaveBeenCalled();
    search.mockRestore();
  });

  it('lets every operation the web sends through the limits', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const folder = join(__dirname, '..', '..', '..', '..', 'web', 'src', 'lib', 'graphql', 'operations');
    const files = readdirSync(folder).filter((f) => f.endsWith('.graphql'));
    const source = files.map((f) => readFileSync(join(folder, f), 'utf8')).join('\n');
    const document = parse(source);
    const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    let operations = 0;
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      operations += 1;
      const single = { kind: Kind.DOCUMENT, definitions: [definition, ...fragments] } as const;
      const errors = validate(schema, single, [...specifiedRules.filter((r) => r.name !== 'NoUnusedFragmentsRule'), ...requestLimitRules]);
      expect(errors, definition.name?.value).toEqual([]);
      expect(operationCost(single, undefined, {}, schema), definition.name?.value).toBeLessThanOrEqual(MAX_QUERY_COST);
    }
    expect(operations).toBeGreaterThan(20);
  });

  it('stops resolving the fields of a request whose client has gone', async () => {
    const limits = t.app.get(RateLimitService);
    const similar = vi.spyOn(t.app.get(SearchService), 'similar');
    const server = t.app.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    let entered = 0;
    // The rate-limit check is where each alias waits for the database; hold it until the client has left.
    const hit = vi.spyOn(limits, 'hit').mockImplementation(async () => {
      entered += 1;
      await until(() => new Promise<boolean>((resolve) => server.getConnections((_e, n) => resolve(n === 0))), 'the client to leave');
    });
    try {
      const body = JSON.stringify({ query: aliases(3, (i) => `similarQuestions(text: "invoice ${i}") { relevance }`) });
      const req = http.request({
        port: (server.address() as AddressInfo).port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      req.on('error', () => undefined);
      req.end(body);
      await until(() => entered === 3, 'all aliases to start');
      req.destroy();
      await Promise.allSettled(hit.mock.results.map((r) => r.value as Promise<void>));
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(similar).not.toHaveBeenCalled();
    } finally {
      hit.mockRestore();
      similar.mockRestore();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('validation and limit errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answer a fragment cycle with HTTP 400 and a validation error', async () => {
    const res = await t.gql(
      `{ ...A } fragment A on Query { spaces { slug } ...B } fragment B on Query { spaces { ...C } } fragment C on Space { ...C }`,
    );
    expect(res.status).toBe(400);
    expectError(res, 'GRAPHQL_VALIDATION_FAILED');
    const deep = await t.gql(`{ ...F } fragment F on Query { spaces { ...F } }`);
    expect(deep.status).toBe(400);
    expectError(deep, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('prices the same query anew for other page sizes', async () => {
    const query = `query Pages($n: Int!) { questions(first: $n) { edges { node { answers(first: 100) { edges { node { id } } } } } } }`;
    expect((await t.gql(query, { n: 1 })).status).toBe(200);
    const costly = await t.gql(query, { n: 100 });
    expect(costly.status).toBe(400);
    expectError(costly, 'QUERY_TOO_COSTLY');
    expect((await t.gql(query, { n: 1 })).status).toBe(200);
  });

  it('answer a too costly query with HTTP 400 and QUERY_TOO_COSTLY', async () => {
    const res = await t.gql(`{ questions(first: 100) { edges { node { answers(first: 100) { edges { node { id bodyHtml } } } } } } }`);
    expect(res.status).toBe(400);
    expectError(res, 'QUERY_TOO_COSTLY');
  });
});
