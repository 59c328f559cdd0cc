import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, setRole, signUp as signUpMember, type TestUser } from '../../test-support/builders';
import { expectError } from '../../test-support/matchers';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { until } from '../../test-support/until';
import { NotificationWorker } from '../notification-worker';
import { MailService } from './mail.service';
import { unsubscribeToken } from './unsubscribe-token';

interface Received {
  to: string;
  raw: string;
  headers: string;
  body: string;
}

/** Quoted-printable soft breaks and escapes undone, so links and words can be searched. */
const decode = (text: string): string =>
  text.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'));

/** A header's value with RFC 2047 encoded words (=?UTF-8?Q?…?=) decoded. */
const decodeWords = (value: string): string =>
  value.replace(/=\?UTF-8\?Q\?([^?]*)\?=\s*/gi, (_, word: string) => decode(word.replace(/_/g, ' ')));

/** A real SMTP server (the `smtp-server` package) on a fixed port, which can be stopped and started again. */
class TestSmtp {
  readonly received: Received[] = [];
  private server: SMTPServer | null = null;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const split = raw.indexOf('\r\n\r\n');
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            raw,
            headers: raw.slice(0, split),
            body: decode(raw.slice(split + 4)),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  to(user: TestUser): Received[] {
    return this.received.filter((m) => m.to === user.email);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const header = (mail: Received, name: string): string | undefined =>
  decodeWords(
    new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, 'im')
      .exec(mail.headers)?.[1]
      ?.replace(/\r\n[ \t]+/g, ' ')
      .trim() ?? '',
  ) || undefined;

describe('notification mail', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let worker: NotificationWorker;
  let mail: MailService;
  let admin: TestUser;

  const signUp = async (name: string): Promise<TestUser> => {
    await t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key LIKE 'signup:%'`);
    return signUpMember(t, name);
  };
  const flush = async (): Promise<void> => {
    await worker.drain();
    await mail.drain();
  };
  const statusOf = async (user: TestUser): Promise<string[]> =>
    (await t.dataSource.query(`SELECT status FROM mail_outbox WHERE recipient_id = $1 ORDER BY id`, [user.id])).map(
      (r: { status: string }) => r.status,
    );

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.start();
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_DELAY_SECONDS: '0',
      MAIL_RETRY_BASE_MS: '50',
      PUBLIC_URL: 'https://community.example.test',
    });
    await t.dataSource.query(
      `INSERT INTO spaces (slug, name, description) VALUES ('billing', 'Billing', 'Invoices') ON CONFLICT DO NOTHING;
       INSERT INTO tags (slug) VALUES ('invoice') ON CONFLICT DO NOTHING`,
    );
    worker = t.app.get(NotificationWorker);
    mail = t.app.get(MailService);
    admin = await signUp('Ada Admin');
    await setRole(t.dataSource, admin.id, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('mails the asker once: text and HTML, a link straight to the answer, one-click unsubscribe and why it came', async () => {
    const asker = await signUp('Mira Mail');
    const helper = await signUp('Henrik Help');
    const questionId = await ask(t, asker);
    const answerId = await answer(t, helper, questionId, 'Check the **advance payment** on page 2 of your bill.');
    await flush();
    await flush();
    const [received, ...more] = smtp.to(asker);
    expect(more).toEqual([]);
    expect(header(received!, 'Subject')).toContain('New answer on');
    const link = `https://community.example.test/questions/${questionId}#answer-${answerId}`;
    expect(received!.body).toContain(link);
    expect(received!.body).toContain('<strong>advance payment</strong>');
    expect(received!.body).toContain('Check the **advance payment** on page 2');
    expect(received!.body).toContain('because you follow');
    const unsubscribe = header(received!, 'List-Unsubscribe')!;
    expect(unsubscribe).toMatch(/^<https:\/\/community\.example\.test\/unsubscribe\/\d+\.[\w-]{32}>$/);
    expect(header(received!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(smtp.to(helper)).toEqual([]);

    // One click (as a mail program does it: a POST without cookies) turns e-mail off; the inbox goes on.
    const token = /\/unsubscribe\/([^>]+)>/.exec(unsubscribe)![1]!;
    const res = await request(t.app.getHttpServer()).post(`/mail/unsubscribe/${token}`).type('form').send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    await answer(t, await signUp('Second Helper'), questionId, 'Or ask for a new meter reading appointment.');
    await flush();
    expect(smtp.to(asker)).toHaveLength(1);
    expect(await statusOf(asker)).toEqual(['sent']);
  });

  it('refuses tampered, foreign and malformed unsubscribe tokens', async () => {
    const user = await signUp('Token Tess');
    const [{ secret }] = await t.dataSource.query(`SELECT secret FROM mail_secret`);
    const good = unsubscribeToken(secret, user.id);
    const other = await signUp('Other Otto');
    const tampered = `${other.id}.${good.split('.')[1]}`;
    const foreign = unsubscribeToken('another installation’s secret', user.id);
    for (const token of [tampered, foreign, 'nonsense', `${user.id}.short`]) {
      expect((await request(t.app.getHttpServer()).post(`/mail/unsubscribe/${encodeURIComponent(token)}`)).status).toBe(400);
      expectError(await t.gql(`mutation ($t: String!) { unsubscribeFromMail(token: $t) }`, { t: token }), 'BAD_USER_INPUT', {
        field: 'token',
        code: 'invalid',
      });
    }
    const settings = await t.gql<{ notificationSettings: { email: boolean } }>(
      `query { notificationSettings { email } }`,
      {},
      other.cookie,
    );
    expect(settings.data.notificationSettings.email).toBe(true);
    expect((await t.gql(`mutation ($t: String!) { unsubscribeFromMail(token: $t) }`, { t: good })).errors).toBeUndefined();
  });

  it('writes in the recipient’s language', async () => {
    const asker = await signUp('Greta Deutsch');
    await t.gql(`mutation { updateNotificationSettings(input: { locale: DE }) { locale } }`, {}, asker.cookie);
    const questionId = await ask(t, asker);
    await answer(t, await signUp('Helfer Hans'), questionId);
    await flush();
    const [received] = smtp.to(asker);
    expect(received!.body).toContain('Hallo Greta Deutsch');
    expect(received!.body).toContain('Antwort öffnen');
  });

  it('sends nothing for what was read in the app first, or for a post hidden before sending', async () => {
    const asker = await signUp('Reader Rita');
    const questionId = await ask(t, asker);
    await answer(t, await signUp('Quick Quinn'), questionId);
    await worker.drain();
    await t.gql(`mutation { markNotificationsRead(input: { all: true }) { unreadCount } }`, {}, asker.cookie);
    const hiddenId = await answer(t, await signUp('Spam Sven'), questionId, 'Visit my shop for cheap tariffs, it is really good value.');
    await worker.drain();
    await t.dataSource.query(`UPDATE answers SET moderation_state = 'hidden' WHERE id = $1`, [hiddenId]);
    await mail.drain();
    expect(smtp.to(asker)).toEqual([]);
    expect(await statusOf(asker)).toEqual(['skipped', 'skipped']);
  });

  it('SMTP down during a burst: everything arrives exactly once when it is back', async () => {
    await smtp.stop();
    const askers: TestUser[] = [];
    for (let i = 0; i < 6; i += 1) askers.push(await signUp(`Burst Asker ${i}`));
    const helper = await signUp('Burst Helper');
    for (const asker of askers)
      await answer(t, helper, await ask(t, asker, { title: `Burst question number ${askers.indexOf(asker)} about my bill` }));
    await worker.drain();
    await mail.drain();
    const pending: { status: string; attempts: number }[] = await t.dataSource.query(
      `SELECT status, attempts FROM mail_outbox WHERE recipient_id = ANY($1::bigint[])`,
      [askers.map((a) => a.id)],
    );
    expect(pending).toHaveLength(6);
    expect(pending.every((m) => m.status === 'pending')).toBe(true);
    expect(pending.some((m) => m.attempts > 0)).toBe(true);

    await smtp.start();
    await until(async () => {
      await mail.drain();
      return askers.every((a) => smtp.to(a).length > 0);
    }, 'every mail to arrive after the SMTP server is back');
    await mail.drain();
    for (const asker of askers) expect(smtp.to(asker)).toHaveLength(1);
    const ids = smtp.received.map((m) => header(m, 'Message-ID'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('an api restart mid-queue: mail queued by one process is sent, once, by the process that comes up next', async () => {
    await smtp.stop();
    const asker = await signUp('Restart Asker');
    await answer(t, await signUp('Restart Helper'), await ask(t, asker, { title: 'Meter exchange while the api restarts?' }));
    await flush();
    expect(await statusOf(asker)).toEqual(['pending']);
    // The process that queued it is gone (it sends nothing more here); the next one comes up on the same database.
    await smtp.start();
    const next = await createTestApp(
      {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_DELAY_SECONDS: '0',
        MAIL_RETRY_BASE_MS: '50',
        PUBLIC_URL: 'https://community.example.test',
      },
      { sameDatabaseAs: t },
    );
    try {
      await until(async () => {
        await next.app.get(MailService).drain();
        return smtp.to(asker).length > 0;
      }, 'the queued mail to be sent by the next process');
      await next.app.get(MailService).drain();
      expect(smtp.to(asker)).toHaveLength(1);
      expect(await statusOf(asker)).toEqual(['sent']);
    } finally {
      await next.close();
    }
  });

  describe('password reset by e-mail', () => {
    const REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
    const RESET = `mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;
    const ME = `query { me { id } }`;
    const NEW_PASSWORD = 'a brand new lantern staple 7';

    const resetLink = (user: TestUser): string => {
      const mails = smtp.to(user).filter((m) => /reset-password/.test(m.body));
      return /https:\/\/community\.example\.test\/reset-password\/([\w-]+)/.exec(mails.at(-1)!.body)![1]!;
    };

    it('answers alike for unknown addresses; the link works once, within the hour, and ends every session', async () => {
      await t.dataSource.query(`DELETE FROM rate_limit_buckets`);
      const unknown = await t.gql(REQUEST, { email: 'nobody-here@example.com' });
      expect(unknown.errors).toBeUndefined();
      const user = await signUp('Forgetful Fritz');
      const known = await t.gql(REQUEST, { email: user.email.toUpperCase() });
      expect(known.data).toEqual(unknown.data);
      await mail.drain();
      expect(smtp.received.filter((m) => m.to === 'nobody-here@example.com')).toEqual([]);
      const token = resetLink(user);
      const [{ token_hash }] = await t.dataSource.query(
        `SELECT token_hash FROM account_tokens WHERE purpose = 'password-reset' AND user_id = $1`,
        [user.id],
      );
      expect(token_hash).not.toContain(token);

      expectError(await t.gql(RESET, { token, password: 'short' }), 'BAD_USER_INPUT', { field: 'password', code: 'weak' });
      expectError(await t.gql(RESET, { token: `${token.slice(0, -2)}xx`, password: NEW_PASSWORD }), 'BAD_USER_INPUT', {
        field: 'token',
        code: 'invalid',
      });
      expect((await t.gql<{ me: { id: string } }>(ME, {}, user.cookie)).data.me?.id).toBe(user.id);
      expect((await t.gql(RESET, { token, password: NEW_PASSWORD })).errors).toBeUndefined();
      // Every session ended; the new password signs in; the link is spent.
      expect((await t.gql<{ me: unknown }>(ME, {}, user.cookie)).data.me).toBeNull();
      const signIn = await t.gql(`mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`, {
        input: { email: user.email, password: NEW_PASSWORD },
      });
      expect(signIn.errors).toBeUndefined();
      expectError(await t.gql(RESET, { token, password: 'yet another lantern staple 9' }), 'BAD_USER_INPUT', {
        field: 'token',
        code: 'invalid',
      });
    });

    it('refuses an expired link and limits requests per address', async () => {
      await t.dataSource.query(`DELETE FROM rate_limit_buckets`);
      const user = await signUp('Late Lars');
      await t.gql(REQUEST, { email: user.email });
      await mail.drain();
      const token = resetLink(user);
      await t.dataSource.query(
        `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'password-reset' AND user_id = $1`,
        [user.id],
      );
      expectError(await t.gql(RESET, { token, password: NEW_PASSWORD }), 'BAD_USER_INPUT', { field: 'token', code: 'invalid' });
      await t.gql(REQUEST, { email: user.email });
      await t.gql(REQUEST, { email: user.email });
      expectError(await t.gql(REQUEST, { email: user.email }), 'RATE_LIMITED');
    });
  });

  it('without SMTP the mail is kept and admins (only) read it, marked not delivered', async () => {
    mail.useTransport(null);
    try {
      const asker = await signUp('Kept Kim');
      const questionId = await ask(t, asker);
      await answer(t, await signUp('Kept Helper'), questionId);
      await flush();
      expect(smtp.to(asker)).toEqual([]);
      expect(await statusOf(asker)).toEqual(['kept']);
      const query = `query { outgoingMail(first: 5) { delivering edges { node { to subject status textBody } } } }`;
      const read = await t.gql<{ outgoingMail: { edges: { node: { to: string; status: string; textBody: string } }[] } }>(
        query,
        {},
        admin.cookie,
      );
      const kept = read.data.outgoingMail.edges.map((e) => e.node).find((n) => n.to === asker.email);
      expect(kept).toMatchObject({ status: 'kept' });
      expect(kept!.textBody).toContain(`/questions/${questionId}#answer-`);
      expectError(await t.gql(query, {}, asker.cookie), 'FORBIDDEN');
    } finally {
      mail.useTransport(`smtp://127.0.0.1:${smtp.port}`);
    }
  });
});
