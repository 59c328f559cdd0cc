import { defineEnvVars } from '@sveltejs/kit/env';

/** Parses an absolute http(s) URL and returns it without a trailing slash. */
function httpUrl(name: string, fallback: string) {
  return (value: string | undefined): string => {
    const raw = value?.trim() || fallback;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`${name} must be an absolute URL, got "${raw}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`${name} must use http or https, got "${raw}"`);
    }
    return url.href.replace(/\/+$/, '');
  };
}

/** Like httpUrl, but optional: unset or empty gives undefined. */
function optionalHttpUrl(name: string) {
  return (value: string | undefined): string | undefined => (value?.trim() ? httpUrl(name, '')(value) : undefined);
}

export const variables = defineEnvVars({
  API_URL: {
    description: 'Base URL of the Peerdesk API; GraphQL is posted to `${API_URL}/graphql`.',
    schema: httpUrl('API_URL', 'http://127.0.0.1:4000'),
  },
  PUBLIC_URL: {
    description: 'The URL people use to reach the web app (origin for CSRF checks, canonical links, secure cookies when https).',
    schema: httpUrl('PUBLIC_URL', `http://localhost:${process.env.PORT || 3000}`),
  },
  PUBLIC_IMPRINT_URL: {
    description:
      'The operator’s imprint (legal notice), linked in the footer. Unset: the built-in /imprint page asks the operator to set it.',
    public: true,
    schema: optionalHttpUrl('PUBLIC_IMPRINT_URL'),
  },
  PUBLIC_PRIVACY_URL: {
    description: 'The operator’s privacy policy, linked in the footer. Unset: the built-in /privacy page asks the operator to set it.',
    public: true,
    schema: optionalHttpUrl('PUBLIC_PRIVACY_URL'),
  },
});
