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

/** The versions of a question, or of one of its answers. */
export function revisionsPath(questionId: string, answerId?: string | null): ResolvedPathname {
  return answerId
    ? resolve('/questions/[id]/answers/[answerId]/revisions', { id: enc(questionId), answerId: enc(answerId) })
    : resolve('/questions/[id]/revisions', { id: enc(questionId) });
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

/** The leaderboard, optionally for one space and period (WEEK, MONTH, ALL_TIME). */
export function leaderboardPath(query: { space?: string; period?: string } = {}): ResolvedPathname {
  const params = new URLSearchParams();
  if (query.space) params.set('space', query.space);
  if (query.period) params.set('period', query.period);
  const search = params.toString();
  return search ? resolve(`/leaderboard?${search}`) : resolve('/leaderboard');
}

/** The ask page, with a space preselected when asked from a space and a title typed elsewhere (a search). */
export function askPath(prefill: { space?: string | undefined; title?: string | undefined } = {}): ResolvedPathname {
  const params = new URLSearchParams();
  if (prefill.space) params.set('space', prefill.space);
  if (prefill.title?.trim()) params.set('title', prefill.title.trim());
  const search = params.toString();
  return search ? resolve(`/ask?${search}`) : resolve('/ask');
}

/** Search filters as they appear in the URL: one space, any number of tags (all must match), one status. */
export interface SearchFilters {
  space?: string | null | undefined;
  tags?: readonly string[] | undefined;
  /** Lower case, as in the space pages' status tabs: open, answered, solved, closed. */
  status?: string | null | undefined;
  /** The search page's order (`newest`, `votes`); relevance is the default and stays out of the URL. */
  sort?: string | null | undefined;
}

/** The search page for `q` with filters and, for later pages, the cursor of the last hit seen. */
export function searchPath(q: string, filters: SearchFilters = {}, after?: string | null): ResolvedPathname {
  const params = new URLSearchParams({ q });
  if (filters.space) params.set('space', filters.space);
  for (const tag of filters.tags ?? []) params.append('tag', tag);
  if (filters.status) params.set('status', filters.status);
  if (filters.sort && filters.sort !== 'relevance') params.set('sort', filters.sort);
  if (after) params.set('after', after);
  return resolve(`/search?${params.toString()}`);
}

/** The web's GraphQL pass-through for the browser (same origin). */
export function graphqlPath(): ResolvedPathname {
  return resolve('/graphql');
}

/**
 * The question id in what a moderator pastes to name a question: an id (`123`, `#123`) or a link
 * to its page (`/questions/123/slug`, with or without host, query or hash). `null` for anything else.
 */
export function parseQuestionRef(value: string): string | null {
  let text = value.trim();
  // A link copied without its scheme: "peerdesk.example/questions/12/…"
  if (/^[\w-]+(\.[\w-]+)+(:\d+)?\//.test(text)) text = `https://${text}`;
  const bare = /^#?([1-9]\d{0,17})$/.exec(text);
  if (bare) return bare[1]!;
  let url: URL;
  try {
    url = new URL(text, 'http://peerdesk.invalid');
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const match = /^\/questions\/([1-9]\d{0,17})(?:\/[^/]*)?\/?$/.exec(url.pathname);
  return match ? match[1]! : null;
}

/** A link to another site as given by the api (an imported thread's original): http(s) only, else `null`. */
export function externalHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
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

const SITE = 'http://peerdesk.invalid';
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A path a browser would read as another host (`//host`, `/\\host`), however it is spelled. */
const OTHER_HOST = /^[\\/]{2}|^\/[\\/]/;

/**
 * A return path that is safe to redirect to after signing in: same-origin, absolute path only.
 * Rejected are a scheme, control characters, and any path that is or normalises to a
 * protocol-relative or backslash URL, also after dot segments are resolved (`/.//host`) and
 * after percent-decoding (`/%2f%2fhost`, `/%5chost`). Anything else gives `fallback`.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || value.length > 2000) return fallback;
  if (!value.startsWith('/') || OTHER_HOST.test(value) || CONTROL.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE) return fallback;
  // Resolving dot segments can leave `//host` (`/.//host`); decoding can reveal it (`/%2f%2fhost`).
  let path = url.pathname;
  for (let round = 0; round < 4; round += 1) {
    if (OTHER_HOST.test(path) || CONTROL.test(path)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return fallback;
    }
    if (decoded === path) break;
    if (OTHER_HOST.test(decoded) || CONTROL.test(decoded)) return fallback;
    try {
      const resolved = new URL(decoded, SITE);
      if (resolved.origin !== SITE) return fallback;
      path = resolved.pathname;
    } catch {
      return fallback;
    }
  }
  return url.pathname + url.search + url.hash;
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

/** The moderation review queue (staff and leaders), optionally at a later page. */
export function reviewQueuePath(after?: string | null): ResolvedPathname {
  return after ? resolve(`/review?${new URLSearchParams({ after }).toString()}`) : resolve('/review');
}

/** The audit log (staff), with its filters and cursor in the query string. */
export function auditLogPath(query: Record<string, string> = {}): ResolvedPathname {
  const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== '')).toString();
  return search ? resolve(`/audit?${search}`) : resolve('/audit');
}

/** A staff member's photo at a given version (the version makes the URL cacheable for good). */
export function staffPhotoPath(userId: string, version: string): ResolvedPathname {
  return resolve(`/team/photos/[userId]?${new URLSearchParams({ v: version }).toString()}`, { userId: enc(userId) });
}

/** The public "who answers here" page. */
export function teamPath(): ResolvedPathname {
  return resolve('/team');
}

/** The built-in imprint and privacy pages (they forward to the configured ones, if any). */
export function imprintPath(): ResolvedPathname {
  return resolve('/imprint');
}

export function privacyPath(): ResolvedPathname {
  return resolve('/privacy');
}

/** A staff member's own face: real name and photo. */
export function staffProfilePath(query: Record<string, string> = {}): ResolvedPathname {
  const search = new URLSearchParams(query).toString();
  return search ? resolve(`/team/profile?${search}`) : resolve('/team/profile');
}

/** The queue of staff reply drafts waiting for four-eyes review, at a later page or after a decision. */
export function staffReviewsPath(query: { after?: string | null; done?: string } = {}): ResolvedPathname {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return search ? resolve(`/console/reviews?${search}`) : resolve('/console/reviews');
}

export function staffDraftPath(id: string, query: Record<string, string> = {}): ResolvedPathname {
  const search = new URLSearchParams(query).toString();
  return search ? resolve(`/console/reviews/[id]?${search}`, { id: enc(id) }) : resolve('/console/reviews/[id]', { id: enc(id) });
}

/** The agent console's queue, with its filters in the query string. */
export function consolePath(query: Record<string, string> = {}): ResolvedPathname {
  const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== '')).toString();
  return search ? resolve(`/console?${search}`) : resolve('/console');
}

/** One escalation in the agent console, optionally at a section (`#conversation`). */
export function consoleEscalationPath(id: string, hash?: string): ResolvedPathname {
  return hash ? resolve(`/console/escalations/[id]#${hash}`, { id: enc(id) }) : resolve('/console/escalations/[id]', { id: enc(id) });
}

/** Admins: teams, opening hours, SLA targets and members. */
export function adminTeamsPath(hash?: string): ResolvedPathname {
  return hash ? resolve(`/admin/teams#${hash}`) : resolve('/admin/teams');
}

/** Admins: four-eyes review per space, the staff allowed to publish directly, and the report of bypasses. */
export function reviewSettingsPath(): ResolvedPathname {
  return resolve('/console/reviews/settings');
}

/** A person's id from a profile link ("/users/12", with or without host) or a bare number. */
export function parseUserRef(value: string): string | null {
  const match = /^(?:.*\/users\/)?#?([1-9]\d{0,17})(?:[/?#].*)?$/.exec(value.trim());
  return match ? match[1]! : null;
}

/** The RSS feed of a space's newest public threads. */
export function spaceFeedPath(slug: string): ResolvedPathname {
  return resolve('/spaces/[slug]/feed.xml', { slug: enc(slug) });
}

/** The RSS feed of the newest public threads with a tag. */
export function tagFeedPath(slug: string): ResolvedPathname {
  return resolve('/tags/[slug]/feed.xml', { slug: enc(slug) });
}

/** The RSS feed of a search (same query and filters as the search page, no cursor). */
export function searchFeedPath(q: string, filters: SearchFilters = {}): ResolvedPathname {
  const params = new URLSearchParams({ q });
  if (filters.space) params.set('space', filters.space);
  for (const tag of filters.tags ?? []) params.append('tag', tag);
  if (filters.status) params.set('status', filters.status);
  return resolve(`/search/feed.xml?${params.toString()}`);
}

/** Query values as they appear in browsing URLs; empty values are left out. */
function browseQuery(query: Record<string, string | null | undefined>): string {
  return new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1])).toString();
}

/** All questions, with sort, filters (space, tag, status) and cursor in the query string. */
export function questionsPath(query: Record<string, string | null | undefined> = {}): ResolvedPathname {
  const search = browseQuery(query);
  return search ? resolve(`/questions?${search}`) : resolve('/questions');
}

/** Every tag with its question count, most used first. */
export function tagsPath(): ResolvedPathname {
  return resolve('/tags');
}

/** The questions with one tag, with sort, status and cursor in the query string. */
export function tagPath(slug: string, query: Record<string, string | null | undefined> = {}): ResolvedPathname {
  const search = browseQuery(query);
  return search ? resolve(`/tags/[slug]?${search}`, { slug: enc(slug) }) : resolve('/tags/[slug]', { slug: enc(slug) });
}

/** The user directory, with the name filter and cursor in the query string. */
export function usersPath(query: Record<string, string | null | undefined> = {}): ResolvedPathname {
  const search = browseQuery(query);
  return search ? resolve(`/users?${search}`) : resolve('/users');
}
