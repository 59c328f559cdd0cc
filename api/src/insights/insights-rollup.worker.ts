import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config';
import type { Logger } from '../platform/logger';
import { OutboxLoop } from '../platform/outbox/outbox-loop';
import { OutboxPosition, type OutboxEventRow } from '../platform/outbox/outbox-position';
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
 * Keeps `insights_questions` current from the outbox with its own position (consumer `insights`): each
 * batch recomputes the rows of the questions its events touch. Runs where the monitoring roll-up runs
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

  /** Processes every pending event now; resolves with how many were handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.dataSource.transaction(async (manager) => {
        const events = await this.position.pending(manager, BATCH);
        if (!events) return 0;
        await refreshQuestionFacts(manager, [...new Set(events.flatMap(questionsOf))]);
        await this.position.consumed(manager, events);
        if (events.length < BATCH) await this.position.settle(manager);
        return events.length;
      });
      total += handled;
      if (handled < BATCH) return total;
    }
  }
}
