import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { isVisible } from './visibility';
import type { RequestContext } from '../platform/graphql/request-context';
import { AnswerEntity } from './answer.entity';
import { CommentEntity } from './comment.entity';
import { toAnswerModel, toCommentModel } from './mappers';
import type { AnswerModel, CommentModel, SpaceModel, TagModel } from './models/qa.models';
import { QuestionEntity } from './question.entity';

const SPACES = Symbol('spacesById');
const SPACE_COUNTS = Symbol('spaceCounts');
const TAGS = Symbol('tagsByQuestion');
const COMMENTS = Symbol('commentsByQuestion');
const VOTES = Symbol('viewerVotesByQuestion');
const ANSWERS = Symbol('answersById');
const TAG_COUNTS = Symbol('tagQuestionCounts');

type CommentRow = Pick<
  CommentEntity,
  'id' | 'questionId' | 'answerId' | 'authorId' | 'bodyHtml' | 'createdAt' | 'moderationState' | 'reviewedById'
>;

export interface SpaceCounts {
  questions: number;
  solved: number;
}

/** The viewer's votes in one thread, keyed `q:<id>` or `a:<id>`. */
export type ThreadVotes = Map<string, number>;

/**
 * Per-request batch loaders for everything hanging off questions, so a thread page or a list of
 * questions costs a fixed number of queries whatever its size.
 */
@Injectable()
export class ThreadLoaders {
  constructor(private readonly dataSource: DataSource) {}

  space(ctx: RequestContext, id: string): Promise<SpaceModel | null> {
    return ctx
      .loader(
        SPACES,
        () =>
          new DataLoader<string, SpaceModel | null>(async (ids) => {
            const spaces: SpaceModel[] = await this.dataSource.query(
              `SELECT id, slug, name, description FROM spaces WHERE id = ANY($1::bigint[])`,
              [ids],
            );
            return ids.map((id) => spaces.find((s) => String(s.id) === id) ?? null);
          }),
      )
      .load(id);
  }

  spaceCounts(ctx: RequestContext, spaceId: string): Promise<SpaceCounts> {
    return ctx
      .loader(
        SPACE_COUNTS,
        () =>
          new DataLoader<string, SpaceCounts>(async (ids) => {
            const rows: { space_id: string; questions: number; solved: number }[] = await this.dataSource.query(
              `SELECT space_id, count(*)::int AS questions, count(*) FILTER (WHERE status = 'solved')::int AS solved
             FROM questions WHERE space_id = ANY($1) AND moderation_state = 'published' GROUP BY space_id`,
              [ids],
            );
            return ids.map((id) => {
              const row = rows.find((r) => r.space_id === id);
              return { questions: row?.questions ?? 0, solved: row?.solved ?? 0 };
            });
          }),
      )
      .load(spaceId);
  }

  tagQuestionCount(ctx: RequestContext, tagId: string): Promise<number> {
    return ctx
      .loader(
        TAG_COUNTS,
        () =>
          new DataLoader<string, number>(async (ids) => {
            const rows: { tag_id: string; count: number }[] = await this.dataSource.query(
              `SELECT qt.tag_id, count(*)::int AS count FROM question_tags qt JOIN questions q ON q.id = qt.question_id
                WHERE qt.tag_id = ANY($1) AND q.moderation_state = 'published' GROUP BY qt.tag_id`,
              [ids],
            );
            return ids.map((id) => rows.find((r) => r.tag_id === id)?.count ?? 0);
          }),
      )
      .load(tagId);
  }

  tags(ctx: RequestContext, questionId: string): Promise<TagModel[]> {
    return ctx
      .loader(
        TAGS,
        () =>
          new DataLoader<string, TagModel[]>(async (ids) => {
            const rows: { question_id: string; id: string; slug: string }[] = await this.dataSource.query(
              `SELECT qt.question_id, t.id, t.slug FROM question_tags qt JOIN tags t ON t.id = qt.tag_id
            WHERE qt.question_id = ANY($1) ORDER BY t.slug`,
              [ids],
            );
            return ids.map((id) => rows.filter((r) => r.question_id === id).map(({ id: tagId, slug }) => ({ id: tagId, slug })));
          }),
      )
      .load(questionId);
  }

  /** The comments of a thread the viewer may see, oldest first; callers pick the question's or an answer's. */
  comments(ctx: RequestContext, questionId: string): Promise<CommentModel[]> {
    return ctx
      .loader(
        COMMENTS,
        () =>
          new DataLoader<string, CommentModel[]>(async (ids) => {
            const rows: CommentRow[] = await this.dataSource.query(
              `SELECT id, question_id AS "questionId", answer_id AS "answerId", author_id AS "authorId", body_html AS "bodyHtml",
                      created_at AS "createdAt", moderation_state AS "moderationState", reviewed_by_id AS "reviewedById"
                 FROM comments WHERE question_id = ANY($1::bigint[]) ORDER BY created_at, id`,
              [ids],
            );
            return ids.map((id) => rows.filter((c) => c.questionId === id && isVisible(ctx.actor, c)).map(toCommentModel));
          }),
      )
      .load(questionId);
  }

  async viewerVote(ctx: RequestContext, questionId: string, target: 'q' | 'a', postId: string): Promise<number> {
    const actor = ctx.actor;
    if (!actor) return 0;
    const votes = await ctx
      .loader(
        VOTES,
        () =>
          new DataLoader<string, ThreadVotes>(async (ids) => {
            const rows: { question_id: string; answer_id: string | null; thread_id: string; value: number }[] = await this.dataSource.query(
              `SELECT v.question_id, v.answer_id, coalesce(v.question_id, a.question_id) AS thread_id, v.value
             FROM votes v LEFT JOIN answers a ON a.id = v.answer_id
            WHERE v.user_id = $1 AND (v.question_id = ANY($2) OR a.question_id = ANY($2))`,
              [actor.id, ids],
            );
            return ids.map((id) => {
              const map: ThreadVotes = new Map();
              for (const r of rows) if (r.thread_id === id) map.set(r.answer_id ? `a:${r.answer_id}` : `q:${r.question_id}`, r.value);
              return map;
            });
          }),
      )
      .load(questionId);
    return votes.get(`${target}:${postId}`) ?? 0;
  }

  answer(ctx: RequestContext, id: string): Promise<AnswerModel | null> {
    return ctx
      .loader(
        ANSWERS,
        () =>
          new DataLoader<string, AnswerModel | null>(async (ids) => {
            const rows = await this.dataSource
              .getRepository(AnswerEntity)
              .createQueryBuilder('a')
              .innerJoinAndMapOne('a.question', QuestionEntity, 'q', 'q.id = a.questionId')
              .where('a.id IN (:...ids)', { ids })
              .getMany();
            return ids.map((id) => {
              const row = rows.find((a) => a.id === id) as (AnswerEntity & { question: QuestionEntity }) | undefined;
              return row ? toAnswerModel(row, row.question) : null;
            });
          }),
      )
      .load(id);
  }
}
