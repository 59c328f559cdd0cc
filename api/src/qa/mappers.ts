import type { AnswerEntity } from './answer.entity';
import type { CommentEntity } from './comment.entity';
import { AnswerModel, CommentModel, QuestionModel } from './models/qa.models';
import { slugify } from './qa.rules';
import type { QuestionEntity } from './question.entity';

export function toQuestionModel(q: QuestionEntity): QuestionModel {
  return Object.assign(new QuestionModel(), {
    id: q.id,
    slug: slugify(q.title),
    title: q.title,
    bodyMarkdown: q.bodyMarkdown,
    bodyHtml: q.bodyHtml,
    status: q.status,
    score: q.score,
    answerCount: q.answerCount,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    editedAt: q.editedAt,
    lastActivityAt: q.lastActivityAt,
    solvedAt: q.solvedAt,
    closedReason: q.closedReason,
    viewCount: q.viewCount,
    moderationState: q.moderationState,
    revision: q.revision,
    closedNote: q.closedNote,
    lockedAt: q.lockedAt,
    lockedReason: q.lockedReason,
    language: q.language,
    source: q.sourceName ? { name: q.sourceName, url: q.sourceUrl, license: q.sourceLicense } : null,
    duplicateOfId: q.duplicateOfId,
    authorId: q.authorId,
    spaceId: q.spaceId,
    acceptedAnswerId: q.acceptedAnswerId,
  });
}

export function toAnswerModel(a: AnswerEntity, question: Pick<QuestionEntity, 'authorId' | 'acceptedAnswerId' | 'lockedAt'>): AnswerModel {
  return Object.assign(new AnswerModel(), {
    id: a.id,
    bodyMarkdown: a.bodyMarkdown,
    bodyHtml: a.bodyHtml,
    score: a.score,
    isAccepted: question.acceptedAnswerId === a.id,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    editedAt: a.editedAt,
    moderationState: a.moderationState,
    revision: a.revision,
    verifiedAt: a.verifiedAt,
    verifiedById: a.verifiedById,
    reviewedById: a.reviewedById,
    questionId: a.questionId,
    authorId: a.authorId,
    questionAuthorId: question.authorId,
    questionLocked: question.lockedAt !== null,
  });
}

export function toCommentModel(
  c: Pick<CommentEntity, 'id' | 'bodyHtml' | 'createdAt' | 'authorId' | 'questionId' | 'answerId' | 'moderationState' | 'reviewedById'>,
): CommentModel {
  return Object.assign(new CommentModel(), {
    id: c.id,
    questionId: c.questionId,
    bodyHtml: c.bodyHtml,
    createdAt: c.createdAt,
    moderationState: c.moderationState,
    authorId: c.authorId,
    answerId: c.answerId,
    reviewedById: c.reviewedById,
  });
}
