import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../platform/config';
import type { Logger } from '../platform/logger';
import { OutboxLoop } from '../platform/outbox/outbox-loop';
import { OutboxPosition, type OutboxEventRow } from '../platform/outbox/outbox-position';
import { refreshEscalationFacts } from './escalation-facts';
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
 * Keeps `insights_questions` and `insights_escalations` current from the outbox with its own position
 * (consumer `insights`): each batch recomputes the rows of the questions its events touch. Runs where the monitoring roll-up runs
 * (MONITORING_WORKER), as both are reporting roll-ups.
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
    if (!this.config.monitoringWorker || !this.dataSource.isInitialized) return;
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
  }

  /** Processes every pending event now; resolves with how many were handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.dataSource.transaction(async (manager) => {
        const events = await this.position.pending(manager, BATCH);
        if (!events) return 0;
        await this.rollUp(manager, events);
        await this.position.consumed(manager, events);
        if (events.length < BATCH) await this.position.settle(manager);
        return events.length;
      });
      total += handled;
      if (handled < BATCH) return total;
    }
  }
}
