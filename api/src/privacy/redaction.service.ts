import { Injectable } from '@nestjs/common';
import { renderMarkdown } from '@peerdesk/markdown';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { authorize, type Actor } from '../identity/policy';
import { fieldError, InputCheck, notFound } from '../platform/errors';
import { appendOutbox } from '../platform/outbox/outbox';
import { AnswerEntity } from '../qa/answer.entity';
import { CommentEntity } from '../qa/comment.entity';
import { parseId } from '../platform/ids';
import { QuestionEntity } from '../qa/question.entity';
import { RevisionEntity } from '../qa/revision.entity';
import type { RedactPostInput } from './dto/privacy.inputs';
import { PostRedactionModel } from './models/privacy.models';
import { PostRedactionEntity } from './post-redaction.entity';
import { replaceSpans } from './public-post-guard';

export const REDACTION_MARKER = '[removed]';
const REASON_LIMITS = { min: 5, max: 500 };
const MAX_SPANS = 50;

type Target =
  | { type: 'question'; post: QuestionEntity; questionId: string }
  | { type: 'answer'; post: AnswerEntity; questionId: string }
  | { type: 'comment'; post: CommentEntity; questionId: string };

function toModel(r: PostRedactionEntity): PostRedactionModel {
  return Object.assign(new PostRedactionModel(), {
    id: r.id,
    questionId: r.questionId,
    postType: r.postType,
    postId: r.postId,
    field: r.field,
    originalText: r.originalText,
    redactedText: r.redactedText,
    spans: r.spans,
    reason: r.reason,
    createdAt: r.createdAt,
    moderatorId: r.moderatorId,
  });
}

/** Every occurrence of each text (at least 3 characters, so a stray letter cannot blank a post). */
function spansOf(text: string, needles: readonly string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const needle of needles.map((n) => n.trim()).filter((n) => n.length >= 3)) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length))
      spans.push({ start: at, end: at + needle.length });
  }
  return spans;
}

/** Spans must lie inside the text, be non-empty and not overlap. */
function checkSpans(check: InputCheck, text: string, spans: readonly { start: number; end: number }[]): void {
  if (spans.length === 0 || spans.length > MAX_SPANS) {
    check.add('spans', 'invalid', `Mark between 1 and ${MAX_SPANS} passages to remove.`);
    return;
  }
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let last = 0;
  for (const s of sorted) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < last || s.end <= s.start || s.end > text.length) {
      check.add('spans', 'invalid', 'The marked passages do not fit the current text; reload the post and mark them again.');
      return;
    }
    last = s.end;
  }
}

/** Moderators replace personal data in published posts with "[removed]"; the original stays visible to staff. */
@Injectable()
export class RedactionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  async forQuestion(actor: Actor | null, questionIdInput: string): Promise<PostRedactionModel[]> {
    authorize(actor, 'post.seeRedactions', undefined);
    const questionId = parseId(questionIdInput, 'Question');
    const rows = await this.dataSource.getRepository(PostRedactionEntity).find({ where: { questionId }, order: { createdAt: 'ASC' } });
    return rows.map(toModel);
  }

  async redact(actor: Actor | null, input: RedactPostInput): Promise<PostRedactionModel> {
    authorize(actor, 'post.redact', undefined);
    const targets = [input.questionId, input.answerId, input.commentId].filter(Boolean).length;
    if (targets !== 1) throw fieldError('questionId', 'invalid', 'Redact exactly one question, answer or comment.');
    const field = input.field === 'title' || input.field === 'body' ? input.field : null;
    if (!field || (field === 'title' && !input.questionId))
      throw fieldError('field', 'invalid', 'Redact the title of a question or the body of a post.');
    const check = new InputCheck();
    const reason = check.text('reason', 'Reason', input.reason, REASON_LIMITS);
    return this.dataSource.transaction(async (manager) => {
      const target = await this.loadTarget(manager, input);
      const original = field === 'title' ? (target.post as QuestionEntity).title : target.post.bodyMarkdown;
      const spans = [...input.spans, ...spansOf(original, input.texts ?? [])];
      checkSpans(check, original, spans);
      check.assertValid();
      const redacted = replaceSpans(original, spans, REDACTION_MARKER);
      await this.write(manager, actor, target, field, redacted);
      const redaction = await manager.save(
        manager.create(PostRedactionEntity, {
          questionId: target.questionId,
          postType: target.type,
          postId: target.post.id,
          field,
          originalText: original,
          redactedText: redacted,
          spans: spans.map((s) => ({ start: s.start, end: s.end })),
          reason,
          moderatorId: actor.id,
        }),
      );
      // The audit entry names the spans, never the removed text.
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'post.redacted',
        subjectType: target.type,
        subjectId: target.post.id,
        reason,
        details: { questionId: target.questionId, field, spans: spans.length, redactionId: redaction.id },
      });
      return toModel(redaction);
    });
  }

  private async loadTarget(manager: EntityManager, input: RedactPostInput): Promise<Target> {
    const lock = { mode: 'pessimistic_write' as const };
    if (input.questionId) {
      const post = await manager.findOne(QuestionEntity, { where: { id: parseId(input.questionId, 'Question') }, lock });
      if (!post) throw notFound('Question');
      return { type: 'question', post, questionId: post.id };
    }
    if (input.answerId) {
      const post = await manager.findOne(AnswerEntity, { where: { id: parseId(input.answerId, 'Answer') }, lock });
      if (!post) throw notFound('Answer');
      return { type: 'answer', post, questionId: post.questionId };
    }
    const post = await manager.findOne(CommentEntity, { where: { id: parseId(input.commentId, 'Comment') }, lock });
    if (!post) throw notFound('Comment');
    return { type: 'comment', post, questionId: post.questionId };
  }

  /** The new public text; questions and answers get a revision (so a stale edit cannot bring the data back) and are reindexed. */
  private async write(manager: EntityManager, actor: Actor, target: Target, field: 'title' | 'body', text: string): Promise<void> {
    const body = field === 'body' ? { bodyMarkdown: text, bodyHtml: renderMarkdown(text) } : {};
    if (target.type === 'question') {
      const q = target.post;
      await manager.update(QuestionEntity, { id: q.id }, { ...(field === 'title' ? { title: text } : body), revision: q.revision + 1 });
      await manager.insert(RevisionEntity, {
        questionId: q.id,
        editorId: actor.id,
        title: field === 'title' ? text : q.title,
        bodyMarkdown: field === 'body' ? text : q.bodyMarkdown,
        tags: null,
      });
      await appendOutbox(manager, 'question.edited', q.id, {});
    } else if (target.type === 'answer') {
      await manager.update(AnswerEntity, { id: target.post.id }, { ...body, revision: target.post.revision + 1 });
      await manager.insert(RevisionEntity, { answerId: target.post.id, editorId: actor.id, bodyMarkdown: text });
      await appendOutbox(manager, 'answer.edited', target.post.id, { questionId: target.questionId });
    } else {
      await manager.update(CommentEntity, { id: target.post.id }, body);
      await appendOutbox(manager, 'comment.redacted', target.post.id, { questionId: target.questionId });
    }
  }
}
