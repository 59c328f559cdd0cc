import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { DomainError, isUnavailable, RETRY_AFTER_SECONDS } from '../errors';
import type { Logger } from '../logger';

const KNOWN_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'CANCELLED',
]);

/** Details of limit errors that clients may read (which limit, and its value). */
const LIMIT_DETAILS = ['reason', 'cost', 'maxCost', 'maxDepth', 'maxRootFields', 'maxAliases'];

/**
 * The one place errors become answers: domain errors keep their code and field details, GraphQL's own
 * validation errors pass through, and anything unexpected is logged once and answered with a reference id.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown }).originalError ?? error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: {
          code: original.code,
          ...(original.fields.length > 0 ? { fields: original.fields } : {}),
          ...original.details,
        },
      };
    }
    if (isUnavailable(original)) {
      logger.warn('database unavailable', { error: original instanceof Error ? original.message : String(original), path: formatted.path });
      return {
        message: 'The service is temporarily unavailable. Please try again in a few seconds.',
        path: formatted.path,
        extensions: { code: 'UNAVAILABLE', retryAfterSeconds: RETRY_AFTER_SECONDS },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) {
      const details = Object.fromEntries(
        LIMIT_DETAILS.filter((key) => formatted.extensions?.[key] !== undefined).map((key) => [key, formatted.extensions![key]]),
      );
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...details } };
    }
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && !formatted.path) return formatted;
    const reference = randomUUID();
    logger.error('unexpected error', {
      reference,
      error: original instanceof Error ? original.stack : String(original),
      path: formatted.path,
    });
    return {
      message: `Something went wrong on our side (reference ${reference}).`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', reference },
    };
  };
}
