import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws';

let client: Client | null = null;

/** One socket per page, opened on the first subscription and closed by graphql-ws when the last one ends. */
function liveClient(): Client {
  client ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    lazyCloseTimeout: 5_000,
    // Servers restart and laptops sleep: keep trying, backing off, for as long as the page is open.
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
  return client;
}

/**
 * Live updates for the browser: runs a GraphQL subscription (a generated document, or its text)
 * and calls `onData` for every event. Returns the function that ends the subscription. Pages work
 * without it; it only spares the reader a reload.
 */
export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  operation: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  variables: TVariables,
  onData: (data: TResult) => void,
): () => void {
  return liveClient().subscribe<TResult>(
    { query: operation.toString(), variables },
    {
      next: (result) => {
        if (result.data) onData(result.data as TResult);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
}
