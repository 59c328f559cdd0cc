import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import { notFound } from '../platform/errors';
import { FollowTarget, WatchLevel, type FollowModel, type SetFollowInput } from './models/notification.models';

type Db = Pick<EntityManager, 'query'>;

const TABLE: Record<FollowTarget, string> = { [FollowTarget.SPACE]: 'spaces', [FollowTarget.TAG]: 'tags' };

interface FollowRow {
  target_type: FollowTarget;
  slug: string;
  name: string;
  level: string | null;
  followers: number;
}

const toModel = (row: FollowRow): FollowModel => ({
  target: row.target_type,
  slug: row.slug,
  name: row.name,
  level: toLevel(row.level),
  followers: row.followers,
});

/** A space or tag with the viewer's level and its follower count; `$1` is the viewer (or null). */
const FOLLOW_SELECT = `SELECT t.target_type, t.slug, t.name,
    (SELECT level FROM follows f WHERE f.user_id = $1 AND f.target_type = t.target_type AND f.target_id = t.id) AS level,
    (SELECT count(*)::int FROM follows f WHERE f.target_type = t.target_type AND f.target_id = t.id AND f.level = 'watching') AS followers
  FROM (SELECT 'space'::varchar AS target_type, id, slug, name FROM spaces UNION ALL SELECT 'tag', id, slug, slug FROM tags) t`;

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
    const [row]: FollowRow[] = await this.dataSource.query(`${FOLLOW_SELECT} WHERE t.target_type = $2 AND t.slug = $3`, [
      actor?.id ?? null,
      target,
      slug,
    ]);
    if (!row) throw notFound(target === FollowTarget.SPACE ? 'Space' : 'Tag');
    return toModel(row);
  }

  /** The spaces and tags the viewer follows or muted, spaces first. */
  async followed(actor: Actor | null): Promise<FollowModel[]> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    const rows: FollowRow[] = await this.dataSource.query(
      `${FOLLOW_SELECT} JOIN follows mine ON mine.user_id = $1 AND mine.target_type = t.target_type AND mine.target_id = t.id
       ORDER BY t.target_type, t.name`,
      [actor.id],
    );
    return rows.map(toModel);
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
