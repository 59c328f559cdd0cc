import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { authorize, can, type Actor } from '../identity/policy';
import { fieldError, InputCheck, notFound } from '../platform/errors';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../platform/pagination';
import { parseId } from '../platform/ids';
import { SpaceEntity } from '../qa/space.entity';
import type { GrantReviewBypassInput, SetSpaceReviewInput } from './dto/review.inputs';
import { ReviewBypassConnection, ReviewBypassGrantModel, ReviewBypassModel, SpaceReviewSettingModel } from './models/review.models';
import { ReviewBypassGrantEntity, SpaceReviewSettingEntity } from './review-settings.entity';

const REASON_LIMITS = { min: 5, max: 500 };

/** Admin settings of four-eyes review: per-space switch, the bypass list, and the report of bypasses. */
@Injectable()
export class ReviewSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  async spaces(actor: Actor | null): Promise<SpaceReviewSettingModel[]> {
    authorize(actor, 'review.configure', undefined);
    const rows: { id: string; slug: string; name: string; review: boolean | null }[] = await this.dataSource.query(
      `SELECT s.id, s.slug, s.name, r.review_staff_replies AS review
         FROM spaces s LEFT JOIN space_review_settings r ON r.space_id = s.id ORDER BY s.name`,
    );
    return rows.map((r) => toSetting(r.id, r.slug, r.name, r.review ?? true));
  }

  async setSpace(actor: Actor | null, input: SetSpaceReviewInput): Promise<SpaceReviewSettingModel> {
    authorize(actor, 'review.configure', undefined);
    const space = await this.dataSource.getRepository(SpaceEntity).findOneBy({ slug: input.spaceSlug.trim() });
    if (!space) throw fieldError('spaceSlug', 'unknown', 'Choose one of the spaces.');
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(
        SpaceReviewSettingEntity,
        { spaceId: space.id, reviewStaffReplies: input.reviewStaffReplies, updatedById: actor.id },
        ['spaceId'],
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: input.reviewStaffReplies ? 'review.enabled' : 'review.disabled',
        subjectType: 'space',
        subjectId: space.id,
      });
    });
    return toSetting(space.id, space.slug, space.name, input.reviewStaffReplies);
  }

  async grants(actor: Actor | null): Promise<ReviewBypassGrantModel[]> {
    authorize(actor, 'review.configure', undefined);
    const rows = await this.dataSource.getRepository(ReviewBypassGrantEntity).find({ order: { createdAt: 'DESC' } });
    return rows.map((g) =>
      Object.assign(new ReviewBypassGrantModel(), {
        reason: g.reason,
        createdAt: g.createdAt,
        userId: g.userId,
        grantedById: g.grantedById,
      }),
    );
  }

  async grant(actor: Actor | null, input: GrantReviewBypassInput): Promise<ReviewBypassGrantModel[]> {
    authorize(actor, 'review.configure', undefined);
    const userId = parseId(input.userId, 'User');
    const check = new InputCheck();
    const reason = check.text('reason', 'Reason', input.reason, REASON_LIMITS);
    check.assertValid();
    const rows: { id: string; role: Actor['role']; trust_level: number }[] = await this.dataSource.query(
      `SELECT id, role, trust_level FROM users WHERE id = $1`,
      [userId],
    );
    const user = rows[0];
    if (!user) throw notFound('User');
    // Only people who write drafts can skip them.
    if (!can({ id: user.id, role: user.role, trustLevel: user.trust_level }, 'draft.write', undefined))
      throw fieldError('userId', 'not_staff', 'Only staff members can be allowed to publish without review.');
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(ReviewBypassGrantEntity, { userId, grantedById: actor.id, reason }, ['userId']);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'review.bypass_granted',
        subjectType: 'user',
        subjectId: userId,
        reason,
      });
    });
    return this.grants(actor);
  }

  async revoke(actor: Actor | null, userIdInput: string): Promise<ReviewBypassGrantModel[]> {
    authorize(actor, 'review.configure', undefined);
    const userId = parseId(userIdInput, 'User');
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(ReviewBypassGrantEntity, { userId });
      if (!result.affected) throw notFound('Bypass grant');
      await this.audit.record(manager, { actorId: actor.id, action: 'review.bypass_revoked', subjectType: 'user', subjectId: userId });
    });
    return this.grants(actor);
  }

  /** Every reply published without review, newest first (read from the audit log, where each one is recorded). */
  async bypasses(actor: Actor | null, first: number | null | undefined, after: string | null | undefined): Promise<ReviewBypassConnection> {
    authorize(actor, 'review.configure', undefined);
    const size = pageSize(first, 50);
    const cursor = decodeCursor(after, 2);
    const rows: {
      id: string;
      actor_id: string | null;
      subject_type: string;
      subject_id: string;
      question_id: string | null;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT id, actor_id, subject_type, subject_id, details->>'questionId' AS question_id, created_at FROM audit_log
          WHERE action = 'draft.bypassed' AND ($1::timestamptz IS NULL OR (created_at, id) < ($1, $2::bigint))
          ORDER BY created_at DESC, id DESC LIMIT $3`,
      [cursor?.[0] ?? null, cursor?.[1] ?? null, size + 1],
    );
    const page = toPage(rows, size);
    const edges = page.nodes.map((r) => ({
      cursor: encodeCursor([r.created_at.toISOString(), r.id]),
      node: Object.assign(new ReviewBypassModel(), {
        id: r.id,
        postType: r.subject_type,
        postId: r.subject_id,
        questionId: r.question_id,
        createdAt: r.created_at,
        actorId: r.actor_id,
      }),
    }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

function toSetting(spaceId: string, spaceSlug: string, spaceName: string, reviewStaffReplies: boolean): SpaceReviewSettingModel {
  return Object.assign(new SpaceReviewSettingModel(), { spaceId, spaceSlug, spaceName, reviewStaffReplies });
}
