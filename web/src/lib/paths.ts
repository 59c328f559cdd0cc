import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/**
 * URL helpers shared by routes and components. Every link goes through SvelteKit's `resolve()`
 * (typed against the app's routes, base-path aware); parameter values are URL-encoded here.
 */

const enc = encodeURIComponent;

export function questionPath(id: string, slug: string, hash?: string): ResolvedPathname {
  const params = slug ? { id: enc(id), slug: enc(slug) } : { id: enc(id) };
  return hash ? resolve(`/questions/[id]/[[slug]]#${hash}`, params) : resolve('/questions/[id]/[[slug]]', params);
}

export function questionEditPath(id: string): ResolvedPathname {
  return resolve('/questions/[id]/edit', { id: enc(id) });
}

export function answerEditPath(questionId: string, answerId: string): ResolvedPathname {
  return resolve('/questions/[id]/answers/[answerId]/edit', { id: enc(questionId), answerId: enc(answerId) });
}

/** A space page, optionally with a query string (status filter, cursor). */
export function spacePath(slug: string, query?: Record<string, string>): ResolvedPathname {
  const search = new URLSearchParams(query).toString();
  return search ? resolve(`/spaces/[slug]?${search}`, { slug: enc(slug) }) : resolve('/spaces/[slug]', { slug: enc(slug) });
}

export function userPath(id: string, query?: Record<string, string>): ResolvedPathname {
  const search = new URLSearchParams(query).toString();
  return search ? resolve(`/users/[id]?${search}`, { id: enc(id) }) : resolve('/users/[id]', { id: enc(id) });
}

/** The ask page, with a space preselected when asked from a space. */
export function askPath(spaceSlug?: string): ResolvedPathname {
  return spaceSlug ? resolve(`/ask?space=${enc(spaceSlug)}`) : resolve('/ask');
}

export function searchPath(q: string): ResolvedPathname {
  return resolve(`/search?q=${enc(q)}`);
}

/** The language switch: sets the `lang` cookie and comes back to `returnTo`. */
export function languagePath(code: string, returnTo: string): ResolvedPathname {
  return resolve(`/lang/[code]?redirectTo=${enc(returnTo)}`, { code: enc(code) });
}

/**
 * Where a question page must redirect to so that every question has one URL: `null` when the
 * requested slug already is the question's slug, else the canonical path (query string kept).
 */
export function canonicalQuestionRedirect(
  requested: { id: string; slug?: string | undefined },
  question: { id: string; slug: string },
  search = '',
): string | null {
  if ((requested.slug ?? '') === question.slug && requested.id === question.id) return null;
  return questionPath(question.id, question.slug) + search;
}

/**
 * A return path that is safe to redirect to after signing in: same-origin, absolute path only
 * (no `//host`, no `/\host`, no scheme, no control characters). Anything else gives `fallback`.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'http://peerdesk.invalid');
    if (url.origin !== 'http://peerdesk.invalid') return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

/** The sign-in (or sign-up) page, coming back to `returnTo` afterwards. */
export function signInPath(returnTo?: string, page: 'signin' | 'signup' = 'signin'): ResolvedPathname {
  const target = safeRedirectPath(returnTo, '/');
  if (target === '/') return page === 'signin' ? resolve('/signin') : resolve('/signup');
  return page === 'signin' ? resolve(`/signin?redirectTo=${enc(target)}`) : resolve(`/signup?redirectTo=${enc(target)}`);
}

/** The current page as a return path, without SvelteKit's `?/action` parameters. */
export function returnPath(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
  const search = params.toString();
  return url.pathname + (search ? `?${search}` : '');
}
