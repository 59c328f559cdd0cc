import type { DataSource, EntityManager } from 'typeorm';
import { INDEXING_TIMEOUT, type SearchDocument } from './search-index';

/** The write side of the PostgreSQL search index: documents, term statistics and impact-ordered postings. */
export class PostgresSearchWriter {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const ids = documents.map((d) => d.questionId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = '${INDEXING_TIMEOUT}'`);
      await this.updateTermStats(manager, ids, -1);
      await manager.query(
        `INSERT INTO search_documents AS s (question_id, space_id, status, tags, title, title_folded, body_text, answers_text, accepted_excerpt,
                                             document, length, score, answer_count, verified, created_at, last_activity_at, indexed_at)
         SELECT d.question_id, d.space_id, d.status, d.tags, d.title, pd_fold(d.title), d.body_text, d.answers_text, d.accepted_excerpt,
                v.document, coalesce((SELECT sum(array_length(x.positions, 1)) FROM unnest(v.document) x), 0),
                d.score, d.answer_count, d.verified, d.created_at, d.last_activity_at, now()
           FROM jsonb_to_recordset($1::jsonb) AS d(question_id bigint, space_id bigint, status text, tags text[], title text, body_text text, answers_text text,
                accepted_excerpt text, score int, answer_count int, verified boolean, created_at timestamptz, last_activity_at timestamptz)
           CROSS JOIN LATERAL (SELECT setweight(pd_tsvector(d.title), 'A') || setweight(pd_tsvector(array_to_string(d.tags, ' ')), 'B')
                                   || setweight(pd_tsvector(d.body_text), 'C') || setweight(pd_tsvector(d.answers_text), 'D') AS document) v
         ON CONFLICT (question_id) DO UPDATE SET space_id = EXCLUDED.space_id, status = EXCLUDED.status, tags = EXCLUDED.tags, title = EXCLUDED.title,
           title_folded = EXCLUDED.title_folded, body_text = EXCLUDED.body_text, answers_text = EXCLUDED.answers_text, accepted_excerpt = EXCLUDED.accepted_excerpt,
           document = EXCLUDED.document, length = EXCLUDED.length, score = EXCLUDED.score, answer_count = EXCLUDED.answer_count, verified = EXCLUDED.verified,
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
              score: d.score,
              answer_count: d.answerCount,
              verified: d.verified,
              created_at: d.createdAt,
              last_activity_at: d.lastActivityAt,
            })),
          ),
        ],
      );
      await this.updateTermStats(manager, ids, 1);
      await manager.query(`SELECT pd_index_postings($1::bigint[])`, [ids]);
    });
  }

  async remove(questionIds: string[]): Promise<void> {
    if (questionIds.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await this.updateTermStats(manager, questionIds, -1);
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

  /** Document frequencies for BM25: `sign` -1 before documents change or go, +1 after they are written. */
  private async updateTermStats(manager: EntityManager, questionIds: string[], sign: 1 | -1): Promise<void> {
    const counts = `SELECT l AS lexeme, count(*)::int AS n FROM search_documents d, unnest(tsvector_to_array(d.document)) l WHERE d.question_id = ANY($1::bigint[]) GROUP BY l`;
    // Term rows are always locked in lexeme order, so concurrent indexers cannot deadlock.
    if (sign === 1) {
      await manager.query(
        `INSERT INTO search_terms AS t (lexeme, df) SELECT lexeme, n FROM (${counts}) c ORDER BY lexeme
         ON CONFLICT (lexeme) DO UPDATE SET df = t.df + EXCLUDED.df`,
        [questionIds],
      );
    } else {
      await manager.query(
        `WITH c AS (${counts}),
              locked AS (SELECT t.lexeme FROM search_terms t JOIN c USING (lexeme) ORDER BY t.lexeme FOR UPDATE OF t)
         UPDATE search_terms t SET df = greatest(t.df - c.n, 0) FROM c WHERE t.lexeme = c.lexeme AND t.lexeme IN (SELECT lexeme FROM locked)`,
        [questionIds],
      );
    }
    await manager.query(
      `UPDATE search_stats SET documents = greatest(documents + $2 * (SELECT count(*) FROM search_documents WHERE question_id = ANY($1::bigint[])), 0),
              total_length = greatest(total_length + $2 * (SELECT coalesce(sum(length), 0) FROM search_documents WHERE question_id = ANY($1::bigint[])), 0)`,
      [questionIds, sign],
    );
  }
}
