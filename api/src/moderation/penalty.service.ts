import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { authorize, type Actor, type UserRef } from '../identity/policy';
import type { Role } from '../identity/user.entity';
import { fieldError, InputCheck, notFound } from '../platform/errors';
import { isId, parseId } from '../platform/ids';
import { ReputationService, type ReputationKind } from '../reputation/reputation.service';
import type { PostType } from '../qa/moderation-state';
import type { SuspendUserInput, WarnUserInput } from './dto/moderation.inputs';
import type { ModeratedPost } from './moderated-post';
import type { SuspensionModel } from './models/moderation.models';

export const MAX_SUSPENSION_DAYS = 365;

export interface Decision {
  post: ModeratedPost;
  actorId: string;
  /** Flags the decision upheld; their authors earn the helpful-flag reward. */
  helpfulFlagIds: { id: string; user_id: string }[];
  /** The post was deleted as spam: its author loses reputation and what the post earned. */
  spam: boolean;
}

/** Warnings and suspensions of members, and the standing consequences of moderation decisions. */
@Injectable()
export class PenaltyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly reputation: ReputationService,
  ) {}

  async warn(actor: Actor | null, input: WarnUserInput): Promise<boolean> {
    const reason = requireReason(input.reason);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, input.userId);
      authorize(actor, 'user.warn', user);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'user.warned',
        subjectType: 'user',
        subjectId: user.id,
        reason,
        details: input.reviewItemId ? { reviewItemId: input.reviewItemId } : {},
      });
      await this.penalize(manager, user.id, 'penalty.warning', actor.id, input.reviewItemId);
    });
    return true;
  }

  async suspend(actor: Actor | null, input: SuspendUserInput): Promise<SuspensionModel> {
    const check = new InputCheck();
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_SUSPENSION_DAYS) {
      check.add('days', 'invalid', `Suspend for 1 to ${MAX_SUSPENSION_DAYS} days.`);
    }
    const reason = check.text('reason', 'Reason', input.reason, { min: 3, max: 500 });
    check.assertValid();
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, input.userId);
      authorize(actor, 'user.suspend', user);
      const [[row]]: [{ suspended_until: Date }[], number] = await manager.query(
        `UPDATE users SET suspended_until = greatest(coalesce(suspended_until, now()), now() + make_interval(days => $2))
          WHERE id = $1 RETURNING suspended_until`,
        [user.id, input.days],
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'user.suspended',
        subjectType: 'user',
        subjectId: user.id,
        reason,
        details: { days: input.days, until: row!.suspended_until.toISOString(), reviewItemId: input.reviewItemId ?? undefined },
      });
      await this.penalize(manager, user.id, 'penalty.suspension', actor.id, input.reviewItemId);
      return { userId: user.id, suspendedUntil: row!.suspended_until };
    });
  }

  /** Called inside a review decision's transaction. */
  async afterDecision(manager: EntityManager, decision: Decision): Promise<void> {
    for (const flag of decision.helpfulFlagIds) {
      await this.reputation.record(manager, {
        userId: flag.user_id,
        kind: 'flag.helpful',
        subjectType: 'flag',
        subjectId: flag.id,
        actorId: decision.actorId,
      });
    }
    if (decision.spam) {
      const { post } = decision;
      await this.reputation.reverseFor(manager, post.postType, post.postId);
      await this.reputation.record(manager, {
        userId: post.authorId,
        kind: 'post.spam',
        subjectType: post.postType,
        subjectId: post.postId,
        actorId: decision.actorId,
      });
    }
  }

  /**
   * Penalties are ledger entries about a post: the one the review item was about, else the user's
   * latest post. A user who never posted has no standing to lose; the audit entry still records it.
   */
  private async penalize(
    manager: EntityManager,
    userId: string,
    kind: ReputationKind,
    actorId: string,
    reviewItemId?: string | null,
  ): Promise<void> {
    const rows: { post_type: PostType; post_id: string }[] = isId(reviewItemId)
      ? await manager.query(`SELECT post_type, post_id FROM review_items WHERE id = $1 AND post_author_id = $2`, [reviewItemId, userId])
      : [];
    if (!rows[0]) {
      rows.push(
        ...((await manager.query(
          `SELECT post_type, post_id FROM (
             SELECT 'question' AS post_type, id AS post_id, created_at FROM questions WHERE author_id = $1
             UNION ALL SELECT 'answer', id, created_at FROM answers WHERE author_id = $1
             UNION ALL SELECT 'comment', id, created_at FROM comments WHERE author_id = $1) p
           ORDER BY created_at DESC LIMIT 1`,
          [userId],
        )) as { post_type: PostType; post_id: string }[]),
      );
    }
    const subject = rows[0];
    if (subject)
      await this.reputation.record(manager, { userId, kind, subjectType: subject.post_type, subjectId: subject.post_id, actorId });
  }

  private async lockUser(manager: EntityManager, idInput: string): Promise<UserRef> {
    const id = parseId(idInput, 'User');
    const rows: { id: string; role: Role }[] = await manager.query(`SELECT id, role FROM users WHERE id = $1 FOR UPDATE`, [id]);
    if (!rows[0]) throw notFound('User');
    return rows[0];
  }
}

function requireReason(reason: string): string {
  const text = reason.trim();
  if (text.length < 3) throw fieldError('reason', 'required', 'Say why, in a few words; it goes into the audit log.');
  if (text.length > 500) throw fieldError('reason', 'too_long', 'The reason must be at most 500 characters.');
  return text;
}
