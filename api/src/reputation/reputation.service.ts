import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BadgeAwards } from './badges';
import { kindsWhere, type ReputationKind, type ReputationSubjectType } from './reputation-kinds';
import { ReputationSettings } from './reputation-settings';
import { levelSql, trustStatsSql } from './trust-levels';
import { appendOutbox } from '../platform/outbox/outbox';

export type { ReputationKind, ReputationSubjectType } from './reputation-kinds';

export interface ReputationEntry {
  userId: string;
  kind: ReputationKind;
  subjectType: ReputationSubjectType;
  subjectId: string;
  actorId?: string | null;
}

/** Why entries were reversed; stored on the reversal. */
export type ReversalReason = 'vote.changed' | 'vote.ring' | 'vote.sockPuppet' | 'answer.unaccepted' | 'post.removed';

const CAPPED = kindsWhere((rule) => rule.capped);
const SURVIVES_REMOVAL = kindsWhere((rule) => rule.survivesRemoval);

/** The space of a subject's thread, for leaderboards ($1 type, $2 id). */
const SPACE_OF_SUBJECT = `CASE $1::varchar
  WHEN 'question' THEN (SELECT space_id FROM questions WHERE id = $2::bigint)
  WHEN 'answer' THEN (SELECT q.space_id FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = $2::bigint)
  WHEN 'comment' THEN (SELECT q.space_id FROM comments c JOIN questions q ON q.id = c.question_id WHERE c.id = $2::bigint)
  WHEN 'flag' THEN (SELECT q.space_id FROM flags f JOIN questions q ON q.id = f.question_id WHERE f.id = $2::bigint)
END`;

/**
 * The reputation ledger. Every method works inside the caller's transaction: an entry exists exactly
 * when its cause does, and `users.reputation` (the cached sum) moves with it; trust levels and
 * badges are re-evaluated for the users touched.
 */
@Injectable()
export class ReputationService {
  constructor(
    private readonly settings: ReputationSettings,
    private readonly badges: BadgeAwards,
  ) {}

  async record(manager: EntityManager, entry: ReputationEntry): Promise<void> {
    const values = await this.settings.current(manager);
    // The user row is the lock that keeps concurrent gains within the daily cap.
    await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [entry.userId]);
    let delta = values.points[entry.kind];
    if (CAPPED.includes(entry.kind) && delta > 0) {
      const [today]: { gained: number }[] = await manager.query(
        `SELECT coalesce(sum(delta), 0)::int AS gained FROM reputation_events
          WHERE user_id = $1 AND kind = ANY($2) AND reversal_of IS NULL AND created_at >= date_trunc('day', now(), 'UTC')`,
        [entry.userId, CAPPED],
      );
      delta = Math.max(0, Math.min(delta, values.dailyVoteCap - today!.gained));
    }
    await manager.query(
      `INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, actor_id, space_id)
       VALUES ($3, $4, $5, $1, $2, $6, ${SPACE_OF_SUBJECT})`,
      [entry.subjectType, entry.subjectId, entry.userId, entry.kind, delta, entry.actorId ?? null],
    );
    if (delta !== 0) await manager.query(`UPDATE users SET reputation = reputation + $2 WHERE id = $1`, [entry.userId, delta]);
    await this.evaluate(manager, [entry.userId]);
  }

  /** Reverses every standing entry about a subject, e.g. when the post is deleted; spam losses and penalties stay. */
  async reverseFor(manager: EntityManager, subjectType: ReputationSubjectType, subjectId: string): Promise<void> {
    await this.reverse(manager, 'post.removed', `e.subject_type = $2 AND e.subject_id = $3 AND NOT (e.kind = ANY($4))`, [
      subjectType,
      subjectId,
      SURVIVES_REMOVAL,
    ]);
  }

  /** Reverses the standing entries one actor caused about one subject, e.g. a vote that changed. */
  async reverseCausedBy(
    manager: EntityManager,
    reason: ReversalReason,
    subject: { subjectType: ReputationSubjectType; subjectId: string; actorId: string; kinds: ReputationKind[] },
  ): Promise<void> {
    await this.reverse(manager, reason, `e.subject_type = $2 AND e.subject_id = $3 AND e.actor_id = $4 AND e.kind = ANY($5)`, [
      subject.subjectType,
      subject.subjectId,
      subject.actorId,
      subject.kinds,
    ]);
  }

  /**
   * Appends a reversal for every standing (not yet reversed, not itself a reversal) entry matching
   * `filter` over alias `e` (parameters from $2), and moves the cached totals. Returns the users touched.
   */
  async reverse(manager: EntityManager, reason: ReversalReason, filter: string, params: unknown[]): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `WITH reversed AS (
         INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, actor_id, space_id, reversal_of, reason)
         SELECT e.user_id, e.kind, -e.delta, e.subject_type, e.subject_id, e.actor_id, e.space_id, e.id, $1
           FROM reputation_events e
          WHERE ${filter} AND e.reversal_of IS NULL
            AND NOT EXISTS (SELECT 1 FROM reputation_events x WHERE x.reversal_of = e.id)
          ORDER BY e.id
         ON CONFLICT DO NOTHING
         RETURNING user_id, delta)
       UPDATE users u SET reputation = u.reputation + t.delta
         FROM (SELECT user_id, sum(delta)::int AS delta FROM reversed GROUP BY user_id) t
        WHERE u.id = t.user_id
       RETURNING u.id AS user_id`,
      [reason, ...params],
    );
    const users = rows.map((r) => r.user_id);
    if (users.length > 0) await this.evaluate(manager, users);
    return users;
  }

  /** Promotes or demotes by the trust-level table and awards earned badges. */
  async evaluate(manager: EntityManager, userIds: string[]): Promise<void> {
    const [moved]: [{ id: string; from: number; to: number }[], number] = await manager.query(
      `UPDATE users u SET trust_level = ${levelSql()}
         FROM (${trustStatsSql('u.id = ANY($1::bigint[])')}) s, (SELECT id, trust_level FROM users WHERE id = ANY($1::bigint[])) before
        WHERE u.id = s.id AND before.id = u.id AND u.trust_level <> ${levelSql()}
        RETURNING u.id, before.trust_level AS from, u.trust_level AS to`,
      [userIds],
    );
    for (const user of moved)
      if (user.to > user.from) await appendOutbox(manager, 'trust_level.raised', String(user.id), { from: user.from, to: user.to });
    await this.badges.award(manager, userIds);
  }
}
