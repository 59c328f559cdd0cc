import { expect } from 'vitest';
import { signUp, type TestUser } from '../../test-support/builders';
import type { TestApp } from '../../test-support/test-app';
import { NotificationWorker } from '../notification-worker';

export interface InboxItem {
  kind: string;
  questionId: string | null;
  path: string;
  reason: string | null;
  actorName: string | null;
}

const INBOX = `query { notifications(first: 50) { edges { node { kind questionId path reason actorName } } } }`;

/** Notification specs: many people sign up from one address (the sign-up limit is another module's concern). */
export async function freshMember(t: TestApp, name: string, options: { trustLevel?: number; verified?: boolean } = {}): Promise<TestUser> {
  await t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key LIKE 'signup:%'`);
  return signUp(t, name, options);
}

/** The user's inbox, newest first, once the worker has written everything due. */
export async function inboxOf(t: TestApp, user: TestUser): Promise<InboxItem[]> {
  await t.app.get(NotificationWorker).drain();
  const res = await t.gql<{ notifications: { edges: { node: InboxItem }[] } }>(INBOX, {}, user.cookie);
  expect(res.errors).toBeUndefined();
  return res.data.notifications.edges.map((e) => e.node);
}
