import type { QuestionStatus, SearchFilterInput, SearchSort as ApiSearchSort } from '#lib/graphql/generated.ts';
import type { MessageKey } from '#lib/i18n/index.ts';

/**
 * The search page's state as it lives in the URL (`/search?q=…&space=…&tag=…&status=…&sort=…&after=…`),
 * and the filter changes its links make. Pure, so the links work the same without JavaScript.
 */

/** The api's limit for a search text (longer ones are answered with BAD_USER_INPUT `too_long`). */
export const MAX_QUERY_LENGTH = 300;
/** Tags narrow the results (every chosen tag must be on a thread); more than a few is never useful. */
export const MAX_TAG_FILTERS = 5;
export const PAGE_SIZE = 20;

const STATUS_BY_SLUG = { open: 'OPEN', answered: 'ANSWERED', solved: 'SOLVED', closed: 'CLOSED' } as const satisfies Record<
  string,
  QuestionStatus
>;
export type StatusSlug = keyof typeof STATUS_BY_SLUG;

export interface Filters {
  space: string | null;
  tags: string[];
  status: StatusSlug | null;
}

/** The search page's orders; relevance (best match first) is the default. */
export const SEARCH_SORTS = ['relevance', 'newest', 'votes'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchState {
  q: string;
  filters: Filters;
  sort: SearchSort;
  after: string | null;
}

export function isSearchSort(value: unknown): value is SearchSort {
  return typeof value === 'string' && (SEARCH_SORTS as readonly string[]).includes(value);
}

/** `newest` → `NEWEST`. */
export function apiSearchSort(sort: SearchSort): ApiSearchSort {
  return sort.toUpperCase() as ApiSearchSort;
}

export function isStatusSlug(value: unknown): value is StatusSlug {
  return typeof value === 'string' && Object.hasOwn(STATUS_BY_SLUG, value);
}

/** `SOLVED` → `solved`; `null` for a status the web does not know (a newer api). */
export function statusSlug(status: string): StatusSlug | null {
  const slug = status.toLowerCase();
  return isStatusSlug(slug) ? slug : null;
}

/** `solved` → `SOLVED`. */
export function questionStatus(slug: StatusSlug): QuestionStatus {
  return STATUS_BY_SLUG[slug];
}

/** Reads the page's URL. An unknown status is ignored; unknown spaces and tags are the api's to judge. */
export function readSearch(params: URLSearchParams): SearchState {
  const q = (params.get('q') ?? '').trim();
  const space = (params.get('space') ?? '').trim() || null;
  const tags = [
    ...new Set(
      params
        .getAll('tag')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_TAG_FILTERS);
  const status = (params.get('status') ?? '').trim().toLowerCase();
  const sort = (params.get('sort') ?? '').trim().toLowerCase();
  return {
    q,
    filters: { space, tags, status: isStatusSlug(status) ? status : null },
    sort: isSearchSort(sort) ? sort : 'relevance',
    after: params.get('after') || null,
  };
}

export function hasFilters(filters: Filters): boolean {
  return filters.space !== null || filters.tags.length > 0 || filters.status !== null;
}

export const NO_FILTERS: Filters = { space: null, tags: [], status: null };

/** The api's filter input, or null when nothing is filtered. */
export function toFilterInput(filters: Filters): SearchFilterInput | null {
  if (!hasFilters(filters)) return null;
  return {
    ...(filters.space ? { spaceSlugs: [filters.space] } : {}),
    ...(filters.tags.length > 0 ? { tags: filters.tags } : {}),
    ...(filters.status ? { statuses: [STATUS_BY_SLUG[filters.status]] } : {}),
  };
}

/** Choosing a space again (or `null`) lifts the space filter. */
export function toggleSpace(filters: Filters, space: string | null): Filters {
  return { ...filters, space: space === null || filters.space === space ? null : space };
}

export function toggleStatus(filters: Filters, status: StatusSlug | null): Filters {
  return { ...filters, status: status === null || filters.status === status ? null : status };
}

/** Adds a tag (all chosen tags must match) or removes it when it is chosen already. */
export function toggleTag(filters: Filters, tag: string): Filters {
  const tags = filters.tags.includes(tag) ? filters.tags.filter((t) => t !== tag) : [...filters.tags, tag].slice(0, MAX_TAG_FILTERS);
  return { ...filters, tags };
}

/**
 * What to tell a person whose search the api refused as BAD_USER_INPUT (fields as the api names
 * them: `query`, `filter.spaceSlugs`, `filter.tags`, `after`). One message per kind of problem.
 */
export function searchProblems(fields: ReadonlyArray<{ field: string; code: string }>): MessageKey[] {
  const keys = fields.map(({ field, code }): MessageKey => {
    if (field === 'query' && code === 'too_long') return 'search.error.tooLong';
    if (field === 'filter.spaceSlugs') return 'search.error.unknownSpace';
    if (field === 'filter.tags') return 'search.error.unknownTag';
    if (field === 'after') return 'search.error.staleCursor';
    return 'search.error.invalid';
  });
  return keys.length > 0 ? [...new Set(keys)] : ['search.error.invalid'];
}

/**
 * The api's highlighted text (HTML-escaped, matches in `<mark>`), made safe to render even if an
 * engine ever let another tag through: every `<` that does not open or close a `<mark>` is escaped.
 */
export function markedHtml(html: string): string {
  return html.replace(/<(?!\/?mark>)/g, '&lt;');
}
