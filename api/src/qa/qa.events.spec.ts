import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { QaEvents } from './qa.events';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Who hears what qa announces, in run order: a change here changes the post lifecycle, so review it. */
it('lists the listeners of every qa event', () => {
  const table = t.app
    .get(QaEvents)
    .listeners()
    .map((l) => `${l.event.padEnd(17)} ${l.kind.padEnd(12)} ${l.listener}${l.kind === 'hook' ? ` (${l.order})` : ''}`);
  expect(table).toMatchInlineSnapshot(`
    [
      "answer.accepted   hook         reputation (50)",
      "answer.accepted   hook         audit (90)",
      "answer.accepted   outbox       outbox",
      "answer.created    hook         moderation (10)",
      "answer.created    hook         reputation (20)",
      "answer.created    hook         escalation (30)",
      "answer.created    hook         four-eyes (40)",
      "answer.created    outbox       outbox",
      "answer.created    after-commit live",
      "answer.edited     outbox       outbox",
      "comment.created   hook         escalation (30)",
      "comment.created   hook         four-eyes (40)",
      "comment.created   outbox       outbox",
      "comment.created   after-commit live",
      "post.admitting    hook         four-eyes (10)",
      "post.admitting    hook         moderation (20)",
      "post.checking     hook         privacy (10)",
      "post.checking     hook         reputation (20)",
      "question.closed   hook         audit (90)",
      "question.closed   outbox       outbox",
      "question.created  hook         moderation (10)",
      "question.created  hook         reputation (20)",
      "question.created  hook         search (60)",
      "question.created  outbox       outbox",
      "question.edited   outbox       outbox",
      "question.viewed   after-commit reputation",
      "vote.casting      hook         reputation (20)",
      "vote.changed      hook         reputation (50)",
      "vote.changed      outbox       outbox",
    ]
  `);
});
