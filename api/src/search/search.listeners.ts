import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HOOK_ORDER, QaEvents } from '../qa/qa.events';

/**
 * Search hears of new questions in their transaction: a search that ended in asking is no longer a
 * deflection. (The index itself follows the outbox: `search-indexer.ts`.)
 */
@Injectable()
export class SearchListeners implements OnModuleInit {
  constructor(private readonly events: QaEvents) {}

  onModuleInit(): void {
    this.events.hook(
      'question.created',
      'search',
      async (tx, e) => {
        if (e.askSession) await tx.query(`UPDATE deflection_events SET asked = true WHERE ask_session = $1`, [e.askSession]);
      },
      HOOK_ORDER.search,
    );
  }
}
