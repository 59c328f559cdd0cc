import type { DataSource, EntityManager } from 'typeorm';
import { INDEXING_TIMEOUT, type SearchDocument } from './search-index';

/** Per lexeme, in how many of the documents `$1` it occurs. */
const TERM_COUNTS = `SELECT l AS lexeme, count(*)::int AS n FROM search_documents d, unnest(tsvector_to_array(d.document)) l WHERE d.question_id = ANY($1::bigint[]) GROUP BY l`;
/** First key of the advisory locks that let one writer at a time index a thread. */
const WRITER_LOCK = 1_796_000;

interface OldTerms {
  documents: number;
  total_length: string;
  lexemes: string[];
  counts: number[];
}

/** Two writers of one thread take turns (two events for it may be indexed at once); keys in order, so no deadlock. */
async function lockThreads(manager: EntityManager, questionIds: string[]): Promise<void> {
  await manager.query(
    `SELECT pg_advisory_xact_lock(${WRITER_LOCK}, k) FROM (SELECT DISTINCT (id % 2147483647)::int AS k FROM unnest($1::bigint[]) id ORDER BY k) s`,
    [questionIds],
  );
}

/** The write side of the PostgreSQL search index: documents, term statistics and impact-ordered postings. */
export class PostgresSearchWriter {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const ids = documents.map((d) => d.questionId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = '${INDEXING_TIMEOUT}'`);
      await lockThreads(manager, ids);
      const [before]: OldTerms[] = await manager.query(
        `SELECT (SELECT count(*)::int FROM search_documents WHERE question_id = ANY($1::bigint[])) AS documents,
                (SELECT coalesce(sum(length), 0)::bigint FROM search_documents WHERE question_id = ANY($1::bigint[])) AS total_length,
                coalesce(array_agg(c.lexeme ORDER BY c.lexeme), '{}') AS lexemes, coalesce(array_agg(c.n ORDER BY c.lexeme), '{}') AS counts
           FROM (${TERM_COUNTS}) c`,
        [ids],
      );
      await manager.query(
        `INSERT INTO search_documents AS s (question_id, space_id, status, tags, title, title_folded, body_text, answers_text, accepted_excerpt,
                                             duplicate_titles, duplicate_of_id, tie, document, length, score, answer_count, verified, created_at, last_activity_at, indexed_at)
         SELECT d.question_id, d.space_id, d.status, d.tags, d.title, pd_fold(d.title), d.body_text, d.answers_text, d.accepted_excerpt,
                d.duplicate_titles, d.duplicate_of_id, hashtext(pd_fold(d.title) || chr(10) || d.body_text),
                v.document, coalesce((SELECT sum(array_length(x.positions, 1)) FROM unnest(v.document) x), 0),
                d.score, d.answer_count, d.verified, d.created_at, d.last_activity_at, now()
           FROM jsonb_to_recordset($1::jsonb) AS d(question_id bigint, space_id bigint, status text, tags text[], title text, body_text text, answers_text text,
                accepted_excerpt text, duplicate_titles text, duplicate_of_id bigint, score int, answer_count int, verified boolean,
                created_at timestamptz, last_activity_at timestamptz)
           -- The titles of known duplicates share weight B with the tags: a little below the thread's own title.
           -- The words inside paths, host and file names ('/var/lib/dpkg/lock') count least, beside the whole tokens.
           CROSS JOIN LATERAL (SELECT setweight(pd_tsvector(d.title), 'A') || setweight(pd_tsvector(array_to_string(d.tags, ' ') || ' ' || d.duplicate_titles), 'B')
                                   || setweight(pd_tsvector(d.body_text), 'C') || setweight(pd_tsvector(d.answers_text), 'D')
                                   || setweight(pd_token_parts(d.title || ' ' || d.body_text || ' ' || d.answers_text), 'D') AS document
                                OFFSET 0) v
         ON CONFLICT (question_id) DO UPDATE SET space_id = EXCLUDED.space_id, status = EXCLUDED.status, tags = EXCLUDED.tags, title = EXCLUDED.title,
           title_folded = EXCLUDED.title_folded, body_text = EXCLUDED.body_text, answers_text = EXCLUDED.answers_text, accepted_excerpt = EXCLUDED.accepted_excerpt,
           duplicate_titles = EXCLUDED.duplicate_titles, duplicate_of_id = EXCLUDED.duplicate_of_id, tie = EXCLUDED.tie, document = EXCLUDED.document, length = EXCLUDED.length, score = EXCLUDED.score, answer_count = EXCLUDED.answer_count, verified = EXCLUDED.verified,
           created_at = EXCLUDED.created_at, last_activity_at = EXCLUDED.last_activity_at, indexed_at = now()`,
        [
          JSON.stringify(
            documents.map((d) => ({
              question_id: d.questionId,
              space_id: d.spaceId,
              status: d.status,
              tags: d.tags,
              title: d.title,
              body_text: d.bodyText,
              answers_text: d.answersText,
              accepted_excerpt: d.acceptedExcerpt,
              duplicate_titles: d.duplicateTitles,
              duplicate_of_id: d.duplicateOfId,
              score: d.score,
              answer_count: d.answerCount,
              verified: d.verified,
              created_at: d.createdAt,
              last_activity_at: d.lastActivityAt,
            })),
          ),
        ],
      );
      await manager.query(`SELECT pd_index_postings($1::bigint[])`, [ids]);
      // Shared rows (term and corpus statistics) are written last, as differences, so concurrent
      // writers hold their locks only from here to the commit.
      await manager.query(
        `WITH fresh AS (${TERM_COUNTS}),
              delta AS (SELECT lexeme, coalesce(f.n, 0) - coalesce(o.n, 0) AS n FROM fresh f FULL JOIN unnest($2::text[], $3::int[]) AS o(lexeme, n) USING (lexeme)),
              locked AS (SELECT t.lexeme FROM search_terms t JOIN delta USING (lexeme) WHERE delta.n < 0 ORDER BY t.lexeme FOR UPDATE OF t),
              lowered AS (UPDATE search_terms t SET df = greatest(t.df + d.n, 0) FROM delta d WHERE t.lexeme = d.lexeme AND t.lexeme IN (SELECT lexeme FROM locked))
         INSERT INTO search_terms AS t (lexeme, df) SELECT lexeme, n FROM delta WHERE n > 0 ORDER BY lexeme
         ON CONFLICT (lexeme) DO UPDATE SET df = t.df + EXCLUDED.df`,
        [ids, before!.lexemes, before!.counts],
      );
      await manager.query(
        `UPDATE search_stats SET documents = greatest(documents - $2 + (SELECT count(*) FROM search_documents WHERE question_id = ANY($1::bigint[])), 0),
                total_length = greatest(total_length - $3 + (SELECT coalesce(sum(length), 0) FROM search_documents WHERE question_id = ANY($1::bigint[])), 0)`,
        [ids, before!.documents, before!.total_length],
      );
    });
  }

  async remove(questionIds: string[]): Promise<void> {
    if (questionIds.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await lockThreads(manager, questionIds);
      await this.subtractTermStats(manager, questionIds);
      await manager.query(`DELETE FROM search_documents WHERE question_id = ANY($1::bigint[])`, [questionIds]);
    });
  }

  async clear(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`TRUNCATE search_postings, search_documents, search_terms`);
      await manager.query(`UPDATE search_stats SET documents = 0, total_length = 0`);
    });
  }

  async count(): Promise<number> {
    const [row]: { documents: string }[] = await this.dataSource.query(`SELECT documents FROM search_stats`);
    return Number(row?.documents ?? 0);
  }

  /** Takes the documents that are about to go out of BM25's statistics (document frequencies, corpus size). */
  private async subtractTermStats(manager: EntityManager, questionIds: string[]): Promise<void> {
    // Term rows are always locked in lexeme order, so concurrent writers cannot deadlock.
    await manager.query(
      `WITH c AS (${TERM_COUNTS}),
            locked AS (SELECT t.lexeme FROM search_terms t JOIN c USING (lexeme) ORDER BY t.lexeme FOR UPDATE OF t)
       UPDATE search_terms t SET df = greatest(t.df - c.n, 0) FROM c WHERE t.lexeme = c.lexeme AND t.lexeme IN (SELECT lexeme FROM locked)`,
      [questionIds],
    );
    await manager.query(
      `UPDATE search_stats SET documents = greatest(documents - (SELECT count(*) FROM search_documents WHERE question_id = ANY($1::bigint[])), 0),
              total_length = greatest(total_length - (SELECT coalesce(sum(length), 0) FROM search_documents WHERE question_id = ANY($1::bigint[])), 0)`,
      [questionIds],
    );
  }
}
