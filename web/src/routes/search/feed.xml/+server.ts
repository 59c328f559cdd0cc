import { error } from '@sveltejs/kit';
import { API_URL, PUBLIC_URL } from '$app/env/private';
import { FeedSearchDocument } from '#lib/graphql/generated.ts';
import { createTranslator } from '#lib/i18n/index.ts';
import { searchPath } from '#lib/paths.ts';
import { readSearch, toFilterInput } from '#lib/search.ts';
import { isApiError } from '#lib/server/api.ts';
import { anonymousApi, feedItems, FEED_SIZE, XML_HEADERS } from '#lib/server/discovery.ts';
import { rssFeed } from '#lib/seo/xml.ts';
import type { RequestHandler } from './$types';

/** The best public matches of a search (same query string as /search) as RSS 2.0. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const state = readSearch(url.searchParams);
  if (!state.q) error(404, 'Not found');
  const api = anonymousApi(API_URL, locals.requestId);
  let search;
  try {
    ({ search } = await api.request(FeedSearchDocument, { query: state.q, first: FEED_SIZE, filter: toFilterInput(state.filters) }));
  } catch (cause) {
    if (isApiError(cause, 'BAD_USER_INPUT')) error(400, 'Bad search');
    throw cause;
  }
  const t = createTranslator(locals.locale);
  const body = rssFeed({
    title: `${state.q} · ${t('site.name')}`,
    link: PUBLIC_URL + searchPath(state.q, state.filters),
    self: PUBLIC_URL + url.pathname + url.search,
    description: state.q,
    language: locals.locale,
    items: feedItems(
      PUBLIC_URL,
      search.edges.map((edge) => edge.node.question),
    ),
  });
  return new Response(body, { headers: XML_HEADERS('application/rss+xml') });
};
