import { API_URL, PUBLIC_URL } from '$app/env/private';
import { sitemapIndexXml, XML_HEADERS } from '#lib/server/discovery.ts';
import type { RequestHandler } from './$types';

/** The sitemap index: one sitemap per 50,000 question ids, with the latest activity in each. */
export const GET: RequestHandler = async () =>
  new Response(await sitemapIndexXml(API_URL, PUBLIC_URL), { headers: XML_HEADERS('application/xml') });
