import type { EntityManager } from 'typeorm';
import { appendOutbox } from '../platform/outbox/outbox';
import type { AlertKind } from './alert.entity';
import type { PostKind, Scope } from './tone-rollup.entity';
import './monitoring.events';

export interface AlertDraft {
  kind: AlertKind;
  key: string;
  spaceId: string;
  scope: Scope | null;
  scopeId: string | null;
  term: string | null;
  windowStart: Date;
  detectedAt: Date;
  posts: number;
  negative: number;
  expectedPosts: number | null;
  expectedNegativeShare: number | null;
}

export interface EvidencePost {
  postType: PostKind;
  postId: string;
}

/**
 * Raises an alert, or adds to the unresolved one with the same key: a spike that goes on or a keyword
 * that keeps coming is one alert with more evidence, not a notification each time. Only a new alert is
 * announced on the outbox (`alert.raised`). Answers the alert's id and whether it is new.
 */
export async function raiseAlert(
  manager: EntityManager,
  draft: AlertDraft,
  evidence: readonly EvidencePost[],
): Promise<{ id: string; raised: boolean }> {
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO alerts (kind, key, space_id, scope, scope_id, term, window_start, detected_at, posts, negative, expected_posts, expected_negative_share)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (key) WHERE status <> 'resolved' DO NOTHING RETURNING id`,
    [
      draft.kind,
      draft.key,
      draft.spaceId,
      draft.scope,
      draft.scopeId,
      draft.term,
      draft.windowStart,
      draft.detectedAt,
      draft.posts,
      draft.negative,
      draft.expectedPosts,
      draft.expectedNegativeShare,
    ],
  );
  let id = inserted[0]?.id;
  const raised = id !== undefined;
  if (id === undefined) {
    // UPDATE … RETURNING answers [rows, affected count].
    const [[existing]]: [{ id: string }[], number] = await manager.query(
      `UPDATE alerts SET posts = GREATEST(posts, $2), negative = GREATEST(negative, $3)
       WHERE key = $1 AND status <> 'resolved' RETURNING id`,
      [draft.key, draft.posts, draft.negative],
    );
    if (!existing) throw new Error(`alert ${draft.key} vanished while it was raised`);
    id = existing.id;
  }
  if (evidence.length > 0)
    await manager.query(
      `INSERT INTO alert_posts (alert_id, post_type, post_id) SELECT $1::bigint, * FROM unnest($2::varchar[], $3::bigint[]) ON CONFLICT DO NOTHING`,
      [id, evidence.map((e) => e.postType), evidence.map((e) => e.postId)],
    );
  if (draft.kind === 'keyword')
    await manager.query(`UPDATE alerts SET posts = (SELECT count(*) FROM alert_posts WHERE alert_id = $1) WHERE id = $1`, [id]);
  if (raised) await appendOutbox(manager, 'alert.raised', String(id), { spaceId: draft.spaceId, kind: draft.kind });
  return { id: String(id), raised };
}
