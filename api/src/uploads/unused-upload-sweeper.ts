import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from '../platform/logger';
import { UploadStore } from './upload-store';

const SWEEP_EVERY_MS = 60 * 60_000;
/** How long an upload may wait for the text that embeds it (a question written slowly, a draft under review). */
export const UNUSED_UPLOAD_GRACE_HOURS = 24;
const BATCH = 500;

/**
 * The texts an upload's owner writes and that can embed it (`![…](/uploads/<id>.png)`). Questions and
 * answers are found through their versions: every create and edit writes one, by whoever wrote it, so
 * an image a moderator adds to someone's post is found under the moderator.
 */
const OWNED_TEXTS = [
  { table: 'post_revisions', author: 'editor_id', text: 'body_markdown' },
  { table: 'comments', author: 'author_id', text: 'body_markdown' },
  { table: 'staff_drafts', author: 'author_id', text: 'body_markdown' },
  { table: 'conversation_messages', author: 'author_id', text: 'body_markdown' },
  { table: 'escalation_notes', author: 'author_id', text: 'body_markdown' },
  { table: 'announcements', author: 'author_id', text: 'body' },
] as const;

/**
 * Hourly: deletes images that were uploaded but never used in any text within a day — a screenshot
 * someone dropped into the composer and then thought better of (it may show personal data) does not
 * stay on the server. An upload found in a text is marked in use and kept for good (old versions of
 * a post still show it). Only texts by the uploader written since the upload can name its random id.
 */
@Injectable()
export class UnusedUploadSweeper implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: UploadStore,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((error: Error) => this.logger.warn('unused upload sweep failed', { error: error.message })),
      SWEEP_EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(now = new Date()): Promise<{ kept: number; deleted: number }> {
    const before = new Date(now.getTime() - UNUSED_UPLOAD_GRACE_HOURS * 3_600_000);
    const used = OWNED_TEXTS.map(
      (t) =>
        `EXISTS (SELECT 1 FROM ${t.table} x WHERE x.${t.author} = c.owner_id AND x.created_at >= c.created_at
                   AND strpos(x.${t.text}, c.id::text) > 0)`,
    ).join(' OR ');
    let kept = 0;
    let deleted = 0;
    for (;;) {
      const [row]: { kept: number; deleted: number; candidates: number; elsewhere: string[] }[] = await this.dataSource.query(
        `WITH c AS MATERIALIZED (
           SELECT id, owner_id, created_at FROM uploads WHERE in_use_at IS NULL AND last_uploaded_at < $1
            ORDER BY last_uploaded_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED),
         checked AS MATERIALIZED (SELECT c.id, (${used}) AS used FROM c),
         kept AS (UPDATE uploads u SET in_use_at = now() FROM checked k WHERE u.id = k.id AND k.used RETURNING u.id),
         deleted AS (DELETE FROM uploads u USING checked k WHERE u.id = k.id AND NOT k.used RETURNING u.id, u.bytes IS NULL AS elsewhere)
         SELECT (SELECT count(*) FROM kept)::int AS kept, (SELECT count(*) FROM deleted)::int AS deleted, (SELECT count(*) FROM c)::int AS candidates,
                (SELECT coalesce(array_agg(id::text), '{}') FROM deleted WHERE elsewhere) AS elsewhere`,
        [before],
      );
      await this.store.forget(row!.elsewhere);
      kept += row!.kept;
      deleted += row!.deleted;
      if (row!.candidates < BATCH) break;
    }
    if (deleted > 0) this.logger.info('unused uploads deleted', { deleted, kept });
    return { kept, deleted };
  }
}
