import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, CSP_DIRECTIVES, cspHeaderValue, securityHeaders } from './security-headers.ts';

/** A header value as a map of directive name to sources. */
function parseCsp(value: string): Map<string, string[]> {
  return new Map(
    value
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('Content-Security-Policy', () => {
  const csp = parseCsp(cspHeaderValue());

  it('runs no inline or foreign scripts and no plugins', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    for (const [name, sources] of csp) {
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain('*');
    }
  });

  it('forbids framing by any page and form posts elsewhere', () => {
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
  });

  it('allows what the pages need: same-site connections (live updates), images from the site only, inline styles', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('is the one SvelteKit is configured with', () => {
    expect(Object.keys(CSP_DIRECTIVES)).toEqual([...csp.keys()]);
  });
});

describe('securityHeaders', () => {
  it('sends nosniff, a referrer policy and no framing everywhere', () => {
    expect(securityHeaders('http://localhost:3000')).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
    });
  });

  it('sends HSTS only when the public URL is https', () => {
    expect(securityHeaders('https://community.example')['strict-transport-security']).toBe('max-age=31536000');
    for (const url of ['http://localhost:3000', 'http://community.example', '', undefined, 'not a url']) {
      expect(securityHeaders(url), String(url)).not.toHaveProperty('strict-transport-security');
    }
  });

  it("keeps a page's own policy (with SvelteKit's nonce) and completes other responses", () => {
    const page = new Headers({ 'content-security-policy': "script-src 'self' 'nonce-abc'" });
    applySecurityHeaders(page, 'https://community.example');
    expect(page.get('content-security-policy')).toBe("script-src 'self' 'nonce-abc'");
    expect(page.get('x-content-type-options')).toBe('nosniff');
    expect(page.get('strict-transport-security')).toBe('max-age=31536000');

    const redirect = new Headers({ location: '/' });
    applySecurityHeaders(redirect, 'http://localhost:3000');
    expect(redirect.get('content-security-policy')).toBe(cspHeaderValue());
    expect(redirect.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(redirect.has('strict-transport-security')).toBe(false);
  });
});
