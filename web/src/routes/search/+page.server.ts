import { SearchDocument } from '#lib/graphql/generated.ts';
import { apiSearchSort, PAGE_SIZE, readSearch, searchProblems, toFilterInput } from '#lib/search.ts';
import { isApiError } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/**
 * Full-text search: highlighted hits, facet counts to narrow by space, tag and status, and cursor
 * pages, all in the URL (links and a GET form, so everything works without JavaScript), best match
 * first or reordered by date or votes (`?sort=`). A search
 * the api refuses (too long, an unknown space or tag, an outdated page link) is explained on the
 * page instead of failing it.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
  const state = readSearch(url.searchParams);
  if (!state.q) return { ...state, result: null, problems: [] };

  try {
    const { search } = await locals.api.request(SearchDocument, {
      query: state.q,
      first: PAGE_SIZE,
      after: state.after,
      filter: toFilterInput(state.filters),
      sort: apiSearchSort(state.sort),
    });
    return {
      ...state,
      result: {
        totalCount: search.totalCount,
        hits: search.edges.map((edge) => edge.node),
        endCursor: search.pageInfo.hasNextPage ? search.pageInfo.endCursor : null,
        facets: search.facets,
      },
      problems: [],
    };
  } catch (error) {
    if (!isApiError(error, 'BAD_USER_INPUT')) throw error;
    return { ...state, result: null, problems: searchProblems(error.fields) };
  }
};
