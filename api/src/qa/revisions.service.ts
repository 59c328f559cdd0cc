import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { can, type Actor } from '../identity/policy';
import { isId } from '../platform/ids';
import { AnswerEntity } from './answer.entity';
import type { PostHistoryModel, PostRevisionModel } from './models/revision.models';
import { slugify } from './qa.rules';
import { QuestionEntity } from './question.entity';
import { wordDiff } from './revision-diff';
import { isVisible } from './visibility';

/** A history page shows at most this many versions (newest first); a post edited more often says how many are left out. */
export const MAX_REVISIONS = 100;

interface RevisionRow {
  editor_id: string;
  title: string | null;
  body_markdown: string;
  tags: string[] | null;
  created_at: Date;
}

/**
 * The versions of a question or an answer (`post_revisions`, written by every create, edit and
 * redaction in its transaction), each compared with the one before. Whoever may see the post may
 * see its history; hidden and held posts' histories are as hidden as the posts.
 *
 * Redacted personal data must not come back through the history: the versions from before the
 * latest redaction of a post still hold it, so only staff (who see the originals anyway,
 * `post.seeRedactions`) get them. Everyone else sees the history from the redaction on.
 */
@Injectable()
export class RevisionService {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the post does not exist or the viewer may not see it (nor its question). */
  async history(viewer: Actor | null, questionId: string, answerId: string | null): Promise<PostHistoryModel | null> {
    if (!isId(questionId) || (answerId !== null && !isId(answerId))) return null;
    const question = await this.dataSource.getRepository(QuestionEntity).findOneBy({ id: questionId });
    if (!question || !isVisible(viewer, question)) return null;
    if (answerId !== null) {
      const answer = await this.dataSource.getRepository(AnswerEntity).findOneBy({ id: answerId, questionId });
      if (!answer || !isVisible(viewer, answer)) return null;
    }
    const postType = answerId === null ? 'question' : 'answer';
    const postId = answerId ?? questionId;
    const rows: RevisionRow[] = await this.dataSource.query(
      `SELECT editor_id, title, body_markdown, tags, created_at FROM post_revisions WHERE ${postType}_id = $1 ORDER BY created_at, id`,
      [postId],
    );
    const firstShown = can(viewer, 'post.seeRedactions', undefined) ? 0 : await this.firstAfterRedaction(postType, postId, rows);
    const revisions = this.compare(rows, postType === 'question', firstShown);
    const shown = revisions.reverse().slice(0, MAX_REVISIONS);
    return {
      questionId,
      answerId,
      questionTitle: question.title,
      questionSlug: slugify(question.title),
      revisions: shown,
      withheldCount: firstShown,
      omittedCount: revisions.length - shown.length,
    };
  }

  /**
   * Index of the first version written by or after the latest redaction. The redaction and its
   * version share a transaction, hence `now()`; the redaction keeps it to the millisecond.
   */
  private async firstAfterRedaction(postType: 'question' | 'answer', postId: string, rows: RevisionRow[]): Promise<number> {
    const [latest]: { at: Date | null }[] = await this.dataSource.query(
      `SELECT max(created_at) - interval '1 millisecond' AS at FROM post_redactions WHERE post_type = $1 AND post_id = $2`,
      [postType, postId],
    );
    if (!latest?.at) return 0;
    const index = rows.findIndex((r) => r.created_at >= latest.at!);
    return index < 0 ? rows.length : index;
  }

  /** Each version from `first` on against the one before it; the first one shown stands alone. */
  private compare(rows: RevisionRow[], isQuestion: boolean, first: number): PostRevisionModel[] {
    const result: PostRevisionModel[] = [];
    let tags: string[] = [];
    rows.forEach((row, i) => {
      const before = i > first ? rows[i - 1]! : null;
      const beforeTags = tags;
      // A redaction's version does not repeat the tags: they stay as they were.
      tags = row.tags ?? tags;
      if (i < first) return;
      result.push({
        number: i + 1,
        createdAt: row.created_at,
        editorId: row.editor_id,
        titleDiff: isQuestion ? wordDiff(before ? (before.title ?? '') : null, row.title ?? '') : null,
        bodyDiff: wordDiff(before ? before.body_markdown : null, row.body_markdown),
        tags: isQuestion ? tags : null,
        tagsAdded: before ? tags.filter((t) => !beforeTags.includes(t)) : [],
        tagsRemoved: before ? beforeTags.filter((t) => !tags.includes(t)) : [],
      });
    });
    return result;
  }
}
