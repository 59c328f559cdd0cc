import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { graphqlPath } from '#lib/paths.ts';

/**
 * The browser's GraphQL calls, for enhancements only (everything a page needs comes from its
 * server load): JSON posts to the web's own `/graphql` route, which passes them on to the api
 * with the session. Resolves to the data, or `null` when the call failed in any way — an
 * enhancement then simply stays as it was.
 */
export async function browserGraphQL<TResult, TVariables>(
  operation: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  variables: TVariables,
  init: { signal?: AbortSignal; keepalive?: boolean; fetch?: typeof fetch } = {},
): Promise<TResult | null> {
  const doFetch = init.fetch ?? fetch;
  try {
    const response = await doFetch(graphqlPath(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: operation.toString(), variables }),
      credentials: 'same-origin',
      ...(init.signal ? { signal: init.signal } : {}),
      ...(init.keepalive ? { keepalive: true } : {}),
    });
    const payload: unknown = await response.json();
    if (typeof payload !== 'object' || payload === null) return null;
    const { data, errors } = payload as { data?: unknown; errors?: unknown };
    if (Array.isArray(errors) && errors.length > 0) return null;
    return typeof data === 'object' && data !== null ? (data as TResult) : null;
  } catch {
    return null;
  }
}
