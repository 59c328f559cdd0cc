import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../platform/config';
import type { Logger } from '../platform/logger';
import { OutboxLoop } from '../platform/outbox/outbox-loop';
import { OutboxPosition, type OutboxEventRow } from '../platform/outbox/outbox-position';
import { authorsOf, deflectionDaysOf, lockRollups, refreshDeflectionDays, refreshMembers, rollUpAppended } from './daily-rollups';
import { refreshEscalationFacts, rollUpEscalationTimeline } from './escalation-facts';
import { refreshQuestionFacts } from './question-facts';

const BATCH = 500;

/** The questions whose self-service facts an event may change: the thread of any post, moderation, acceptance or escalation event. */
export function questionsOf(event: OutboxEventRow): string[] {
  const { questionId, questionIds } = event.payload as { questionId?: unknown; questionIds?: unknown };
  if (Array.isArray(questionIds)) return questionIds.map(String);
  if (typeof questionId === 'string' || typeof questionId === 'number') return [String(questionId)];
  return event.topic.startsWith('question.') ? [event.aggregate_id] : [];
}

/**
 * Keeps `insights_questions`, `insights_escalations` and the daily roll-ups current from the outbox with
 * its own position (consumer `insights`): each batch recomputes the rows of the questions its events
 * touch, the days and spaces they lie in and their authors' posting days. The reputation ledger and
 * the audit log (four-eyes decisions) are append-only: each is rolled up from its own cursor after
 * each drain. Runs where INSIGHTS_WORKER is on.
 */
@Injectable()
export class InsightsRollupWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private loop: OutboxLoop | null = null;
  private readonly position = new OutboxPosition('insights');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.insightsWorker || !this.dataSource.isInitialized) return;
    const url = (this.dataSource.options as { url?: string }).url!;
    this.loop = new OutboxLoop({ name: 'insights roll-up', url, drain: () => this.drain(), logger: this.logger });
    await this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  /** Recomputes the rows of every question the events touch (a private message touches its conversation's question). */
  private async rollUp(manager: EntityManager, events: readonly OutboxEventRow[]): Promise<void> {
    const questionIds = new Set(events.flatMap(questionsOf));
    const conversationIds = events.filter((e) => e.topic === 'conversation.message').map((e) => String(e.payload.conversationId));
    if (conversationIds.length > 0) {
      const rows: { question_id: string }[] = await manager.query(`SELECT question_id FROM conversations WHERE id = ANY($1::bigint[])`, [
        conversationIds,
      ]);
      for (const row of rows) questionIds.add(String(row.question_id));
    }
    await refreshQuestionFacts(manager, [...questionIds]);
    await refreshEscalationFacts(manager, [...questionIds]);
    await refreshMembers(manager, await authorsOf(manager, [...questionIds]));
    await refreshDeflectionDays(manager, await deflectionDaysOf(manager, [...questionIds]));
  }

  /** Processes every pending event now, then the ledger and audit entries written since; resolves with how many events were handled. */
  async drain(): Promise<number> {
    const total = await this.drainOutbox();
    await this.dataSource.transaction(async (manager) => {
      if (await lockRollups(manager, { wait: false })) {
        await rollUpAppended(manager);
        await rollUpEscalationTimeline(manager);
      }
    });
    return total;
  }

  private drainOutbox(): Promise<number> {
    return this.position.drain(this.dataSource, BATCH, async (manager, events) => {
      // While a rebuild runs the batch stays pending and is retried after a pause.
      if (!(await lockRollups(manager, { wait: false }))) throw new Error('the insights roll-ups are being rebuilt');
      await this.rollUp(manager, events);
    });
  }
}
