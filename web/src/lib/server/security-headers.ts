// Security headers of every web response. Plain TypeScript without SvelteKit imports: used by the
// SvelteKit config (vite.config.ts), the `handle` hook and the production server (server.ts).

/** A CSP source as SvelteKit's `csp.directives` takes it: keywords unquoted (`self`), schemes with colon. */
type Source = 'self' | 'none' | 'unsafe-inline' | `${string}:`;

/**
 * The Content-Security-Policy of every page. SvelteKit adds a nonce (or, for prerendered pages, a
 * hash) to `script-src` for its own inline scripts, so no other inline script runs. Inline styles
 * stay allowed: Svelte transitions and `style=` attributes need them, and CSS cannot run code.
 * - images: the site itself only (staff photos come through /team/photos, post images through
 *   /uploads; the Markdown policy turns any other image into a link), so a post cannot make readers'
 *   browsers fetch from a tracker;
 * - connections: the site itself, which in CSP Level 3 includes ws:/wss: to the same host and port
 *   (live updates go through the web's /graphql relay);
 * - no plugins, no framing by any other page (one-click forms: vote, accept, claim, resolve),
 *   forms post and `<base>` points to the site only.
 */
export const CSP_DIRECTIVES = {
  'default-src': ['self'],
  'script-src': ['self'],
  'style-src': ['self', 'unsafe-inline'],
  'img-src': ['self'],
  'font-src': ['self'],
  'connect-src': ['self'],
  'object-src': ['none'],
  'base-uri': ['self'],
  'form-action': ['self'],
  'frame-ancestors': ['none'],
} satisfies Record<string, Source[]>;

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline']);

/** The policy as a header value, for responses SvelteKit sends without one (redirects, JSON, files, static error page). */
export function cspHeaderValue(directives: Record<string, readonly string[]> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources.map((source) => (KEYWORDS.has(source) ? `'${source}'` : source))].join(' '))
    .join('; ');
}

/** Whether the site is served over https (then browsers are told to keep to https: HSTS). */
export function isHttps(publicUrl: string | undefined): boolean {
  try {
    return new URL(publicUrl ?? '').protocol === 'https:';
  } catch {
    return false;
  }
}

/** The headers every response carries; `content-security-policy` only where the response has none of its own. */
export function securityHeaders(publicUrl: string | undefined): Record<string, string> {
  return {
    'content-security-policy': cspHeaderValue(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // For browsers without frame-ancestors.
    'x-frame-options': 'DENY',
    ...(isHttps(publicUrl) ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/**
 * Adds the security headers to a response's headers. A page's own Content-Security-Policy (with
 * SvelteKit's nonce) is kept; others are completed with the page policy.
 */
export function applySecurityHeaders(headers: Headers, publicUrl: string | undefined): void {
  for (const [name, value] of Object.entries(securityHeaders(publicUrl))) {
    if (name === 'content-security-policy' && headers.has(name)) continue;
    headers.set(name, value);
  }
}
