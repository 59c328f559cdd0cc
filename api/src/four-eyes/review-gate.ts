import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { authorize, can, type Actor } from '../identity/policy';
import { StaffFaceService } from '../staff/staff-face.service';

export interface PublishedReply {
  type: 'answer' | 'comment';
  id: string;
  questionId: string;
}

/**
 * The door every public answer and comment passes (a hook on qa's `post.admitting`, see `review-gate.listeners.ts`): staff speak only with a real
 * name and photo, and in spaces with four-eyes review only through an approved draft — or, for staff on the
 * bypass list, directly, which is audited as `draft.bypassed`.
 */
@Injectable()
export class ReviewGate {
  constructor(
    private readonly faces: StaffFaceService,
    private readonly audit: AuditLogService,
  ) {}

  async reviewRequired(manager: EntityManager, spaceId: string): Promise<boolean> {
    const rows: { review_staff_replies: boolean }[] = await manager.query(
      `SELECT review_staff_replies FROM space_review_settings WHERE space_id = $1`,
      [spaceId],
    );
    return rows[0]?.review_staff_replies ?? true;
  }

  async mayBypass(manager: EntityManager, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM review_bypass_grants WHERE user_id = $1`, [userId]);
    return rows.length > 0;
  }

  /** Whether this actor's answers and comments in the space must go through a draft. */
  async needsDraft(manager: EntityManager, actor: Actor | null, spaceId: string): Promise<boolean> {
    if (!actor || can(actor, 'reply.publish', { reviewRequired: true, mayBypass: false })) return false;
    const reviewRequired = await this.reviewRequired(manager, spaceId);
    return reviewRequired && !can(actor, 'reply.publish', { reviewRequired, mayBypass: await this.mayBypass(manager, actor.id) });
  }

  /** Throws FORBIDDEN when the reply may not go out; returns whether it goes out by bypassing review. `reviewed`: an approved draft. */
  async admitReply(manager: EntityManager, actor: Actor, spaceId: string, reviewed: boolean): Promise<boolean> {
    // Members need neither a face nor a review: skip the lookups for them.
    if (!can(actor, 'staff.speakPublicly', { hasRealName: false, hasPhoto: false }))
      authorize(actor, 'staff.speakPublicly', await this.faces.faceOf(manager, actor.id));
    if (reviewed || can(actor, 'reply.publish', { reviewRequired: true, mayBypass: false })) return false;
    const reviewRequired = await this.reviewRequired(manager, spaceId);
    if (!reviewRequired) return false;
    const mayBypass = await this.mayBypass(manager, actor.id);
    authorize(actor, 'reply.publish', { reviewRequired, mayBypass });
    return true;
  }

  /** After the insert, in the same transaction: a reply that bypassed review is audited. */
  async recordBypass(manager: EntityManager, actor: Actor, reply: PublishedReply): Promise<void> {
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'draft.bypassed',
      subjectType: reply.type,
      subjectId: reply.id,
      details: { questionId: reply.questionId },
    });
  }
}
