import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, ASK, questionInput, seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';

const ANSWER = `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id bodyMarkdown } }`;
const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id bodyHtml } }`;
const EDIT_QUESTION = `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { id bodyMarkdown } }`;
const REDACT = `mutation ($input: RedactPostInput!) { redactPost(input: $input) { id originalText redactedText field spans { start end } moderator { id } } }`;
const REDACTIONS = `query ($id: ID!) { postRedactions(questionId: $id) { id originalText redactedText } }`;

const IBAN = 'DE89 3704 0044 0532 0130 00';

describe('PII guard on public posts', () => {
  let t: TestApp;
  let asker: TestUser;
  let moderator: TestUser;
  let agent: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    asker = await signUp(t, 'Asking Anna');
    member = await signUp(t, 'Other Olga');
    moderator = await signUp(t, 'Jonas Albrecht');
    await setRole(t.dataSource, moderator.id, 'moderator');
    agent = await signUp(t, 'Miriam Çelik');
    await setRole(t.dataSource, agent.id, 'agent');
  });
  afterAll(() => t?.close());

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);

  it('never publishes an IBAN or a card number, even when acknowledged; the error carries kinds and spans', async () => {
    const before = await count('questions');
    const body = `Mir wurde doppelt abgebucht, meine IBAN ist ${IBAN}. Was kann ich tun?`;
    for (const acknowledgePersonalData of [false, true]) {
      const res = await t.gql(ASK, { input: questionInput({ body, acknowledgePersonalData }) }, asker.cookie);
      expectError(res, 'BAD_USER_INPUT', { field: 'body', code: 'personal_data_blocked' });
      const found = res.errors![0]!.extensions.personalData as {
        field: string;
        kind: string;
        start: number;
        end: number;
        blocking: boolean;
      }[];
      expect(found).toEqual([expect.objectContaining({ field: 'body', kind: 'iban', blocking: true })]);
      expect(body.slice(found[0]!.start, found[0]!.end)).toBe(IBAN);
    }
    const card = await t.gql(ASK, { input: questionInput({ title: 'Karte 4111 1111 1111 1111 abgelehnt?' }) }, asker.cookie);
    expectError(card, 'BAD_USER_INPUT', { field: 'title', code: 'personal_data_blocked' });
    expect(await count('questions')).toBe(before);
  });

  it.each([
    ['full-width digits', 'ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００'],
    ['dots inside the number', 'DE89.3704.0044.0532.0130.00'],
    ['zero-width spaces', 'DE89\u200b3704\u200b0044\u200b0532\u200b0130\u200b00'],
    ['a space between every character', 'D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0'],
  ])('sees through Unicode tricks: %s', async (_name, iban) => {
    const before = await count('questions');
    const body = `Meine Bankverbindung lautet ${iban}, bitte um Erstattung.`;
    const res = await t.gql(ASK, { input: questionInput({ body, acknowledgePersonalData: true }) }, asker.cookie);
    expectError(res, 'BAD_USER_INPUT', { field: 'body', code: 'personal_data_blocked' });
    const [finding] = res.errors![0]!.extensions.personalData as { start: number; end: number }[];
    expect(body.slice(finding!.start, finding!.end)).toBe(iban);
    expect(await count('questions')).toBe(before);
  });

  it('asks for an acknowledgement before posting lower-severity data, then posts it', async () => {
    const questionId = await ask(t, asker);
    const body = 'Ihr erreicht mich tagsüber unter 0171 1234567, falls das schneller geht.';
    const before = await count('answers');
    const refused = await t.gql(ANSWER, { input: { questionId, body } }, member.cookie);
    expectError(refused, 'BAD_USER_INPUT', { field: 'body', code: 'personal_data_unacknowledged' });
    expect(await count('answers')).toBe(before);
    const posted = await t.gql<{ answerQuestion: { bodyMarkdown: string } }>(
      ANSWER,
      { input: { questionId, body, acknowledgePersonalData: true } },
      member.cookie,
    );
    expect(posted.errors).toBeUndefined();
    expect(posted.data.answerQuestion.bodyMarkdown).toBe(body);
  });

  it('refuses a post that is only personal data, acknowledged or not, and changes nothing', async () => {
    const questionId = await ask(t, asker);
    const before = await count('comments');
    for (const acknowledgePersonalData of [false, true]) {
      const res = await t.gql(
        COMMENT,
        { input: { questionId, body: 'max.mustermann@example.com, Tel. 0171 1234567', acknowledgePersonalData } },
        member.cookie,
      );
      expectError(res, 'BAD_USER_INPUT', { field: 'body', code: 'only_personal_data' });
    }
    expect(await count('comments')).toBe(before);
  });

  it('guards edits too', async () => {
    const questionId = await ask(t, asker);
    const res = await t.gql(
      EDIT_QUESTION,
      {
        input: {
          id: questionId,
          title: 'Why is my invoice higher than last month?',
          body: `Please refund to ${IBAN}, thanks a lot.`,
          tags: [],
        },
      },
      asker.cookie,
    );
    expectError(res, 'BAD_USER_INPUT', { field: 'body', code: 'personal_data_blocked' });
    const [row] = await t.dataSource.query(`SELECT body_markdown FROM questions WHERE id = $1`, [questionId]);
    expect(row.body_markdown).not.toContain('DE89');
  });

  describe('redaction', () => {
    it('lets a moderator replace a span with [removed]; the original is kept for staff only; audited', async () => {
      const body = 'Meine Mail ist max.mustermann@example.com, bitte meldet euch bei mir wegen der Rechnung.';
      const questionId = await ask(t, asker, { body, acknowledgePersonalData: true });
      const start = body.indexOf('max.');
      const end = body.indexOf('.com') + 4;
      const input = { questionId, field: 'body', spans: [{ start, end }], reason: 'E-Mail-Adresse im öffentlichen Beitrag' };

      for (const who of [asker, member, agent]) expectError(await t.gql(REDACT, { input }, who.cookie), 'FORBIDDEN');
      const res = await t.gql<{ redactPost: { id: string; redactedText: string; originalText: string } }>(
        REDACT,
        { input },
        moderator.cookie,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.redactPost.redactedText).toBe('Meine Mail ist [removed], bitte meldet euch bei mir wegen der Rechnung.');

      const pub = await t.gql<{ question: { bodyMarkdown: string; bodyHtml: string } }>(
        `query ($id: ID!) { question(id: $id) { bodyMarkdown bodyHtml } }`,
        {
          id: questionId,
        },
      );
      expect(pub.data.question.bodyMarkdown).not.toContain('mustermann');
      expect(pub.data.question.bodyHtml).toContain('[removed]');

      const staffView = await t.gql<{ postRedactions: { originalText: string }[] }>(REDACTIONS, { id: questionId }, agent.cookie);
      expect(staffView.data.postRedactions[0]!.originalText).toBe(body);
      for (const who of [asker, member]) expectError(await t.gql(REDACTIONS, { id: questionId }, who.cookie), 'FORBIDDEN');
      expectError(await t.gql(REDACTIONS, { id: questionId }), 'UNAUTHENTICATED');

      const [entry] = await t.dataSource.query(
        `SELECT actor_id, details::text AS details FROM audit_log WHERE action = 'post.redacted' AND subject_id = $1`,
        [questionId],
      );
      expect(entry.actor_id).toBe(moderator.id);
      expect(entry.details).not.toContain('mustermann');
    });

    it('removes every occurrence of a given text (for forms without JavaScript)', async () => {
      const body = 'Ich heiße Max Mustermann und wohne hier. Max Mustermann ist auch der Vertragsinhaber.';
      const questionId = await ask(t, asker, { body });
      const res = await t.gql<{ redactPost: { redactedText: string; spans: unknown[] } }>(
        REDACT,
        { input: { questionId, field: 'body', texts: ['Max Mustermann'], reason: 'Voller Name im öffentlichen Beitrag' } },
        moderator.cookie,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.redactPost.redactedText).toBe('Ich heiße [removed] und wohne hier. [removed] ist auch der Vertragsinhaber.');
      expect(res.data.redactPost.spans).toHaveLength(2);
    });

    it('refuses spans outside the text or overlapping, changing nothing', async () => {
      const questionId = await ask(t, asker);
      const [before] = await t.dataSource.query(`SELECT body_markdown FROM questions WHERE id = $1`, [questionId]);
      for (const spans of [
        [{ start: 5, end: 5000 }],
        [
          { start: 5, end: 10 },
          { start: 8, end: 12 },
        ],
        [],
      ]) {
        expectError(
          await t.gql(REDACT, { input: { questionId, field: 'body', spans, reason: 'Test redaction' } }, moderator.cookie),
          'BAD_USER_INPUT',
          {
            field: 'spans',
            code: 'invalid',
          },
        );
      }
      const [after] = await t.dataSource.query(`SELECT body_markdown FROM questions WHERE id = $1`, [questionId]);
      expect(after.body_markdown).toBe(before.body_markdown);
      expect(Number((await t.dataSource.query(`SELECT count(*) FROM post_redactions WHERE question_id = $1`, [questionId]))[0].count)).toBe(
        0,
      );
    });
  });
});
