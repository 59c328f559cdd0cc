import type { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import {
  markedToHtml,
  MARK_END,
  MARK_START,
  type FacetCount,
  type SearchDocument,
  type SearchFilter,
  type SearchIndex,
  type SearchPage,
  type SearchQuery,
  type SimilarHit,
  type SimilarQuery,
} from './search-index';

/**
 * Matches are counted (and faceted) up to MAX_COUNTED; of a larger set the best-voted POOL are
 * pre-ranked cheaply (ts_rank plus title trigrams) and the best CANDIDATES ranked in full. Specific
 * queries stay far below these caps; they keep a one-word query over a million posts fast.
 */
const MAX_COUNTED = 10_000;
const POOL = 600;
const CANDIDATES = 120;
const TYPO_MATCHES = 100;
/**
 * Typo matching only runs when the words themselves found fewer threads: the query's trigrams against
 * the most similar stretch of each title (`<%`, word similarity ≥ pg_trgm.word_similarity_threshold,
 * set per connection in data-source.ts), so one misspelt word can find a long title.
 */
const FEW_HITS = 20;
/** Query terms used to find candidates besides the title's: the rarest ones, whose posting lists are short. */
const CANDIDATE_TERMS = 8;
/** In a draft (title line + body), the title's words say most about what it is about. */
const TITLE_TERM_BOOST = 4;

/**
 * Ranking, in SQL over the candidates: BM25 (k1 1.2, b 0.75) where a term's frequency is weighted by
 * the field it occurs in (title 3, tags 2, body 1, answers 0.5), plus trigram similarity of the titles
 * (typo tolerance), nudged up for solved and verified threads and well-voted ones.
 */
const RANKED = `
  stats AS (SELECT greatest(documents, 1)::float8 AS n, greatest(total_length::float8 / greatest(documents, 1), 1) AS avglen FROM search_stats),
  terms AS (
    SELECT l.lexeme, coalesce(t.df, 0) AS df, (l.lexeme = ANY(tsvector_to_array(pd_tsvector($2)))) AS in_title,
           coalesce(array_length(l.positions, 1), 1) AS qtf
      FROM unnest(pd_tsvector($1)) AS l LEFT JOIN search_terms t ON t.lexeme = l.lexeme
  ),
  probe AS (
    SELECT (SELECT string_agg(quote_literal(lexeme), ' | ') FROM (
              SELECT lexeme FROM terms, stats WHERE df > 0 AND in_title AND df < greatest(50, stats.n * 0.05)
              UNION (SELECT lexeme FROM terms WHERE df > 0 ORDER BY df, lexeme LIMIT ${CANDIDATE_TERMS})) probing)::tsquery AS q,
           (SELECT string_agg(quote_literal(lexeme), ' | ') FROM terms)::tsquery AS all_terms,
           pd_fold($2) AS folded
  ),
  hits AS (
    SELECT d.question_id, d.score FROM search_documents d, probe
     WHERE probe.q IS NOT NULL AND d.document @@ probe.q AND FILTERS LIMIT ${MAX_COUNTED}
  ),
  typos AS (
    SELECT d.question_id, d.score FROM search_documents d, probe
     WHERE (SELECT count(*) FROM hits) < ${FEW_HITS} AND length(probe.folded) BETWEEN 3 AND 200 AND probe.folded <% d.title_folded AND FILTERS
     LIMIT ${TYPO_MATCHES}
  ),
  matched AS (SELECT question_id, score FROM hits UNION SELECT question_id, score FROM typos),
  pool AS (SELECT question_id FROM matched ORDER BY score DESC, question_id DESC LIMIT ${POOL}),
  candidates AS (
    SELECT d.question_id FROM pool JOIN search_documents d USING (question_id), probe
     ORDER BY ts_rank(d.document, coalesce(probe.q, ''::tsquery)) + similarity(d.title_folded, probe.folded) DESC
     LIMIT ${CANDIDATES}
  ),
  scored AS (
    SELECT d.question_id, d.status, d.score, d.verified, d.title_folded,
           coalesce((
             SELECT sum((CASE WHEN t.in_title THEN ${TITLE_TERM_BOOST} ELSE 1 END) * (t.qtf * 3.0 / (t.qtf + 2.0)) * ln(1 + (s.n - t.df + 0.5) / (t.df + 0.5)) * (u.tf * 2.2) / (u.tf + 1.2 * (0.25 + 0.75 * d.length / s.avglen)))
               FROM (SELECT x.lexeme, (SELECT sum(CASE w WHEN 'A' THEN 3.0 WHEN 'B' THEN 2.0 WHEN 'C' THEN 1.0 ELSE 0.5 END) FROM unnest(x.weights) w) AS tf
                       FROM unnest(d.document) x) u
               JOIN terms t ON t.lexeme = u.lexeme
           ), 0) AS bm25
      FROM candidates c JOIN search_documents d USING (question_id), stats s
  ),
  ranked AS (
    SELECT sc.question_id,
           round(((sc.bm25 + TITLE_WEIGHT * similarity(sc.title_folded, probe.folded))
             * (CASE WHEN sc.status = 'solved' THEN 1.15 ELSE 1 END)
             * (CASE WHEN sc.verified THEN 1.1 ELSE 1 END)
             * (1 + 0.03 * ln(1 + greatest(sc.score, 0))))::numeric, 6)::float8 AS relevance
      FROM scored sc, probe
  )`;

/** A row of the search statement: a hit of the page (`facet` 'hit', `value` its id) or a facet count. */
interface SearchRow {
  facet: 'hit' | 'total' | 'spaceId' | 'status' | 'tag';
  value: string;
  count: number | null;
  relevance: number | null;
  title_marked: string | null;
  snippet_marked: string | null;
}

interface FilterSql {
  sql: string;
  params: unknown[];
}

function filterSql(filter: SearchFilter | undefined, firstParam: number): FilterSql {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    parts.push(clause(`$${firstParam + params.length - 1}`));
  };
  if (filter?.spaceIds?.length) add((p) => `d.space_id = ANY(${p}::bigint[])`, filter.spaceIds);
  if (filter?.tags?.length) add((p) => `d.tags @> ${p}::text[]`, filter.tags);
  if (filter?.statuses?.length) add((p) => `d.status = ANY(${p}::text[])`, filter.statuses);
  return { sql: parts.length ? parts.join(' AND ') : 'true', params };
}

/** The default engine: PostgreSQL full-text search with German and English stemming, accent folding and trigrams. */
export class PostgresSearchIndex implements SearchIndex {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const ids = documents.map((d) => d.questionId);
    await this.dataSource.transaction(async (manager) => {
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
      await manager.query(`TRUNCATE search_documents, search_terms`);
      await manager.query(`UPDATE search_stats SET documents = 0, total_length = 0`);
    });
  }

  async count(): Promise<number> {
    const [row]: { documents: string }[] = await this.dataSource.query(`SELECT documents FROM search_stats`);
    return Number(row?.documents ?? 0);
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const filter = filterSql(query.filter, 3);
    const cursor = decodeCursor(query.after, 2);
    const base = `WITH ${RANKED.replace(/FILTERS/g, filter.sql).replace('TITLE_WEIGHT', '2.0')}`;
    const params = [query.text, query.text, ...filter.params];
    const pageParams = [...params, query.first + 1, cursor?.[0] ?? null, cursor?.[1] ?? null];
    const n = params.length;
    // One statement: the page and the facet counts share the matched set (a materialized CTE), so the
    // index is scanned once per search.
    const rows: SearchRow[] = await this.dataSource.query(
      `${base},
       page AS (
         SELECT r.* FROM ranked r
          WHERE $${n + 2}::float8 IS NULL OR (r.relevance, r.question_id) < ($${n + 2}::float8, $${n + 3}::bigint)
          ORDER BY r.relevance DESC, r.question_id DESC LIMIT $${n + 1}
       )
       SELECT 'hit' AS facet, p.question_id::text AS value, NULL::int AS count, p.relevance,
              ${headline('d.title', 'HighlightAll=true')} AS title_marked,
              ${headline(`left(d.body_text || ' ' || d.answers_text, 4000)`, 'MaxWords=32, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')} AS snippet_marked
         FROM page p JOIN search_documents d USING (question_id), probe
       UNION ALL SELECT 'total', '', count(*)::int, NULL, NULL, NULL FROM matched
       UNION ALL SELECT 'spaceId', d.space_id::text, count(*)::int, NULL, NULL, NULL FROM matched JOIN search_documents d USING (question_id) GROUP BY d.space_id
       UNION ALL SELECT 'status', d.status, count(*)::int, NULL, NULL, NULL FROM matched JOIN search_documents d USING (question_id) GROUP BY d.status
       UNION ALL SELECT 'tag', tag, count(*)::int, NULL, NULL, NULL FROM matched JOIN search_documents d USING (question_id), unnest(d.tags) tag GROUP BY tag`,
      pageParams,
    );
    const hitRows = rows
      .filter((r) => r.facet === 'hit')
      .sort((a, b) => b.relevance! - a.relevance! || Number(BigInt(b.value) - BigInt(a.value)));
    const facetRows = rows.filter((r) => r.facet !== 'hit');
    const facet = (name: string): FacetCount[] =>
      facetRows
        .filter((r) => r.facet === name)
        .map((r) => ({ value: r.value, count: r.count! }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, 20);
    const hasNextPage = hitRows.length > query.first;
    const hits = hitRows.slice(0, query.first).map((r) => ({
      questionId: r.value,
      cursor: encodeCursor([r.relevance!, r.value]),
      relevance: r.relevance!,
      titleHtml: markedToHtml(r.title_marked!),
      snippetHtml: markedToHtml(r.snippet_marked!),
    }));
    const last = hits.at(-1);
    return {
      hits,
      total: facetRows.find((r) => r.facet === 'total')?.count ?? 0,
      hasNextPage,
      endCursor: last?.cursor ?? null,
      facets: { spaceId: facet('spaceId'), tag: facet('tag'), status: facet('status') },
    };
  }

  async similar(query: SimilarQuery): Promise<SimilarHit[]> {
    const exclude = query.excludeQuestionId ?? null;
    const filter = exclude ? 'd.question_id <> $3::bigint' : 'true';
    const params: unknown[] = [query.text, titleLine(query.text)];
    if (exclude) params.push(exclude);
    const rows: { question_id: string; relevance: number; accepted_excerpt: string | null }[] = await this.dataSource.query(
      `WITH ${RANKED.replace(/FILTERS/g, filter).replace('TITLE_WEIGHT', '6.0')}
       SELECT r.question_id, r.relevance, d.accepted_excerpt FROM ranked r JOIN search_documents d USING (question_id)
        ORDER BY r.relevance DESC, r.question_id DESC LIMIT ${Number(query.first)}`,
      params,
    );
    return rows.map((r) => ({ questionId: r.question_id, relevance: r.relevance, acceptedExcerpt: r.accepted_excerpt }));
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

/** The first line of a draft is usually its title; that is what the title similarity compares. */
function titleLine(text: string): string {
  return text.split('\n', 1)[0]!.slice(0, 200);
}

/** Highlights with the English stemmer, falling back to the German one for German text. */
function headline(column: string, options: string): string {
  const opts = `StartSel=${MARK_START}, StopSel=${MARK_END}, ${options}`;
  const run = (config: string) =>
    `ts_headline('${config}', translate(${column}, '<>', chr(3) || chr(4)), coalesce(probe.all_terms, ''::tsquery), '${opts}')`;
  return `(SELECT CASE WHEN position(chr(1) IN h.en) > 0 THEN h.en ELSE ${run('german')} END FROM (SELECT ${run('english')} AS en) h)`;
}
