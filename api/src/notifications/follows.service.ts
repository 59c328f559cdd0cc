import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import { notFound } from '../platform/errors';
import { FollowTarget, WatchLevel, type FollowModel, type SetFollowInput } from './models/notification.models';

type Db = Pick<EntityManager, 'query'>;

const TABLE: Record<FollowTarget, string> = { [FollowTarget.SPACE]: 'spaces', [FollowTarget.TAG]: 'tags' };

/**
 * Following a space or a tag: each new question there is a notification in the app, and the
 * period's questions come by e-mail as one digest (`digest.service.ts`), never as a mail each.
 * Muting a space or tag silences new-question notifications from it even where another followed tag matches.
 */
@Injectable()
export class FollowService {
  constructor(private readonly dataSource: DataSource) {}

  private async targetId(target: FollowTarget, slug: string): Promise<string> {
    const [row]: { id: string }[] = await this.dataSource.query(`SELECT id FROM ${TABLE[target]} WHERE slug = $1`, [slug]);
    if (!row) throw notFound(target === FollowTarget.SPACE ? 'Space' : 'Tag');
    return String(row.id);
  }

  async follow(actor: Actor | null, target: FollowTarget, slug: string): Promise<FollowModel> {
    const id = await this.targetId(target, slug);
    const [row]: { level: WatchLevel | null; followers: number }[] = await this.dataSource.query(
      `SELECT (SELECT level FROM follows WHERE user_id = $3 AND target_type = $1 AND target_id = $2) AS level,
         (SELECT count(*)::int FROM follows WHERE target_type = $1 AND target_id = $2 AND level = 'watching') AS followers`,
      [target, id, actor?.id ?? null],
    );
    return { target, slug, level: toLevel(row?.level ?? null), followers: row?.followers ?? 0 };
  }

  async setFollow(actor: Actor | null, input: SetFollowInput): Promise<FollowModel> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    const id = await this.targetId(input.target, input.slug);
    await this.dataSource.transaction(async (manager) => {
      if (input.level === WatchLevel.NONE) {
        await manager.query(`DELETE FROM follows WHERE user_id = $1 AND target_type = $2 AND target_id = $3`, [actor.id, input.target, id]);
        return;
      }
      await manager.query(
        `INSERT INTO follows (user_id, target_type, target_id, level) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, target_type, target_id) DO UPDATE SET level = EXCLUDED.level`,
        [actor.id, input.target, id, input.level === WatchLevel.WATCHING ? 'watching' : 'muted'],
      );
      // The first digest covers what was asked since one started following, not the whole archive.
      await manager.query(
        `INSERT INTO notification_settings (user_id, digest_sent_at) VALUES ($1, now())
         ON CONFLICT (user_id) DO UPDATE SET digest_sent_at = COALESCE(notification_settings.digest_sent_at, now())`,
        [actor.id],
      );
    });
    return this.follow(actor, input.target, input.slug);
  }
}

const toLevel = (level: string | null): WatchLevel =>
  level === 'watching' ? WatchLevel.WATCHING : level === 'muted' ? WatchLevel.MUTED : WatchLevel.NONE;

/** Who hears of a new question: followers of its space or one of its tags, minus those who muted either. */
export async function followersOfQuestion(db: Db, questionId: string): Promise<string[]> {
  const rows: { user_id: string }[] = await db.query(
    `WITH targets AS (
       SELECT 'space'::varchar AS target_type, space_id AS target_id FROM questions WHERE id = $1
       UNION ALL SELECT 'tag', tag_id FROM question_tags WHERE question_id = $1
     )
     SELECT f.user_id FROM follows f JOIN targets t USING (target_type, target_id)
     GROUP BY f.user_id HAVING bool_and(f.level = 'watching')`,
    [questionId],
  );
  return rows.map((r) => String(r.user_id));
}
