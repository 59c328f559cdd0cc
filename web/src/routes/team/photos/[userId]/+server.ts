import { error } from '@sveltejs/kit';
import { API_URL } from '$app/env/private';
import type { RequestHandler } from './$types';

/**
 * Staff photos, passed through from the api (the browser only talks to the web origin). The api stores
 * only images it re-encoded itself; its content type, caching and nosniff headers are kept.
 */
export const GET: RequestHandler = async ({ params, url, request, fetch }) => {
  if (!/^[1-9]\d{0,17}$/.test(params.userId)) error(404, 'Not found');
  const version = url.searchParams.get('v');
  const target = `${API_URL}/staff/photos/${params.userId}${version ? `?v=${encodeURIComponent(version)}` : ''}`;
  const ifNoneMatch = request.headers.get('if-none-match');
  const response = await fetch(target, { headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} });
  if (response.status === 404) error(404, 'Not found');
  if (response.status !== 200 && response.status !== 304) error(502, 'Photo unavailable');
  const headers = new Headers({ 'x-content-type-options': 'nosniff' });
  for (const name of ['content-type', 'cache-control', 'etag', 'content-security-policy']) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(response.status === 304 ? null : response.body, { status: response.status, headers });
};
