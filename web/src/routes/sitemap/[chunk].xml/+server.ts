import { error } from '@sveltejs/kit';
import { API_URL, PUBLIC_URL } from '$app/env/private';
import { sitemapChunkStream, XML_HEADERS } from '#lib/server/discovery.ts';
import type { RequestHandler } from './$types';

/** One sitemap of at most 50,000 public threads, streamed as it is read. */
export const GET: RequestHandler = async ({ params }) => {
  if (!/^[1-9]\d{0,5}$/.test(params.chunk)) error(404, 'Not found');
  const stream = await sitemapChunkStream(API_URL, PUBLIC_URL, Number(params.chunk));
  if (!stream) error(404, 'Not found');
  return new Response(stream, { headers: XML_HEADERS('application/xml') });
};
