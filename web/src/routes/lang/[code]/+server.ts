import { error, redirect } from '@sveltejs/kit';
import { PUBLIC_URL } from '$app/env/private';
import { isLocale, LOCALE_COOKIE } from '#lib/i18n/locale.ts';
import { safeRedirectPath } from '#lib/paths.ts';
import type { RequestHandler } from './$types';

/** The language switcher's target: remembers the choice for a year and goes back. */
export const GET: RequestHandler = ({ params, url, cookies }) => {
  if (!isLocale(params.code)) error(404, 'Not found');
  cookies.set(LOCALE_COOKIE, params.code, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    httpOnly: true,
    sameSite: 'lax',
    secure: PUBLIC_URL.startsWith('https:'),
  });
  redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
};
