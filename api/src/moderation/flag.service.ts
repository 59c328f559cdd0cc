import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { EscalationService } from '../escalation/escalation.service';
import { authorize, hasPrivilege, type Actor } from '../identity/policy';
import { conflict, fieldError, notFound } from '../platform/errors';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { assertActivityRate } from '../reputation/activity-limits';
import { parseId } from '../platform/ids';
import type { FlagPostInput } from './dto/moderation.inputs';
import { FLAG_REASONS } from './flag.entity';
import type { PostType } from '../qa/moderation-state';
import { lockPost, setPostState } from './moderated-post';
import type { FlagModel } from './models/moderation.models';
import { ReviewQueue } from './review-queue';
import { isVisible } from '../qa/visibility';
import { appendOutbox } from '../platform/outbox/outbox';

/** Flags from members with `post.flagToHide` that hide a post until a moderator decides. */
export const FLAGS_TO_HIDE = 3;
/** Open flags anywhere in a thread that make it an escalation (a "needs staff" flag does at once). */
export const FLAGS_TO_ESCALATE = 2;
const MAX_NOTE = 500;

@Injectable()
export class FlagService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviewQueue: ReviewQueue,
    private readonly audit: AuditLogService,
    private readonly rateLimits: RateLimitService,
    private readonly escalations: EscalationService,
  ) {}

  async flag(actor: Actor | null, input: FlagPostInput): Promise<FlagModel> {
    const target = flagTarget(input);
    if (!FLAG_REASONS.includes(input.reason)) throw fieldError('reason', 'invalid', 'Choose one of the reasons.');
    const note = input.note?.trim() || null;
    if (note && note.length > MAX_NOTE) throw fieldError('note', 'too_long', `The note must be at most ${MAX_NOTE} characters.`);

    return this.dataSource.transaction(async (manager) => {
      const post = await lockPost(manager, target.postType, target.postId);
      if (!isVisible(actor, post)) throw notFound(label(target.postType));
      authorize(actor, 'post.flag', post);
      await assertActivityRate(this.rateLimits, actor, 'flag');
      const inserted: { id: string; created_at: Date }[] = await manager.query(
        `INSERT INTO flags (user_id, post_type, post_id, question_id, reason, note, counts_to_hide) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (user_id, post_type, post_id) DO NOTHING RETURNING id, created_at`,
        [actor.id, post.postType, post.postId, post.questionId, input.reason, note, hasPrivilege(actor, 'post.flagToHide')],
      );
      const flag = inserted[0];
      if (!flag) throw conflict('You have already flagged this post.');
      await appendOutbox(manager, 'post.flagged', String(flag.id), {
        postType: post.postType,
        postId: post.postId,
        questionId: post.questionId,
        reason: input.reason,
      });

      const itemId = await this.reviewQueue.enqueue(manager, post, 'flagged');
      // A thread that is getting flagged needs the company: at once when someone asks for staff, else at the second open flag.
      const [thread]: { open: number }[] = await manager.query(
        `SELECT count(*)::int AS open FROM flags WHERE question_id = $1 AND state = 'open'`,
        [post.questionId],
      );
      if (input.reason === 'needs_staff' || thread!.open >= FLAGS_TO_ESCALATE) {
        const detail =
          input.reason === 'needs_staff'
            ? (note ?? `A member asks for staff on this ${post.postType}.`)
            : `${thread!.open} open flags on this thread.`;
        await this.escalations.escalateByRule(manager, post.questionId, 'flagged', detail);
      }
      await manager.query(`UPDATE flags SET review_item_id = $2 WHERE id = $1`, [flag.id, itemId]);

      const [counted]: { weight: number }[] = await manager.query(
        `SELECT count(*)::int AS weight FROM flags WHERE post_type = $1 AND post_id = $2 AND state = 'open' AND counts_to_hide`,
        [post.postType, post.postId],
      );
      const weight = counted!.weight;
      if (weight >= FLAGS_TO_HIDE && post.moderationState === 'published') {
        await setPostState(manager, post, 'hidden');
        await this.reviewQueue.enqueue(manager, post, 'community_hidden');
        await this.audit.record(manager, {
          actorId: null,
          action: 'post.hidden',
          subjectType: post.postType,
          subjectId: post.postId,
          reason: `Hidden by ${weight} community flags, pending review.`,
          details: { questionId: post.questionId, reviewItemId: itemId },
        });
      }
      return { id: flag.id, reason: input.reason, note, state: 'open', createdAt: flag.created_at, userId: actor.id };
    });
  }
}

function flagTarget(input: FlagPostInput): { postType: PostType; postId: string } {
  const given = [input.questionId, input.answerId, input.commentId].filter((id) => id !== null && id !== undefined);
  if (given.length !== 1) throw fieldError('questionId', 'invalid', 'Flag exactly one question, answer or comment.');
  if (input.questionId) return { postType: 'question', postId: parseId(input.questionId, 'Question') };
  if (input.answerId) return { postType: 'answer', postId: parseId(input.answerId, 'Answer') };
  return { postType: 'comment', postId: parseId(input.commentId, 'Comment') };
}

const label = (postType: PostType): string => ({ question: 'Question', answer: 'Answer', comment: 'Comment' })[postType];
