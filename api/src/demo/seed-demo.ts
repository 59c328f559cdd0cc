import { renderMarkdown } from '@peerdesk/markdown';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../identity/password';
import { answerAccepted, recountQuestions } from '../qa/question-state';
import { appendOutbox } from '../platform/outbox/outbox';
import { seedDemoStaffPhotos } from '../staff/demo-photos';
import { seedDemoEscalations, seedDemoTeams } from './demo-teams';
import { demoSpaces, demoTags, demoThreads, demoUsers, type DemoAnswer, type DemoComment } from './demo-content';
import { backfillLedger } from '../reputation/backfill';

export interface SeedResult {
  spaces: number;
  questions: number;
  password: string;
  accounts: { role: string; email: string }[];
}

const HOUR = 3_600_000;

/** A readable one-off password, e.g. `demo-k3f9-x2pa-7qmc`. */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `demo-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

async function insertId(manager: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const rows: { id: string }[] = await manager.query(`${sql} RETURNING id`, params);
  return rows[0]!.id;
}

/**
 * Creates the demo community: spaces, tags, accounts for every role and realistic threads spread over
 * the last weeks. With `onlyIfEmpty` it does nothing on a database that already has spaces.
 */
export async function seedDemoCommunity(
  dataSource: DataSource,
  options: { onlyIfEmpty: boolean; password?: string },
): Promise<SeedResult | null> {
  const password = options.password ?? process.env.DEMO_PASSWORD ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return dataSource.transaction(async (manager) => {
    // Serialises concurrent first starts (several api replicas) so the demo is created once.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('peerdesk:seed-demo'))`);
    if (options.onlyIfEmpty) {
      const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM spaces`);
      if (count > 0) return null;
    }
    const users = new Map<string, string>();
    for (const user of demoUsers) {
      const existing: { id: string }[] = await manager.query(`SELECT id FROM users WHERE email = $1`, [user.email]);
      users.set(
        user.key,
        existing[0]?.id ??
          (await insertId(
            manager,
            `INSERT INTO users (email, display_name, password_hash, role, trust_level, created_at) VALUES ($1, $2, $3, $4, $5, now() - interval '120 days')`,
            [user.email, user.displayName, passwordHash, user.role, user.role === 'member' ? 1 : 4],
          )),
      );
    }
    const spaces = new Map<string, string>();
    for (const [position, space] of demoSpaces.entries()) {
      spaces.set(
        space.slug,
        await insertId(
          manager,
          `INSERT INTO spaces (slug, name, description, position) VALUES ($1, $2, $3, $4) ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name`,
          [space.slug, space.name, space.description, position],
        ),
      );
    }
    const tags = new Map<string, string>();
    for (const slug of demoTags) {
      tags.set(
        slug,
        await insertId(manager, `INSERT INTO tags (slug) VALUES ($1) ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug`, [slug]),
      );
    }
    const userId = (key: string) => {
      const id = users.get(key);
      if (!id) throw new Error(`Demo content references unknown user "${key}"`);
      return id;
    };
    const now = Date.now();

    const addComments = async (comments: DemoComment[] | undefined, questionId: string, answerId: string | null, base: number) => {
      for (const comment of comments ?? []) {
        await manager.query(
          `INSERT INTO comments (question_id, answer_id, author_id, body_markdown, body_html, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            questionId,
            answerId,
            userId(comment.author),
            comment.body,
            renderMarkdown(comment.body),
            new Date(Math.min(now, base + comment.hoursAfter * HOUR)),
          ],
        );
      }
    };
    /** Votes trickle in over the day after the post appeared (dated, so reputation has a history). */
    const addVotes = async (
      column: 'question_id' | 'answer_id',
      postId: string,
      postedAt: number,
      up: string[] = [],
      down: string[] = [],
    ) => {
      for (const [keys, value] of [
        [up, 1],
        [down, -1],
      ] as const) {
        for (const [i, key] of keys.entries())
          await manager.query(`INSERT INTO votes (user_id, ${column}, value, created_at) VALUES ($1, $2, $3, $4)`, [
            userId(key),
            postId,
            value,
            new Date(Math.min(now, postedAt + (i + 1) * 2 * HOUR)),
          ]);
      }
      return up.length - down.length;
    };

    const questionIds: string[] = [];
    for (const thread of demoThreads) {
      const created = now - thread.daysAgo * 24 * HOUR;
      const spaceId = spaces.get(thread.space);
      if (!spaceId) throw new Error(`Demo thread "${thread.title}" names unknown space "${thread.space}"`);
      const questionId = await insertId(
        manager,
        `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, updated_at, last_activity_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $6)`,
        [spaceId, userId(thread.author), thread.title, thread.body, renderMarkdown(thread.body), new Date(created)],
      );
      questionIds.push(questionId);
      await manager.query(
        `INSERT INTO post_revisions (question_id, editor_id, title, body_markdown, tags, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [questionId, userId(thread.author), thread.title, thread.body, thread.tags, new Date(created)],
      );
      for (const slug of thread.tags) {
        const tagId = tags.get(slug);
        if (!tagId) throw new Error(`Demo thread "${thread.title}" names unknown tag "${slug}"`);
        await manager.query(`INSERT INTO question_tags (question_id, tag_id) VALUES ($1, $2)`, [questionId, tagId]);
      }
      const questionScore = await addVotes('question_id', questionId, created, thread.upvotes);
      await addComments(thread.comments, questionId, null, created);

      let accepted: { id: string; at: number } | null = null;
      for (const answer of thread.answers as DemoAnswer[]) {
        const at = Math.min(now, created + answer.hoursAfter * HOUR);
        const answerId = await insertId(
          manager,
          `INSERT INTO answers (question_id, author_id, body_markdown, body_html, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`,
          [questionId, userId(answer.author), answer.body, renderMarkdown(answer.body), new Date(at)],
        );
        await manager.query(`INSERT INTO post_revisions (answer_id, editor_id, body_markdown, created_at) VALUES ($1, $2, $3, $4)`, [
          answerId,
          userId(answer.author),
          answer.body,
          new Date(at),
        ]);
        const score = await addVotes('answer_id', answerId, at, answer.upvotes, answer.downvotes);
        await manager.query(`UPDATE answers SET score = $2 WHERE id = $1`, [answerId, score]);
        await addComments(answer.comments, questionId, answerId, at);
        if (answer.accepted) accepted = { id: answerId, at: Math.min(now, at + 3 * HOUR) };
      }
      await manager.query(`UPDATE questions SET score = $2 WHERE id = $1`, [questionId, questionScore]);
      if (accepted) await answerAccepted(manager, questionId, accepted.id, new Date(accepted.at));
    }
    // Answer counts, status and last activity follow from the rows, by qa's one rule.
    await recountQuestions(manager, questionIds);
    await seedDemoStaffPhotos(
      manager,
      demoUsers.filter((u) => u.role !== 'member').map((u) => ({ id: userId(u.key), displayName: u.displayName })),
    );
    await seedDemoTeams(manager, userId, (slug) => spaces.get(slug));
    await seedDemoEscalations(manager);
    // The threads' votes and accepted answers earn their authors reputation, as if cast through the app.
    await backfillLedger(manager);
    // The search indexer picks the threads up like any imported ones.
    await appendOutbox(manager, 'questions.imported', questionIds[0] ?? '0', { questionIds });
    return {
      spaces: demoSpaces.length,
      questions: demoThreads.length,
      password,
      accounts: demoUsers
        .filter((u, i) => u.role !== 'member' || demoUsers.findIndex((m) => m.role === 'member') === i)
        .map((u) => ({ role: u.role, email: u.email })),
    };
  });
}
