import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { authorize, can, type Actor } from '../identity/policy';
import { conflict, fieldError, InputCheck, notFound } from '../platform/errors';
import type { RequestContext } from '../platform/graphql/request-context';
import { parseId } from '../platform/ids';
import type { DismissDraftHintInput } from './dto/draft-hint.inputs';
import { DraftHintDismissalModel } from './models/draft-hint.models';
import type { StaffDraftModel } from './models/review.models';
import { StaffDraftEntity, type DraftState } from './staff-draft.entity';
import { toDraftModel } from './staff-draft.service';

/** The audit action of a dismissal; the audit log is where dismissals live (who, which rule, why, when). */
export const HINT_DISMISSED = 'draft.hint_dismissed';
const REASON_LIMITS = { min: 3, max: 300 };
const OPEN: readonly DraftState[] = ['draft', 'changes_requested'];
const DISMISSALS_BY_DRAFT = Symbol('hint dismissals by draft');

interface DismissalRow {
  subject_id: string;
  actor_id: string | null;
  rule: string;
  reason: string | null;
  created_at: Date;
}

/**
 * Reviewers set aside a guardrail hint they judge wrong ("No personal greeting" on a reply that greets),
 * with a reason. A dismissal covers every finding of that rule on the draft, also after later edits, and
 * is recorded once in the audit log, which is also where the draft reads its dismissals from.
 */
@Injectable()
export class DraftHintService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  async dismiss(actor: Actor | null, input: DismissDraftHintInput): Promise<StaffDraftModel> {
    const id = parseId(input.draftId, 'Draft');
    return this.dataSource.transaction(async (manager) => {
      // The row lock serializes dismissals of one draft, so a repeated or concurrent submit records one entry.
      const draft = await manager.findOne(StaffDraftEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!draft || !can(actor, 'draft.see', draft)) throw notFound('Draft');
      authorize(actor, 'draft.dismissHint', draft);
      const check = new InputCheck();
      const reason = check.text('reason', 'The reason', input.reason, REASON_LIMITS);
      if (reason.includes('\u0000')) check.add('reason', 'invalid_character', 'The reason may not contain the NUL character (\\u0000).');
      check.assertValid();
      const rule = input.rule;
      const [done] = await this.rows(manager, [draft.id], rule);
      if (done) return toDraftModel(draft);
      if (!OPEN.includes(draft.state)) throw conflict(`This draft is already ${draft.state === 'approved' ? 'published' : 'withdrawn'}.`);
      if (!draft.findings.some((f) => f.rule === rule)) throw fieldError('rule', 'invalid', 'This draft has no hint of that rule.');
      await this.audit.record(manager, {
        actorId: actor.id,
        action: HINT_DISMISSED,
        subjectType: 'staff_draft',
        subjectId: draft.id,
        reason,
        details: { rule, questionId: draft.questionId, authorId: draft.authorId, version: draft.version },
      });
      return toDraftModel(draft);
    });
  }

  /** The dismissals of a draft, one per rule; batched per request, so a list of drafts costs one query. */
  dismissals(ctx: RequestContext, draftId: string): Promise<DraftHintDismissalModel[]> {
    return ctx
      .loader(DISMISSALS_BY_DRAFT, () => new DataLoader<string, DraftHintDismissalModel[]>((ids) => this.byDrafts(ids)))
      .load(draftId);
  }

  private async byDrafts(ids: readonly string[]): Promise<DraftHintDismissalModel[][]> {
    const rows = await this.rows(this.dataSource.manager, ids, null);
    return ids.map((id) =>
      rows
        .filter((r) => r.subject_id === id)
        .map((r) =>
          Object.assign(new DraftHintDismissalModel(), {
            rule: r.rule,
            reason: r.reason ?? '',
            dismissedAt: r.created_at,
            draftId: r.subject_id,
            dismissedById: r.actor_id,
          }),
        ),
    );
  }

  /** The first dismissal per draft and rule (a rule is dismissed once). */
  private rows(manager: EntityManager, draftIds: readonly string[], rule: string | null): Promise<DismissalRow[]> {
    return manager.query(
      `SELECT DISTINCT ON (subject_id, details->>'rule') subject_id, actor_id, details->>'rule' AS rule, reason, created_at
         FROM audit_log
        WHERE subject_type = 'staff_draft' AND action = $1 AND subject_id = ANY($2::text[]) AND ($3::text IS NULL OR details->>'rule' = $3)
        ORDER BY subject_id, details->>'rule', created_at, id`,
      [HINT_DISMISSED, draftIds, rule],
    );
  }
}
