import { API_URL, PUBLIC_URL } from '$app/env/private';
import { FeedQuestionsDocument } from '#lib/graphql/generated.ts';
import { createTranslator } from '#lib/i18n/index.ts';
import { tagPath } from '#lib/paths.ts';
import { anonymousApi, feedItems, FEED_SIZE, XML_HEADERS } from '#lib/server/discovery.ts';
import { rssFeed } from '#lib/seo/xml.ts';
import type { RequestHandler } from './$types';

/** The newest public threads with a tag as RSS 2.0 (an unknown tag is an empty feed). */
export const GET: RequestHandler = async ({ params, locals, url }) => {
  const api = anonymousApi(API_URL, locals.requestId);
  const { questions } = await api.request(FeedQuestionsDocument, { first: FEED_SIZE, filter: { tag: params.slug } });
  const t = createTranslator(locals.locale);
  const body = rssFeed({
    title: `#${params.slug} · ${t('site.name')}`,
    link: PUBLIC_URL + tagPath(params.slug),
    self: PUBLIC_URL + url.pathname,
    description: `#${params.slug}`,
    language: locals.locale,
    items: feedItems(
      PUBLIC_URL,
      questions.edges.map((edge) => edge.node),
    ),
  });
  return new Response(body, { headers: XML_HEADERS('application/rss+xml') });
};
