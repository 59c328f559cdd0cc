import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost, RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { IS_PUBLIC } from './decorators';

/**
 * Every query and mutation with its access declaration. A new root field changes this snapshot, so
 * nobody adds an entry point without deciding, in review, who may call it.
 */
describe('access declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('declares who may call every root field', () => {
    const declared: string[] = [];
    const wrappers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.providers.values()]);
    for (const wrapper of new Set(wrappers)) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler: unknown = Object.getOwnPropertyDescriptor(prototype, key)?.value;
        if (typeof handler !== 'function') continue;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation' && type !== 'Subscription') continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? key;
        const isPublic = Reflect.getMetadata(IS_PUBLIC, handler) === true || Reflect.getMetadata(IS_PUBLIC, prototype.constructor) === true;
        declared.push(`${type}.${name}: ${isPublic ? 'public' : 'session'}`);
      }
    }
    declared.sort();

    const schema = t.app.get(GraphQLSchemaHost).schema;
    const rootFields = ['Query', 'Mutation', 'Subscription'].flatMap((type) =>
      Object.keys(schema.getType(type) ? (schema.getType(type) as { getFields(): object }).getFields() : {}).map((f) => `${type}.${f}`),
    );
    expect(declared.map((d) => d.split(':')[0]).sort()).toEqual(rootFields.sort());

    expect(declared).toMatchInlineSnapshot(`
      [
        "Mutation.acceptAnswer: session",
        "Mutation.addComment: session",
        "Mutation.answerQuestion: session",
        "Mutation.askQuestion: session",
        "Mutation.closeAsDuplicate: session",
        "Mutation.editAnswer: session",
        "Mutation.editQuestion: session",
        "Mutation.recordSuggestionOpened: public",
        "Mutation.signIn: public",
        "Mutation.signOut: public",
        "Mutation.signUp: public",
        "Mutation.vote: session",
        "Query.me: public",
        "Query.question: public",
        "Query.questions: public",
        "Query.renderMarkdown: public",
        "Query.search: public",
        "Query.similarQuestions: public",
        "Query.space: public",
        "Query.spaces: public",
        "Query.tags: public",
        "Query.user: public",
      ]
    `);
  });
});
