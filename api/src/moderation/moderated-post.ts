import type { EntityManager } from 'typeorm';
import { notFound } from '../platform/errors';
import { appendOutbox } from '../platform/outbox/outbox';
import { answerPublished, answerWithdrawn } from '../qa/question-state';
import type { ModerationState, PostType } from '../qa/moderation-state';

/** What moderation needs to know about any post, whatever its type. */
export interface ModeratedPost {
  postType: PostType;
  postId: string;
  questionId: string;
  authorId: string;
  moderationState: ModerationState;
  /** Questions and answers carry a revision (optimistic edit lock); comments do not. */
  revision: number | null;
  bodyMarkdown: string;
  title: string | null;
}

const TABLE: Record<PostType, string> = { question: 'questions', answer: 'answers', comment: 'comments' };
const LABEL: Record<PostType, string> = { question: 'Question', answer: 'Answer', comment: 'Comment' };

/** Loads a post and locks its row for the rest of the transaction. */
export async function lockPost(manager: EntityManager, postType: PostType, postId: string): Promise<ModeratedPost> {
  const questionColumn = postType === 'question' ? 'id' : 'question_id';
  const rows: {
    question_id: string;
    author_id: string;
    moderation_state: ModerationState;
    revision: number | null;
    body_markdown: string;
    title: string | null;
  }[] = await manager.query(
    `SELECT ${questionColumn} AS question_id, author_id, moderation_state, ${postType === 'comment' ? 'NULL::int' : 'revision'} AS revision,
            body_markdown, ${postType === 'question' ? 'title' : 'NULL::text'} AS title
       FROM ${TABLE[postType]} WHERE id = $1 FOR UPDATE`,
    [postId],
  );
  const row = rows[0];
  if (!row) throw notFound(LABEL[postType]);
  return {
    postType,
    postId,
    questionId: row.question_id,
    authorId: row.author_id,
    moderationState: row.moderation_state,
    revision: row.revision,
    bodyMarkdown: row.body_markdown,
    title: row.title,
  };
}

/**
 * Moves a post to another moderation state and keeps what depends on it consistent (through qa's
 * `question-state.ts`: a question's answer count and status count published answers only, an accepted
 * answer that leaves the public thread is no longer accepted), and the search index hears about it through the outbox.
 */
export async function setPostState(manager: EntityManager, post: ModeratedPost, to: ModerationState): Promise<void> {
  const from = post.moderationState;
  if (from === to) return;
  await manager.query(`UPDATE ${TABLE[post.postType]} SET moderation_state = $2 WHERE id = $1`, [post.postId, to]);
  if (post.postType === 'answer' && (from === 'published') !== (to === 'published')) {
    if (to === 'published') await answerPublished(manager, post.questionId);
    else await answerWithdrawn(manager, post.questionId, post.postId);
  }
  post.moderationState = to;
  await appendOutbox(manager, 'post.moderated', post.postId, { postType: post.postType, questionId: post.questionId, from, to });
}
