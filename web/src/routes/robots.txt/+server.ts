import { PUBLIC_URL } from '$app/env/private';
import { robotsTxt } from '#lib/server/discovery.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
  new Response(robotsTxt(PUBLIC_URL), {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
