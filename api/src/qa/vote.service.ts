import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import type { ModerationState } from './moderation-state';
import { conflict, fieldError, notFound } from '../platform/errors';
import type { VoteInput } from './dto/qa.inputs';
import type { VotePayload } from './models/qa.models';
import { QaEvents } from './qa.events';
import { parseId } from '../platform/ids';

@Injectable()
export class VoteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: QaEvents,
  ) {}

  /** Sets the actor's vote on a post to +1, -1 or none (0); the post's score and the author's reputation move with it. `clientIp` spots sock puppets. */
  async vote(actor: Actor | null, input: VoteInput, clientIp?: string): Promise<VotePayload> {
    if (!input.questionId === !input.answerId) throw fieldError('questionId', 'invalid', 'Vote on either a question or an answer.');
    if (![1, 0, -1].includes(input.value)) throw fieldError('value', 'invalid', 'A vote is 1, -1, or 0 to withdraw it.');
    const table = input.questionId ? 'questions' : 'answers';
    const column = input.questionId ? 'question_id' : 'answer_id';
    const postId = parseId(input.questionId ?? input.answerId, input.questionId ? 'Question' : 'Answer');
    await this.events.emitNow('vote.casting', { actor });

    return this.dataSource.transaction(async (manager) => {
      const posts: { author_id: string; moderation_state: ModerationState; locked: boolean }[] = await manager.query(
        `SELECT p.author_id, p.moderation_state, q.locked_at IS NOT NULL AS locked FROM ${table} p
           JOIN questions q ON q.id = ${input.questionId ? 'p.id' : 'p.question_id'}
          WHERE p.id = $1 FOR UPDATE OF p`,
        [postId],
      );
      const post = posts[0];
      if (!post || post.moderation_state !== 'published') throw notFound(input.questionId ? 'Question' : 'Answer');
      authorize(actor, 'vote.cast', { authorId: post.author_id });
      if (post.locked) throw conflict('This question is locked and takes no votes.');

      const previous: { value: number }[] = await manager.query(`SELECT value FROM votes WHERE user_id = $1 AND ${column} = $2`, [
        actor.id,
        postId,
      ]);
      const before = previous[0]?.value ?? 0;
      if (before === input.value) {
        const [current]: { score: number }[] = await manager.query(`SELECT score FROM ${table} WHERE id = $1`, [postId]);
        return { score: current!.score, viewerVote: before };
      }
      if (input.value === 0) {
        await manager.query(`DELETE FROM votes WHERE user_id = $1 AND ${column} = $2`, [actor.id, postId]);
      } else {
        await manager.query(
          `INSERT INTO votes (user_id, ${column}, value) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, ${column}) WHERE ${column} IS NOT NULL DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
          [actor.id, postId, input.value],
        );
      }
      // For UPDATE, TypeORM answers [rows, affectedCount].
      const [updated]: [{ score: number }[], number] = await manager.query(
        `UPDATE ${table} SET score = score + $2 WHERE id = $1 RETURNING score`,
        [postId, input.value - before],
      );
      await this.events.emit(manager, 'vote.changed', {
        voterId: actor.id,
        authorId: post.author_id,
        target: input.questionId ? 'question' : 'answer',
        postId,
        before,
        after: input.value,
        clientIp,
      });
      return { score: updated[0]!.score, viewerVote: input.value };
    });
  }
}
