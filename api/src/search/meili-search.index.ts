import { Meilisearch, type Index } from 'meilisearch';
import { fieldError } from '../platform/errors';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import {
  markedToHtml,
  MARK_END,
  MARK_START,
  type FacetCount,
  type SearchDocument,
  type SearchIndex,
  type SearchPage,
  type SearchQuery,
  type SearchSort,
  type SimilarHit,
  type SimilarQuery,
} from './search-index';

interface MeiliDocument {
  id: string;
  space_id: string;
  status: SearchDocument['status'];
  tags: string[];
  title: string;
  /** Titles of the questions closed as its duplicates: found by the words others used for the same problem. */
  duplicate_titles: string;
  body: string;
  answers: string;
  accepted_excerpt: string | null;
  score: number;
  solved: number;
  verified: number;
  created_at: number;
  last_activity_at: number;
}

/** Settings the app owns: re-applied at start, so the index always matches the code. */
const SETTINGS = {
  searchableAttributes: ['title', 'tags', 'duplicate_titles', 'body', 'answers'],
  filterableAttributes: ['space_id', 'tags', 'status', 'id'],
  sortableAttributes: ['created_at', 'last_activity_at', 'score'],
  // `sort` right after `words`: a sorted search orders the threads that match the most words by date or votes.
  rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness', 'solved:desc', 'verified:desc', 'score:desc'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  synonyms: {
    login: ['sign in', 'anmelden', 'anmeldung'],
    password: ['passwort', 'kennwort'],
    invoice: ['rechnung', 'bill'],
    meter: ['zähler', 'zaehler'],
  },
};

const quote = (value: string) => JSON.stringify(value);

/** Without a sort parameter the ranking rules alone order the hits (best match first). */
const SORT: Record<SearchSort, string[] | undefined> = {
  relevance: undefined,
  newest: ['created_at:desc'],
  votes: ['score:desc'],
};

/** Meilisearch at scale (`MEILI_URL`), through the official client. */
export class MeiliSearchIndex implements SearchIndex {
  readonly name = 'meilisearch';
  private readonly client: Meilisearch;
  private ready: Promise<Index<MeiliDocument>> | null = null;

  constructor(
    host: string,
    apiKey: string | undefined,
    private readonly indexName = 'questions',
  ) {
    this.client = new Meilisearch({ host, apiKey });
  }

  private index(): Promise<Index<MeiliDocument>> {
    this.ready ??= (async () => {
      await this.client
        .createIndex(this.indexName, { primaryKey: 'id' })
        .waitTask()
        .catch(() => undefined);
      const index = this.client.index<MeiliDocument>(this.indexName);
      await index.updateSettings(SETTINGS).waitTask();
      return index;
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const index = await this.index();
    const task = await index
      .addDocuments(
        documents.map((d) => ({
          id: d.questionId,
          space_id: d.spaceId,
          status: d.status,
          tags: d.tags,
          title: d.title,
          duplicate_titles: d.duplicateTitles,
          body: d.bodyText,
          answers: d.answersText,
          accepted_excerpt: d.acceptedExcerpt,
          score: d.score,
          solved: d.status === 'solved' ? 1 : 0,
          verified: d.verified ? 1 : 0,
          created_at: d.createdAt.getTime(),
          last_activity_at: d.lastActivityAt.getTime(),
        })),
      )
      .waitTask();
    if (task.status !== 'succeeded') throw new Error(`Meilisearch could not index documents: ${task.error?.message ?? task.status}`);
  }

  async remove(questionIds: string[]): Promise<void> {
    if (questionIds.length === 0) return;
    await (await this.index()).deleteDocuments(questionIds).waitTask();
  }

  async clear(): Promise<void> {
    await (await this.index()).deleteAllDocuments().waitTask();
  }

  async count(): Promise<number> {
    return (await (await this.index()).getStats()).numberOfDocuments;
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const index = await this.index();
    const sort = query.sort ?? 'relevance';
    const cursor = decodeCursor(query.after, 2);
    if (cursor && cursor[0] !== sort)
      throw fieldError('after', 'invalid', 'The cursor belongs to another order; start again from the first page.');
    const offset = Number(cursor?.[1] ?? 0);
    const filter: string[] = [];
    if (query.filter?.spaceIds?.length) filter.push(`space_id IN [${query.filter.spaceIds.map(quote).join(', ')}]`);
    for (const tag of query.filter?.tags ?? []) filter.push(`tags = ${quote(tag)}`);
    if (query.filter?.statuses?.length) filter.push(`status IN [${query.filter.statuses.map(quote).join(', ')}]`);
    const response = await index.search(query.text, {
      offset,
      limit: query.first + 1,
      filter,
      sort: SORT[sort],
      facets: ['space_id', 'tags', 'status'],
      attributesToHighlight: ['title'],
      attributesToCrop: ['body'],
      cropLength: 32,
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      showRankingScore: true,
    });
    const facet = (name: string): FacetCount[] =>
      Object.entries(response.facetDistribution?.[name] ?? {})
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, 20);
    const hits = response.hits.slice(0, query.first).map((hit, i) => ({
      questionId: hit.id,
      cursor: encodeCursor([sort, offset + i + 1]),
      relevance: hit._rankingScore ?? 0,
      titleHtml: markedToHtml(hit._formatted?.title ?? hit.title),
      snippetHtml: markedToHtml(hit._formatted?.body ?? hit.body.slice(0, 240)),
    }));
    return {
      hits,
      total: response.estimatedTotalHits ?? hits.length,
      hasNextPage: response.hits.length > query.first,
      endCursor: hits.at(-1)?.cursor ?? null,
      facets: { spaceId: facet('space_id'), tag: facet('tags'), status: facet('status') },
    };
  }

  async similar(query: SimilarQuery): Promise<SimilarHit[]> {
    const index = await this.index();
    // Meilisearch matches all words by default; a draft needs "any of these words".
    const response = await index.search(query.text.slice(0, 500), {
      limit: query.first,
      matchingStrategy: 'last',
      filter: query.excludeQuestionId ? [`id != ${quote(query.excludeQuestionId)}`] : [],
      showRankingScore: true,
    });
    return response.hits.map((hit) => ({ questionId: hit.id, relevance: hit._rankingScore ?? 0, acceptedExcerpt: hit.accepted_excerpt }));
  }
}
