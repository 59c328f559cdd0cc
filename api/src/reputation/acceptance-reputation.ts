import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReputationKind } from './reputation-kinds';
import { ReputationService } from './reputation.service';

export interface AcceptanceMove {
  askerId: string;
  /** Who accepted: the asker, or a moderator on the asker's behalf. */
  actorId: string;
  answer: { id: string; authorId: string };
  /** The answer that was accepted before, if any. */
  previousAnswerId: string | null;
}

const ACCEPT_KINDS: ReputationKind[] = ['answer.accepted', 'answer.acceptGiven'];

/** Moves the reputation of an acceptance with the mark: the old answer's is reversed, the new one earns it. */
@Injectable()
export class AcceptanceReputation {
  constructor(private readonly ledger: ReputationService) {}

  async acceptanceMoved(manager: EntityManager, move: AcceptanceMove): Promise<void> {
    if (move.previousAnswerId) {
      await this.ledger.reverse(manager, 'answer.unaccepted', `e.subject_type = 'answer' AND e.subject_id = $2 AND e.kind = ANY($3)`, [
        move.previousAnswerId,
        ACCEPT_KINDS,
      ]);
    }
    // Accepting one's own answer earns nothing (as on Stack Overflow), but still counts as solved.
    if (move.answer.authorId === move.askerId) return;
    const subject = { subjectType: 'answer' as const, subjectId: move.answer.id, actorId: move.actorId };
    await this.ledger.record(manager, { ...subject, userId: move.answer.authorId, kind: 'answer.accepted' });
    await this.ledger.record(manager, { ...subject, userId: move.askerId, kind: 'answer.acceptGiven' });
  }
}
