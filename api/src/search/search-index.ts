/** One thread as the search engines see it: public content only (question, tags, answers). */
export interface SearchDocument {
  questionId: string;
  spaceId: string;
  status: 'open' | 'answered' | 'solved' | 'closed';
  tags: string[];
  title: string;
  bodyText: string;
  /** The accepted answer first, then the others; plain text. */
  answersText: string;
  /** The first lines of the accepted answer, shown inline in suggestions. */
  acceptedExcerpt: string | null;
  /** Titles of the questions closed as duplicates of this one, a line each: the words others used for the same problem. */
  duplicateTitles: string;
  /** The original, when this question is closed as a duplicate. */
  duplicateOfId: string | null;
  score: number;
  answerCount: number;
  verified: boolean;
  createdAt: Date;
  lastActivityAt: Date;
}

export interface SearchFilter {
  spaceIds?: string[];
  tags?: string[];
  statuses?: SearchDocument['status'][];
}

/** Best match first, newest first, or most votes first (over the same best-matching threads). */
export const SEARCH_SORTS = ['relevance', 'newest', 'votes'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchQuery {
  text: string;
  first: number;
  /** Opaque cursor from a previous page of the same sort. */
  after?: string | null;
  filter?: SearchFilter;
  /** Relevance when not given. */
  sort?: SearchSort;
}

export interface SearchHit {
  questionId: string;
  /** Keyset cursor of this hit; pass the last one as `after` for the next page. */
  cursor: string;
  /** Title with matches wrapped in <mark>; everything else HTML-escaped. */
  titleHtml: string;
  /** A passage of the body or answers with matches in <mark>; HTML-escaped. */
  snippetHtml: string;
  relevance: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
  endCursor: string | null;
  hasNextPage: boolean;
  facets: { spaceId: FacetCount[]; tag: FacetCount[]; status: FacetCount[] };
}

export interface SimilarQuery {
  text: string;
  first: number;
  excludeQuestionId?: string;
}

export interface SimilarHit {
  questionId: string;
  relevance: number;
  acceptedExcerpt: string | null;
}

/** The port every search engine implements; the contract suite runs against each adapter. */
export interface SearchIndex {
  readonly name: string;
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(questionIds: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchPage>;
  similar(query: SimilarQuery): Promise<SimilarHit[]>;
  /** Removes everything (used by a full reindex). */
  clear(): Promise<void>;
  count(): Promise<number>;
  /** After a full reindex: lets the engine tidy what the bulk load left behind. */
  settle?(): Promise<void>;
}

export const SEARCH_INDEX = Symbol('SearchIndex');

/** Markers ts_headline / Meilisearch put around matches; stripped from indexed text so users cannot forge them. */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/**
 * Escapes text for HTML and turns the match markers into <mark> elements. \u0003 and \u0004 stand in
 * for < and > while PostgreSQL highlights (its parser would take them for HTML tags).
 */
export function markedToHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\u0003/g, '&lt;')
    .replace(/\u0004/g, '&gt;')
    .replace(/\u0001/g, '<mark>')
    .replace(/\u0002/g, '</mark>');
}

/** Removes the marker and stand-in characters from indexed text, so users cannot forge them. */
export function stripMarkers(text: string): string {
  return text.replace(/[\u0001-\u0004]/g, '');
}

/**
 * Statement timeout for index writes. Indexing is background work (the indexer, reindex): on a busy
 * machine a batch may take longer than the limit that bounds requests, and a batch that always timed
 * out would be retried forever.
 */
export const INDEXING_TIMEOUT = '5min';
