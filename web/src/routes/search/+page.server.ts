import { NewestQuestionsDocument, SearchDocument } from '#lib/graphql/generated.ts';
import { isApiError } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/**
 * A small search page (the full one — snippets, facets, paging — is a later issue). Should the
 * api not offer `search` (an older api), the newest questions are shown with a notice instead.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  if (!q) return { q, questions: [], searchAvailable: true };

  try {
    const { search } = await locals.api.request(SearchDocument, { query: q, first: 20 });
    return { q, questions: search.edges.map((edge) => edge.node.question), searchAvailable: true };
  } catch (error) {
    if (!isApiError(error, 'GRAPHQL_VALIDATION_FAILED')) throw error;
  }
  const { questions } = await locals.api.request(NewestQuestionsDocument, { first: 20 });
  return { q, questions: questions.edges.map((edge) => edge.node), searchAvailable: false };
};
