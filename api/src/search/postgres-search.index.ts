import type { DataSource } from 'typeorm';
import { fieldError } from '../platform/errors';
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
  type SearchSort,
  type SimilarHit,
  type SimilarQuery,
} from './search-index';
import { PostgresSearchWriter } from './postgres-search.writer';
import { cosine, meaningOf, readsGerman } from './title-meaning';

/**
 * Candidate generation reads, for each of the query's QUERY_TERMS most telling terms, the PER_TERM
 * postings where that term weighs most (`search_postings`, impact-ordered), plus every thread that
 * holds one of the rare terms (df ≤ RARE_DF) anywhere, answers included. Each thread's approximate
 * score sums idf × impact over the terms that reached it; the best CANDIDATES are ranked in full.
 * So the threads that best match the text reach ranking however common the other terms are, the
 * work is bounded by the query (terms × PER_TERM) and not by the corpus, and nothing depends on
 * votes, ids or import order until the bounded priors in the final ranking.
 */
const QUERY_TERMS = 24;
const PER_TERM = 400;
const RARE_DF = 400;
/** Found through a rare term outside title, tags and the body's main terms: less than a title match. */
const RARE_IMPACT = 0.4;
const CANDIDATES = 120;
/** Facets and the total count are taken over the best FACETED matches. */
const FACETED = 500;
/**
 * Typo correction: a word of the title line that no thread uses, made of at least TYPO_MIN_LENGTH letters,
 * is searched as the known lexeme most similar to its own (pg_trgm similarity over the vocabulary,
 * `search_terms`, through its trigram index). At most TYPO_WORDS words are corrected. Comparing with the
 * vocabulary instead of every title keeps the cost independent of the number of threads. A rare but real
 * word (a product name in one thread) is left alone: correcting those too cost 0.9 points of R@5 on the
 * title+body relevance benchmark.
 */
const TYPO_WORDS = 3;
const TYPO_MIN_LENGTH = 5;
/**
 * Snippets are cut from the first SNIPPET_SOURCE characters of question and answers: ts_headline parses
 * all it is given, and 2,000 characters cost twice as much (0.65 against 0.3 ms a hit) for snippets that
 * mostly come from the question's opening anyway.
 */
const SNIPPET_SOURCE = 1000;
/** In a draft (title line + body), the title's words say most about what it is about. */
const TITLE_TERM_BOOST = 4;

/**
 * Ranking, in SQL over the candidates: BM25 (k1 1.2, b 0.75) where a term's frequency is weighted by
 * the field it occurs in (title 3, tags and the titles of known duplicates 2, body 1, answers 0.5), plus
 * trigram similarity of the titles (typo tolerance) — the best of the thread's own title and the titles of
 * its known duplicates (at most 50, stored with the document), since a query phrased like one of those
 * asks the same thing — nudged up for solved and verified threads and well-voted ones (bounded priors:
 * together at most about +40 %, so votes never outrank a clearly better text match).
 * POSTING_FILTERS restrict postings (alias p), FILTERS search documents (alias d).
 */
const RANKED = `
  stats AS (SELECT greatest(documents, 1)::float8 AS n, greatest(total_length::float8 / greatest(documents, 1), 1) AS avglen FROM search_stats),
  words AS (
    SELECT w, count(*) AS n FROM regexp_split_to_table(pd_fold($1), '[^[:alnum:]]+') w WHERE length(w) BETWEEN 1 AND 60 GROUP BY w
  ),
  spelt AS (
    SELECT q.w, l.lexeme, q.n::float8 / count(*) OVER (PARTITION BY q.w) AS share
      FROM words q, unnest(tsvector_to_array(pd_tsvector(q.w))) AS l(lexeme)
  ),
  unknown AS (
    SELECT s.lexeme, s.share FROM spelt s
     WHERE s.w IN (SELECT k.w FROM spelt k LEFT JOIN search_terms t USING (lexeme)
                    WHERE k.w ~ '^[[:alpha:]]{${TYPO_MIN_LENGTH},}$' AND k.w = ANY(regexp_split_to_array(pd_fold($2), '[^[:alnum:]]+'))
                    GROUP BY k.w HAVING coalesce(max(t.df), 0) = 0 ORDER BY k.w LIMIT ${TYPO_WORDS})
  ),
  corrected AS (
    SELECT c.lexeme, u.share FROM unknown u CROSS JOIN LATERAL (
      SELECT t.lexeme FROM search_terms t
       WHERE t.lexeme % u.lexeme AND t.df > 0 ORDER BY similarity(t.lexeme, u.lexeme) DESC, t.df DESC, t.lexeme LIMIT 1) c
  ),
  terms AS (
    SELECT x.lexeme, coalesce(t.df, 0) AS df, (bool_or(x.corrected) OR x.lexeme = ANY(tsvector_to_array(pd_tsvector($2)))) AS in_title,
           sum(x.share) AS qtf
      FROM (SELECT lexeme, share, false AS corrected FROM spelt UNION ALL SELECT lexeme, share, true FROM corrected) x
      LEFT JOIN search_terms t ON t.lexeme = x.lexeme
     GROUP BY x.lexeme, t.df
  ),
  weighted AS (
    SELECT t.lexeme, t.df, (CASE WHEN t.in_title THEN ${TITLE_TERM_BOOST} ELSE 1 END) * (t.qtf * 3.0 / (t.qtf + 2.0))
             * ln(1 + (s.n - t.df + 0.5) / (t.df + 0.5)) AS w
      FROM terms t, stats s WHERE t.df > 0 ORDER BY w DESC, t.lexeme LIMIT ${QUERY_TERMS}
  ),
  probe AS (
    SELECT (SELECT string_agg(quote_literal(lexeme), ' | ') FROM terms)::tsquery AS all_terms, pd_fold($2) AS folded
  ),
  posted AS (
    SELECT p.question_id, p.tie, t.lexeme, t.w * p.impact AS s
      FROM weighted t CROSS JOIN LATERAL (
        SELECT p.question_id, p.tie, p.impact FROM search_postings p
         WHERE p.lexeme = t.lexeme AND POSTING_FILTERS ORDER BY p.impact DESC, p.tie, p.question_id LIMIT ${PER_TERM}) p
  ),
  rare AS (
    SELECT d.question_id, d.tie, t.lexeme, t.w * ${RARE_IMPACT} AS s
      FROM weighted t CROSS JOIN LATERAL (
        SELECT d.question_id, d.tie FROM search_documents d
         WHERE t.df <= ${RARE_DF} AND d.document @@ quote_literal(t.lexeme)::tsquery AND FILTERS) d
  ),
  hits AS (
    SELECT question_id, tie, sum(s) AS s FROM (
      SELECT question_id, tie, max(s) AS s FROM (SELECT * FROM posted UNION ALL SELECT * FROM rare) x GROUP BY question_id, tie, lexeme) y
     GROUP BY question_id, tie
  ),
  matched AS (
    SELECT h.question_id, h.tie, h.s FROM hits h DOCUMENT_JOIN ORDER BY h.s DESC, h.tie, h.question_id LIMIT ${FACETED}
  ),
  candidates AS (
    SELECT m.question_id, m.tie FROM matched m ORDER BY m.s DESC, m.tie, m.question_id LIMIT ${CANDIDATES}
  ),
  scored AS (
    SELECT d.question_id, c.tie, d.status, d.score, d.verified,
           greatest(similarity(d.title_folded, probe.folded), coalesce((
             SELECT max(similarity(pd_fold(x), probe.folded)) FROM unnest(string_to_array(nullif(d.duplicate_titles, ''), chr(10))) x
           ), 0)) AS title_similarity,
           coalesce((
             SELECT sum((CASE WHEN t.in_title THEN ${TITLE_TERM_BOOST} ELSE 1 END) * (t.qtf * 3.0 / (t.qtf + 2.0)) * ln(1 + (s.n - t.df + 0.5) / (t.df + 0.5)) * (u.tf * 2.2) / (u.tf + 1.2 * (0.25 + 0.75 * d.length / s.avglen)))
               FROM (SELECT x.lexeme, (SELECT sum(CASE w WHEN 'A' THEN 3.0 WHEN 'B' THEN 2.0 WHEN 'C' THEN 1.0 ELSE 0.5 END) FROM unnest(x.weights) w) AS tf
                       FROM unnest(d.document) x) u
               JOIN terms t ON t.lexeme = u.lexeme
           ), 0) AS bm25
      FROM candidates c JOIN search_documents d USING (question_id), stats s, probe
  ),
  ranked AS MATERIALIZED (
    SELECT sc.question_id, sc.tie,
           round(((sc.bm25 + TITLE_WEIGHT * sc.title_similarity)
             * (CASE WHEN sc.status = 'solved' THEN 1.15 ELSE 1 END)
             * (CASE WHEN sc.verified THEN 1.1 ELSE 1 END)
             * (1 + least(0.03 * ln(1 + greatest(sc.score, 0)), 0.1)))::numeric, 6)::float8 AS relevance
      FROM scored sc
  )`;

/** A row of the search statement: a hit of the page (`facet` 'hit', `value` its id) or a facet count. */
interface SearchRow {
  facet: 'hit' | 'total' | 'spaceId' | 'status' | 'tag';
  value: string;
  count: number | null;
  relevance: number | null;
  sort_key: number | null;
  tie: number | null;
  title_marked: string | null;
  snippet_marked: string | null;
}

interface FilterSql {
  /** On search documents (alias d). */
  documents: string;
  /** On postings (alias p): the space and the excluded question, which postings carry themselves. */
  postings: string;
  /** Joins the search documents where the rest of the filter needs them. */
  join: string;
  params: unknown[];
}

function filterSql(filter: SearchFilter | undefined, excludeQuestionId: string | null, firstParam: number): FilterSql {
  const postings: string[] = [];
  const rest: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${firstParam + params.push(value) - 1}`;
  if (excludeQuestionId) postings.push(`question_id <> ${param(excludeQuestionId)}::bigint`);
  if (filter?.spaceIds?.length) postings.push(`space_id = ANY(${param(filter.spaceIds)}::bigint[])`);
  if (filter?.tags?.length) rest.push(`d.tags @> ${param(filter.tags)}::text[]`);
  if (filter?.statuses?.length) rest.push(`d.status = ANY(${param(filter.statuses)}::text[])`);
  const all = (alias: string, list: string[]) =>
    list.length ? list.map((c) => (c.startsWith('d.') ? c : `${alias}.${c}`)).join(' AND ') : 'true';
  return {
    documents: all('d', [...postings, ...rest]),
    postings: all('p', postings),
    join: rest.length ? `JOIN search_documents d USING (question_id) WHERE ${rest.join(' AND ')}` : '',
    params,
  };
}

/**
 * What each sort orders the ranked threads by (descending; ties by the title hash and id). Sorting
 * reorders the best-matching threads relevance finds, so a newer but barely related thread does not
 * push the good matches away.
 */
const SORT_KEY: Record<SearchSort, string> = {
  relevance: 'r.relevance',
  newest: 'extract(epoch FROM d.created_at)::float8',
  votes: 'd.score::float8',
};

/** The ranking statement's common part, with the filter and the weight of title similarity filled in. */
function rankedSql(filter: FilterSql, titleWeight: number): string {
  return RANKED.replace(/POSTING_FILTERS/g, filter.postings)
    .replace('DOCUMENT_JOIN', filter.join)
    .replace(/\bFILTERS\b/g, filter.documents)
    .replace('TITLE_WEIGHT', titleWeight.toFixed(1));
}

/** The default engine: PostgreSQL full-text search with German and English stemming, accent folding and trigrams. */
export class PostgresSearchIndex implements SearchIndex {
  readonly name = 'postgres';

  private readonly writer: PostgresSearchWriter;

  constructor(private readonly dataSource: DataSource) {
    this.writer = new PostgresSearchWriter(dataSource);
  }

  upsert(documents: SearchDocument[]): Promise<void> {
    return this.writer.upsert(documents);
  }

  remove(questionIds: string[]): Promise<void> {
    return this.writer.remove(questionIds);
  }

  clear(): Promise<void> {
    return this.writer.clear();
  }

  count(): Promise<number> {
    return this.writer.count();
  }

  /**
   * A rebuilt index is all new rows: until VACUUM has marked their pages all-visible, every posting an
   * index-only scan reads is also fetched from the heap (2,400 heap fetches for an 8-term query at 1 M posts).
   */
  async settle(): Promise<void> {
    await this.dataSource.query(`VACUUM (ANALYZE) search_postings, search_documents, search_terms`);
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const filter = filterSql(query.filter, null, 3);
    const sort = query.sort ?? 'relevance';
    const cursor = decodeCursor(query.after, 4);
    if (cursor && cursor[0] !== sort)
      throw fieldError('after', 'invalid', 'The cursor belongs to another order; start again from the first page.');
    const base = `WITH ${rankedSql(filter, 2)}`;
    const params = [query.text, query.text, ...filter.params];
    const pageParams = [...params, query.first + 1, cursor?.[1] ?? null, cursor?.[2] ?? null, cursor?.[3] ?? null];
    const n = params.length;
    // One statement: the page and the facet counts share the matched set (a materialized CTE), so the
    // index is scanned once per search.
    const rows: SearchRow[] = await this.dataSource.query(
      `${base},
       keyed AS (SELECT r.*, ${SORT_KEY[sort]} AS sort_key FROM ranked r JOIN search_documents d USING (question_id)),
       page AS (
         SELECT k.* FROM keyed k
          WHERE $${n + 2}::float8 IS NULL OR (-k.sort_key, k.tie, k.question_id) > (-$${n + 2}::float8, $${n + 3}::int, $${n + 4}::bigint)
          ORDER BY k.sort_key DESC, k.tie, k.question_id LIMIT $${n + 1}
       ),
       faceted AS MATERIALIZED (SELECT d.space_id, d.status, d.tags FROM matched JOIN search_documents d USING (question_id))
       SELECT 'hit' AS facet, p.question_id::text AS value, NULL::int AS count, p.relevance, p.sort_key, p.tie,
              ${headline('d.title', 'HighlightAll=true')} AS title_marked,
              ${headline(`left(d.body_text || ' ' || d.answers_text, ${SNIPPET_SOURCE})`, 'MaxWords=32, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')} AS snippet_marked
         FROM page p JOIN search_documents d USING (question_id), probe
       UNION ALL SELECT 'total', '', count(*)::int, NULL, NULL, NULL, NULL, NULL FROM matched
       UNION ALL SELECT 'spaceId', f.space_id::text, count(*)::int, NULL, NULL, NULL, NULL, NULL FROM faceted f GROUP BY f.space_id
       UNION ALL SELECT 'status', f.status, count(*)::int, NULL, NULL, NULL, NULL, NULL FROM faceted f GROUP BY f.status
       UNION ALL SELECT 'tag', tag, count(*)::int, NULL, NULL, NULL, NULL, NULL FROM faceted f, unnest(f.tags) tag GROUP BY tag`,
      pageParams,
    );
    const hitRows = rows
      .filter((r) => r.facet === 'hit')
      .sort((a, b) => b.sort_key! - a.sort_key! || a.tie! - b.tie! || Number(BigInt(a.value) - BigInt(b.value)));
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
      cursor: encodeCursor([sort, r.sort_key!, r.tie!, r.value]),
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
    const filter = filterSql(undefined, query.excludeQuestionId ?? null, 3);
    const title = titleLine(query.text);
    // The ranked candidates ('hit') come back with their titles' lexemes, plus the idf of those and of the
    // draft's title lexemes ('idf', 'asked' for the latter), so that titles can be compared by meaning too
    // (title-meaning.ts). ts_filter keeps a document's title lexemes (weight A) without unnesting it.
    const rows: SimilarRow[] = await this.dataSource.query(
      `WITH ${rankedSql(filter, 6)},
       titles AS (
         SELECT r.question_id, r.relevance, r.tie, d.accepted_excerpt,
                tsvector_to_array(ts_filter(d.document, '{a}')) AS lexemes,
                ARRAY(SELECT array_to_string(tsvector_to_array(pd_tsvector(x)), ' ')
                        FROM unnest(string_to_array(nullif(d.duplicate_titles, ''), chr(10))) x) AS duplicate_lexemes
           FROM ranked r JOIN search_documents d USING (question_id)
       ),
       idf AS (
         SELECT u.lexeme, u.asked, ln(1 + (s.n - u.df + 0.5) / (u.df + 0.5)) AS idf
           FROM (SELECT u.lexeme, bool_or(u.asked) AS asked, coalesce((SELECT st.df FROM search_terms st WHERE st.lexeme = u.lexeme), 0) AS df
                   FROM (SELECT unnest(lexemes) AS lexeme, false AS asked FROM titles
                         UNION ALL SELECT unnest(string_to_array(array_to_string(duplicate_lexemes, ' '), ' ')), false FROM titles
                         UNION ALL SELECT lexeme, true FROM terms WHERE in_title) u
                  GROUP BY u.lexeme) u, stats s
       )
       SELECT 'hit' AS kind, question_id::text AS question_id, relevance, tie, accepted_excerpt, lexemes, duplicate_lexemes, NULL::float8 AS idf
         FROM titles
       UNION ALL SELECT CASE WHEN asked THEN 'asked' ELSE 'idf' END, NULL, NULL, NULL, NULL, ARRAY[lexeme], NULL, idf FROM idf`,
      [query.text, title, ...filter.params],
    );
    return rerankByMeaning(rows, title)
      .slice(0, Number(query.first))
      .map((r) => ({ questionId: r.question_id, relevance: r.relevance, acceptedExcerpt: r.accepted_excerpt }));
  }
}

interface SimilarRow {
  kind: 'hit' | 'idf' | 'asked';
  question_id: string;
  relevance: number;
  /** A hash of title and body: threads with the same relevance are ordered by their content, not by id. */
  tie: number;
  accepted_excerpt: string | null;
  lexemes: string[];
  /** The title lexemes of each known duplicate, space-separated (hits only). */
  duplicate_lexemes: string[] | null;
  idf: number | null;
}

/**
 * Similar questions are often asked in other words ("wifi" / "wireless network"): each candidate's text
 * relevance gets MEANING_WEIGHT × the best relevance × the cosine of the two titles' meaning vectors, so
 * a title that means the same can overtake one that merely shares words. The cosine is the best over the
 * candidate's own title and its known duplicates' titles. English titles only.
 */
const MEANING_WEIGHT = 0.75;

function rerankByMeaning(rows: SimilarRow[], title: string): SimilarRow[] {
  const idf = new Map(rows.filter((r) => r.kind !== 'hit').map((r) => [r.lexemes[0]!, r.idf!] as const));
  const hits = rows.filter((r) => r.kind === 'hit');
  const meaning = (lexemes: string[]) => meaningOf([...lexemes].sort().map((lexeme) => ({ lexeme, idf: idf.get(lexeme) ?? 0 })));
  const asked = readsGerman(title) ? null : meaning(rows.filter((r) => r.kind === 'asked').map((r) => r.lexemes[0]!));
  const closest = (r: SimilarRow): number => {
    if (!asked) return 0;
    let best = cosine(asked, meaning(r.lexemes));
    for (const other of r.duplicate_lexemes ?? []) if (other) best = Math.max(best, cosine(asked, meaning(other.split(' '))));
    return Math.max(best, 0);
  };
  const best = Math.max(0, ...hits.map((r) => r.relevance));
  return hits
    .map((r) => {
      return { ...r, relevance: Math.round((r.relevance + MEANING_WEIGHT * best * closest(r)) * 1e6) / 1e6 };
    })
    .sort((a, b) => b.relevance - a.relevance || a.tie - b.tie || Number(BigInt(a.question_id) - BigInt(b.question_id)));
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
