import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReputationKind } from './reputation-kinds';
import { ReputationService } from './reputation.service';

export interface VoteChange {
  voterId: string;
  authorId: string;
  target: 'question' | 'answer';
  postId: string;
  /** -1, 0 (none) or 1. */
  before: number;
  after: number;
  /** `originHash` of the voter's address, or null when unknown. */
  origin: string | null;
}

const VOTE_KINDS: Record<VoteChange['target'], ReputationKind[]> = {
  question: ['question.upvoted', 'question.downvoted'],
  answer: ['answer.upvoted', 'answer.downvoted', 'answer.downvoteCast'],
};
const UPVOTE_KINDS: ReputationKind[] = ['question.upvoted', 'answer.upvoted'];

/** Upvoted posts between the same two accounts (either way) within the window that make a ring. */
export const VOTE_RING = { posts: 6, windowHours: 24 };
/** Upvotes either way between two users ($n, $n+1) of the given kinds ($n+2) within the last hours ($n+3). */
const ringFilter = (n: number): string =>
  `((e.actor_id = $${n} AND e.user_id = $${n + 1}) OR (e.actor_id = $${n + 1} AND e.user_id = $${n}))
   AND e.kind = ANY($${n + 2}) AND e.created_at > now() - make_interval(hours => $${n + 3})`;

/** How long an address counts as the author's for spotting sock-puppet votes. */
export const ORIGIN_WINDOW_DAYS = 30;

/** Turns vote changes into ledger entries, and takes back the reputation of rings and sock puppets. */
@Injectable()
export class VoteReputation {
  constructor(private readonly ledger: ReputationService) {}

  async voteChanged(manager: EntityManager, vote: VoteChange): Promise<void> {
    const subject = { subjectType: vote.target, subjectId: vote.postId };
    if (vote.before !== 0) {
      await this.ledger.reverseCausedBy(manager, 'vote.changed', { ...subject, actorId: vote.voterId, kinds: VOTE_KINDS[vote.target] });
    }
    if (vote.after === 1) {
      await this.ledger.record(manager, { ...subject, userId: vote.authorId, kind: `${vote.target}.upvoted`, actorId: vote.voterId });
      await this.takeBackAbuse(manager, vote);
    } else if (vote.after === -1) {
      await this.ledger.record(manager, { ...subject, userId: vote.authorId, kind: `${vote.target}.downvoted`, actorId: vote.voterId });
      if (vote.target === 'answer') {
        await this.ledger.record(manager, { ...subject, userId: vote.voterId, kind: 'answer.downvoteCast', actorId: vote.voterId });
      }
    }
  }

  private async takeBackAbuse(manager: EntityManager, vote: VoteChange): Promise<void> {
    if (vote.origin && (await this.authorUsedOrigin(manager, vote.authorId, vote.origin))) {
      await this.ledger.reverseCausedBy(manager, 'vote.sockPuppet', {
        subjectType: vote.target,
        subjectId: vote.postId,
        actorId: vote.voterId,
        kinds: UPVOTE_KINDS,
      });
    }
    const params = [vote.voterId, vote.authorId, UPVOTE_KINDS, VOTE_RING.windowHours];
    const [ring]: { posts: number }[] = await manager.query(
      `SELECT count(DISTINCT (e.subject_type, e.subject_id))::int AS posts FROM reputation_events e
        WHERE e.reversal_of IS NULL AND ${ringFilter(1)}`,
      params,
    );
    if (ring!.posts >= VOTE_RING.posts) await this.ledger.reverse(manager, 'vote.ring', ringFilter(2), params);
  }

  private async authorUsedOrigin(manager: EntityManager, authorId: string, origin: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM user_origins WHERE user_id = $1 AND ip_hash = $2 AND last_seen_at > now() - make_interval(days => $3)`,
      [authorId, origin, ORIGIN_WINDOW_DAYS],
    );
    return rows.length > 0;
  }
}
