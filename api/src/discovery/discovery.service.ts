import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { slugify } from '../qa/qa.rules';

/** URLs per sitemap file (the sitemaps.org limit). A chunk is a fixed range of question ids, so it never holds more. */
export const SITEMAP_CHUNK_SIZE = 50_000;
/** The most entries one page of the public question index returns. */
export const MAX_INDEX_PAGE = 10_000;

/** One public question as search engines may list it: `[id, slug, last activity (ISO 8601)]`. */
export type PublicQuestionEntry = [id: string, slug: string, lastActivityAt: string];

export interface PublicQuestionPage {
  entries: PublicQuestionEntry[];
  /** The id to pass as `after` for the next page, `null` when this was the last. */
  endCursor: string | null;
}

export interface SitemapChunk {
  /** 1-based: chunk n covers question ids ((n-1)·size, n·size]. */
  chunk: number;
  lastModified: string;
}

const MAX_ID = '9223372036854775807';

/** Only published questions are public: held for review, hidden and deleted ones are never listed. */
const PUBLIC = `moderation_state = 'published'`;

/**
 * What search engines and feed readers may learn about the community: the ids of public questions
 * with their last activity, read in keyset order over the primary key (never an offset), so
 * paging through a million threads costs one index range scan per page.
 */
@Injectable()
export class DiscoveryService {
  constructor(private readonly dataSource: DataSource) {}

  /** Public questions with id > `after` (and ≤ `until` when given), in id order. */
  async publicQuestions(options: { after: string; until: string | null; first: number }): Promise<PublicQuestionPage> {
    const first = Math.min(Math.max(1, options.first), MAX_INDEX_PAGE);
    const rows: { id: string; title: string; last_activity_at: Date }[] = await this.dataSource.query(
      `SELECT id, title, last_activity_at FROM questions
        WHERE id > $1::bigint AND id <= $2::bigint AND ${PUBLIC}
        ORDER BY id LIMIT $3`,
      [options.after, options.until ?? MAX_ID, first + 1],
    );
    const more = rows.length > first;
    const page = more ? rows.slice(0, first) : rows;
    return {
      entries: page.map((row) => [String(row.id), slugify(row.title), row.last_activity_at.toISOString()]),
      endCursor: more ? String(page[page.length - 1]!.id) : null,
    };
  }

  /** The non-empty sitemap chunks with the latest activity in each. */
  async sitemapChunks(): Promise<{ chunkSize: number; chunks: SitemapChunk[] }> {
    const rows: { chunk: string; last: Date }[] = await this.dataSource.query(
      `SELECT (id - 1) / $1 + 1 AS chunk, max(last_activity_at) AS last FROM questions
        WHERE ${PUBLIC} GROUP BY 1 ORDER BY 1`,
      [SITEMAP_CHUNK_SIZE],
    );
    return {
      chunkSize: SITEMAP_CHUNK_SIZE,
      chunks: rows.map((row) => ({ chunk: Number(row.chunk), lastModified: row.last.toISOString() })),
    };
  }
}
