import type { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';
import { MAX_QUERY_COST, operationCost } from './query-limits';

/** Typed as Nest's Apollo driver expects it (its types come from Apollo's ES module build). */
type ApolloServerPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

// Apollo merges `extensions.http` into the response head; any Map of headers will do.
const status = (code: number, headers: [string, string][] = []) => ({ status: code, headers: new Map(headers) });

/** An error that ends the request with this HTTP status (Apollo reads `extensions.http`). */
function requestError(message: string, extensions: Record<string, unknown>, httpStatus: number, originalError?: Error): GraphQLError {
  return new GraphQLError(message, { originalError, extensions: { ...extensions, http: status(httpStatus) } });
}

/**
 * Checks an operation once it is parsed and validated, before anything runs: an estimated cost
 * within {@link MAX_QUERY_COST} (QUERY_TOO_COSTLY, HTTP 400).
 */
export function requestChecksPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const variables = request.variables ?? {};
          const cost = operationCost(document, request.operationName, variables, schema);
          if (cost > MAX_QUERY_COST) {
            throw requestError(
              `Query is too expensive (cost ${cost}; at most ${MAX_QUERY_COST}). Ask for fewer items or fewer searches at once.`,
              { code: 'QUERY_TOO_COSTLY', cost, maxCost: MAX_QUERY_COST },
              400,
            );
          }
        },
      };
    },
  };
}
