import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../platform/config';
import type { Logger } from '../platform/logger';
import { OutboxLoop } from '../platform/outbox/outbox-loop';
import type { OutboxMessage } from '../platform/outbox/outbox';
import { INDEXING_TIMEOUT, SEARCH_INDEX, type SearchIndex } from './search-index';
import { loadSearchDocuments } from './search-documents';

declare module '../platform/outbox/outbox' {
  interface OutboxTopics {
    /** Threads whose documents were built by an older version of the index (written by search migrations). */
    'search.stale': { questionIds: string[] };
  }
}

/** An outbox row; the topic names the payload's shape (topics are declared by the domains that write them). */
type OutboxRow = OutboxMessage & { id: string };

const BATCH = 200;
/** Threads loaded and written per step: an import announces thousands in one event. */
const THREADS_PER_STEP = 200;
/** Steps written at once. */
const WRITERS = 2;
/** Fewer threads than this are written in one step. */
const MIN_SPLIT = 16;

/** Cuts the threads into steps of at most THREADS_PER_STEP, into at least WRITERS steps when there are enough. */
export function splitSteps(ids: string[]): string[][] {
  if (ids.length === 0) return [];
  const size = ids.length < MIN_SPLIT ? ids.length : Math.min(THREADS_PER_STEP, Math.ceil(ids.length / WRITERS));
  const steps: string[][] = [];
  for (let from = 0; from < ids.length; from += size) steps.push(ids.slice(from, from + size));
  return steps;
}

/** Which threads an outbox event changes in the index (comments and answer votes change nothing searchable). */
export function questionsTouchedBy(event: OutboxMessage): string[] {
  switch (event.topic) {
    case 'question.created':
    case 'question.edited':
    case 'question.closed':
      return [event.aggregate_id];
    case 'answer.created':
    case 'answer.edited':
    case 'answer.accepted':
    case 'answer.verified':
    case 'post.moderated':
      return event.payload.questionId ? [event.payload.questionId] : [];
    case 'vote.changed':
      return event.payload.target === 'questions' ? [event.aggregate_id] : [];
    case 'questions.imported':
    case 'search.stale':
      return event.payload.questionIds ?? [];
    default:
      return [];
  }
}

/**
 * The questions plus the originals they are duplicates of, now or when last indexed: an original's
 * document carries its duplicates' titles, so it changes when one is closed as its duplicate, reopened,
 * re-pointed, edited or deleted.
 */
export async function withOriginals(manager: EntityManager, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return ids;
  const rows: { id: string }[] = await manager.query(
    `SELECT duplicate_of_id::text AS id FROM questions WHERE id = ANY($1::bigint[]) AND duplicate_of_id IS NOT NULL
     UNION SELECT duplicate_of_id::text FROM search_documents WHERE question_id = ANY($1::bigint[]) AND duplicate_of_id IS NOT NULL`,
    [ids],
  );
  return [...new Set([...ids, ...rows.map((r) => r.id)])];
}

/**
 * Keeps the search index in step with the database by consuming outbox events: woken by NOTIFY
 * right after a commit, polling as a fallback. If the engine is down, events stay pending and are
 * retried with backoff, so the index catches up and nothing is lost. Several api processes share
 * the work through `FOR UPDATE SKIP LOCKED`.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private loop: OutboxLoop | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly config: AppConfig,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.searchWorker || !this.dataSource.isInitialized) return;
    const url = (this.dataSource.options as { url?: string }).url!;
    this.loop = new OutboxLoop({ name: 'search indexing', url, drain: () => this.drain(), logger: this.logger });
    await this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  /** Processes every pending event now; resolves with how many were handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.processBatch();
      total += handled;
      if (handled < BATCH) return total;
    }
  }

  private processBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Background work: a busy machine must not make a batch time out under the limit that bounds
      // requests, or it would be retried forever (the index's own writes say the same).
      await manager.query(`SET LOCAL statement_timeout = '${INDEXING_TIMEOUT}'`);
      const events: OutboxRow[] = await manager.query(
        `SELECT id, topic, aggregate_id, payload FROM outbox_events WHERE processed_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (events.length === 0) return 0;
      const ids = await withOriginals(manager, [...new Set(events.flatMap(questionsTouchedBy))]);
      const steps = splitSteps(ids);
      // Steps are written in their own transactions, WRITERS at a time: building a thread's text
      // vectors is CPU work in PostgreSQL, and the writer takes its shared locks only just before it commits.
      let next = 0;
      const writer = async () => {
        while (next < steps.length) {
          const { documents, missing } = await loadSearchDocuments(manager, steps[next++]!);
          await this.index.upsert(documents);
          await this.index.remove(missing);
        }
      };
      await Promise.all(Array.from({ length: Math.min(WRITERS, steps.length) }, writer));
      await manager.query(`UPDATE outbox_events SET processed_at = now() WHERE id = ANY($1::bigint[])`, [events.map((e) => e.id)]);
      return events.length;
    });
  }
}
