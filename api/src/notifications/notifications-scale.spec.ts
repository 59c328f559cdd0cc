import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, signUp } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { MailService } from './mail/mail.service';
import { NotificationWorker } from './notification-worker';

/**
 * Scale figures (issue 13), opt-in: NOTIFICATIONS_SCALE=1 pnpm exec vitest run src/notifications/notifications-scale.spec.ts
 * A new answer on a thread with 10,000 watchers, and the inbox of a user with 100,000 notifications.
 */
const WATCHERS = 10_000;
const NOTIFICATIONS = 100_000;

const p50 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe.skipIf(!process.env.NOTIFICATIONS_SCALE)('notifications at scale', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:9', MAIL_DELAY_SECONDS: '0' });
    await t.dataSource.query(
      `INSERT INTO spaces (slug, name, description) VALUES ('billing', 'Billing', 'Invoices') ON CONFLICT DO NOTHING`,
    );
    await t.dataSource.query(`INSERT INTO tags (slug) VALUES ('invoice') ON CONFLICT DO NOTHING`);
  }, 120_000);
  afterAll(() => t.close());

  it(`writes the notifications of an answer for ${WATCHERS} watchers; the answer itself is not slowed`, async () => {
    const worker = t.app.get(NotificationWorker);
    const asker = await signUp(t, 'Scale Asker');
    const helper = await signUp(t, 'Scale Helper');
    const quiet = await ask(t, asker, { title: 'A thread nobody else watches at all' });
    const busy = await ask(t, asker, { title: 'A thread ten thousand people watch' });
    await worker.drain();
    await t.dataSource.query(
      `INSERT INTO users (email, display_name, trust_level) SELECT 'watcher' || i || '@example.com', 'Watcher ' || i, 1 FROM generate_series(1, $1::int) i`,
      [WATCHERS],
    );
    await t.dataSource.query(
      `INSERT INTO watches (user_id, question_id, level, reason) SELECT id, $1::bigint, 'watching', 'manual' FROM users WHERE email LIKE 'watcher%'`,
      [busy],
    );
    const time = async (questionId: string): Promise<number[]> => {
      const ms: number[] = [];
      for (let i = 0; i < 15; i += 1) {
        const start = performance.now();
        await answer(t, helper, questionId, `Answer number ${i} with enough words to pass the checks.`);
        ms.push(performance.now() - start);
      }
      return ms;
    };
    await t.dataSource.query(`DELETE FROM rate_limit_buckets`);
    await t.dataSource.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [helper.id]);
    // A staff helper answers without the hourly allowance and without four-eyes review.
    await t.dataSource.query(`INSERT INTO space_review_settings (space_id, review_staff_replies) SELECT id, false FROM spaces`);
    await t.dataSource.query(`INSERT INTO staff_photos (user_id, image, content_type, etag) VALUES ($1, '\\x00', 'image/webp', 'scale')`, [
      helper.id,
    ]);
    const quietMs = p50(await time(quiet));
    const busyMs = p50(await time(busy));
    await worker.drain();

    await answer(t, helper, busy, 'One more answer, timed through the worker alone.');
    const start = performance.now();
    await worker.drain();
    const fanOutMs = performance.now() - start;
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE subject_id = (SELECT max(id) FROM answers)`,
    );
    const [{ mails }] = await t.dataSource.query(`SELECT count(*)::int AS mails FROM mail_outbox`);
    console.log(
      `SCALE answer request p50: ${quietMs.toFixed(1)} ms without watchers, ${busyMs.toFixed(1)} ms with ${WATCHERS}; ` +
        `fan-out to ${n} notifications (and their mail queued: ${mails} in total) in ${fanOutMs.toFixed(0)} ms`,
    );
    expect(n).toBe(WATCHERS + 1);
    void t.app.get(MailService);
  }, 600_000);

  it(`answers the inbox of a user with ${NOTIFICATIONS} notifications quickly`, async () => {
    const reader = await signUp(t, 'Scale Reader');
    const questionId = await ask(t, reader, { title: 'A thread with an enormous number of answers' });
    await t.dataSource.query(`DELETE FROM rate_limit_buckets`);
    const answerId = await answer(t, await signUp(t, 'Scale Answerer'), questionId);
    await t.dataSource.query(
      `INSERT INTO notifications (recipient_id, kind, question_id, subject_type, subject_id, source_event_id, read_at)
       SELECT $1, 'answer.new', $2, 'answer', $3, -i, CASE WHEN i % 3 = 0 THEN NULL ELSE now() END FROM generate_series(1, $4) i`,
      [reader.id, questionId, answerId, NOTIFICATIONS],
    );
    await t.dataSource.query(`ANALYZE notifications`);
    const inbox = `query { notifications(first: 20) { edges { node { id kind path } } } }`;
    const count = `query { unreadNotificationCount }`;
    const measure = async (query: string): Promise<number> => {
      const ms: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        const start = performance.now();
        const res = await t.gql(query, {}, reader.cookie);
        ms.push(performance.now() - start);
        expect(res.errors).toBeUndefined();
      }
      return p50(ms);
    };
    const inboxMs = await measure(inbox);
    const countMs = await measure(count);
    console.log(
      `SCALE inbox p50 ${inboxMs.toFixed(1)} ms, unread count p50 ${countMs.toFixed(1)} ms (HTTP round trip) with ${NOTIFICATIONS} notifications`,
    );
  }, 600_000);
});
