import type { RequestEvent } from '@sveltejs/kit';

type CookieOptions = Parameters<RequestEvent['cookies']['set']>[2];

/**
 * Options of the web's `pd_session` cookie: httpOnly, SameSite=Lax, whole site, and `Secure`
 * exactly when the public URL is https (so a plain-http local run still keeps its session).
 */
export function sessionCookieOptions(publicUrl: string, maxAge?: number): CookieOptions & { path: string } {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https:'),
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}
