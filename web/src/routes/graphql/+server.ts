import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

const MAX_BODY = 100_000;

/**
 * The browser's only way to the api: client-side enhancements post GraphQL here (same origin,
 * JSON only) and the web forwards the body with the session cookie, language and request id.
 * A session the api sets or clears is mirrored into the web's cookie like everywhere else.
 */
export const POST: RequestHandler = async ({ request, locals, url }) => {
  // JSON posts are not covered by SvelteKit's form CSRF check: only this origin may call.
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== url.origin) error(403, 'Cross-site GraphQL requests are forbidden');
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) error(415, 'GraphQL requests must be application/json');
  const body = await request.text();
  if (body.length > MAX_BODY) error(413, 'GraphQL request too large');

  const forwarded = await locals.api.forward(body);
  return new Response(forwarded.body, {
    status: forwarded.status,
    headers: { 'content-type': forwarded.contentType, 'cache-control': 'no-store' },
  });
};
