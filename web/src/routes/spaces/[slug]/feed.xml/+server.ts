import { error } from '@sveltejs/kit';
import { API_URL, PUBLIC_URL } from '$app/env/private';
import { FeedQuestionsDocument, FeedSpaceDocument } from '#lib/graphql/generated.ts';
import { createTranslator } from '#lib/i18n/index.ts';
import { spacePath } from '#lib/paths.ts';
import { anonymousApi, feedItems, FEED_SIZE, XML_HEADERS } from '#lib/server/discovery.ts';
import { rssFeed } from '#lib/seo/xml.ts';
import type { RequestHandler } from './$types';

/** The newest public threads of a space as RSS 2.0. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
  const api = anonymousApi(API_URL, locals.requestId);
  const [{ space }, { questions }] = await Promise.all([
    api.request(FeedSpaceDocument, { slug: params.slug }),
    api.request(FeedQuestionsDocument, { first: FEED_SIZE, filter: { spaceSlug: params.slug } }),
  ]);
  if (!space) error(404, 'Not found');
  const t = createTranslator(locals.locale);
  const body = rssFeed({
    title: `${space.name} · ${t('site.name')}`,
    link: PUBLIC_URL + spacePath(space.slug),
    self: PUBLIC_URL + url.pathname,
    description: space.description || space.name,
    language: locals.locale,
    items: feedItems(
      PUBLIC_URL,
      questions.edges.map((edge) => edge.node),
    ),
  });
  return new Response(body, { headers: XML_HEADERS('application/rss+xml') });
};
