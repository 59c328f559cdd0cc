import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';
import { badInput, isUnavailable, RETRY_AFTER_SECONDS, type FieldError } from '../errors';
import { MAX_QUERY_COST, operationCost } from './query-limits';

/** Typed as Nest's Apollo driver expects it (its types come from Apollo's ES module build). */
type ApolloServerPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

const NUL = '\u0000';

const nulProblem = (field: string): FieldError => ({
  field,
  code: 'invalid_character',
  message: 'Text may not contain the NUL character (\\u0000).',
});

function literalProblems(value: ValueNode, path: string, problems: FieldError[]): void {
  if (value.kind === Kind.STRING && value.value.includes(NUL)) problems.push(nulProblem(path));
  else if (value.kind === Kind.LIST) value.values.forEach((item, i) => literalProblems(item, `${path}.${i}`, problems));
  else if (value.kind === Kind.OBJECT)
    for (const field of value.fields) literalProblems(field.value, `${path}.${field.name.value}`, problems);
}

function variableProblems(value: unknown, path: string, problems: FieldError[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) problems.push(nulProblem(path));
  } else if (Array.isArray(value)) value.forEach((item, i) => variableProblems(item, `${path}.${i}`, problems));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) variableProblems(item, `${path}.${key}`, problems);
}

/**
 * Text arguments containing NUL, named by argument path (`input.title`) or variable path. PostgreSQL
 * cannot store NUL in text, so every text input is checked here, once, before anything runs.
 */
export function nulInputProblems(document: DocumentNode, variables: Record<string, unknown>): FieldError[] {
  const problems = [...literalProblemsOf(document)];
  for (const [name, value] of Object.entries(variables)) variableProblems(value, name, problems);
  return problems;
}

/** Apollo keeps parsed documents and hands the same one to every request with that query, so its literals are read once. */
const literalProblemsByDocument = new WeakMap<DocumentNode, FieldError[]>();

function literalProblemsOf(document: DocumentNode): FieldError[] {
  const known = literalProblemsByDocument.get(document);
  if (known) return known;
  const problems: FieldError[] = [];
  visit(document, {
    Argument(node) {
      literalProblems(node.value, node.name.value, problems);
    },
    VariableDefinition(node) {
      if (node.defaultValue) literalProblems(node.defaultValue, node.variable.name.value, problems);
    },
  });
  literalProblemsByDocument.set(document, problems);
  return problems;
}

/**
 * Costs per document, like the literal checks above. A cost depends on the operation and on its
 * whole-number variables only (page sizes), so those make the key; at most a few per document.
 */
const costsByDocument = new WeakMap<DocumentNode, Map<string, number>>();
const COSTS_PER_DOCUMENT = 32;

function costOf(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  schema: GraphQLSchema,
): number {
  let costs = costsByDocument.get(document);
  if (!costs) costsByDocument.set(document, (costs = new Map()));
  let key = operationName ?? '';
  for (const name in variables) if (typeof variables[name] === 'number') key += `|${name}=${variables[name]}`;
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = operationCost(document, operationName, variables, schema);
    if (costs.size >= COSTS_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
  }
  return cost;
}

// Apollo merges `extensions.http` into the response head; any Map of headers will do.
const status = (code: number, headers: [string, string][] = []) => ({ status: code, headers: new Map(headers) });

/** An error that ends the request with this HTTP status (Apollo reads `extensions.http`). */
function requestError(message: string, extensions: Record<string, unknown>, httpStatus: number, originalError?: Error): GraphQLError {
  return new GraphQLError(message, { originalError, extensions: { ...extensions, http: status(httpStatus) } });
}

/** What a database outage while building the context (the session look-up) becomes: a retryable 503. */
export function unavailableContextError(error: unknown): unknown {
  if (!isUnavailable(error)) return error;
  return new GraphQLError('The service is temporarily unavailable.', {
    originalError: error instanceof Error ? error : undefined,
    extensions: { code: 'UNAVAILABLE', http: status(503, [['retry-after', String(RETRY_AFTER_SECONDS)]]) },
  });
}

/**
 * Checks an operation once it is parsed and validated, before anything runs: no NUL in any text
 * input (BAD_USER_INPUT, HTTP 400), and an estimated cost within {@link MAX_QUERY_COST}
 * (QUERY_TOO_COSTLY, HTTP 400). After the run, an answer with database-outage errors becomes
 * HTTP 503 with Retry-After, so clients (the web) know to try again.
 */
export function requestChecksPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const variables = request.variables ?? {};
          const problems = nulInputProblems(document, variables);
          if (problems.length > 0) {
            const error = badInput(problems);
            throw requestError(error.message, { code: 'BAD_USER_INPUT' }, 400, error);
          }
          const cost = costOf(document, request.operationName, variables, schema);
          if (cost > MAX_QUERY_COST) {
            throw requestError(
              `Query is too expensive (cost ${cost}; at most ${MAX_QUERY_COST}). Ask for fewer items or fewer searches at once.`,
              { code: 'QUERY_TOO_COSTLY', cost, maxCost: MAX_QUERY_COST },
              400,
            );
          }
        },
        async willSendResponse({ errors, response }) {
          if (errors?.some((error) => isUnavailable(error))) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}

/**
 * The api's Apollo plugins: the request checks, and cache hints turned off (nothing reads them;
 * computing them makes Apollo wrap every field resolver of every request).
 */
export function apolloPlugins(): ApolloServerPlugin[] {
  return [requestChecksPlugin(), ApolloServerPluginCacheControlDisabled() as unknown as ApolloServerPlugin];
}
