import {
  GraphQLError,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/** Fields nested deeper than this are refused. */
export const MAX_QUERY_DEPTH = 10;
/** The most estimated work one operation may ask for (see {@link operationCost}). */
export const MAX_QUERY_COST = 5_000;
/** Root fields (distinct response names) per operation: one request cannot fan out into many. */
export const MAX_ROOT_FIELDS = 20;
/** Aliased fields per operation, at any depth (the web's own operations use two). */
export const MAX_ALIASES = 30;

type Fragments = Record<string, FragmentDefinitionNode>;

function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Fragments = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/**
 * Fields selected in a selection set, with fragments inlined. Cycles are cut (validation reports
 * them): a fragment is not entered again below itself, however deep, so no walk here can recurse
 * forever on an invalid document.
 */
function* fieldsOf(
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  seen: ReadonlySet<string>,
): Generator<[FieldNode, ReadonlySet<string>]> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield [selection, seen];
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(selection.selectionSet, fragments, seen);
    else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      yield* fieldsOf(fragment.selectionSet, fragments, new Set([...seen, name]));
    }
  }
}

function depthOf(selectionSet: SelectionSetNode, fragments: Fragments, depth: number, max: number, seen: ReadonlySet<string>): number {
  let deepest = depth;
  if (depth > max) return depth; // no need to walk an absurd query to the end
  for (const [field, within] of fieldsOf(selectionSet, fragments, seen)) {
    if (!field.selectionSet) continue;
    deepest = Math.max(deepest, depthOf(field.selectionSet, fragments, depth + 1, max, within));
    if (deepest > max) return deepest;
  }
  return deepest;
}

const limitError = (message: string, node: OperationDefinitionNode, extensions: Record<string, unknown>): GraphQLError =>
  new GraphQLError(message, { nodes: [node], extensions });

/** Rejects documents nested deeper than `max` levels of fields. */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet, fragmentsOf(context.getDocument()), 1, max, new Set());
      if (depth > max) {
        context.reportError(
          limitError(`Query is nested too deeply (more than ${max} levels).`, node, { reason: 'QUERY_TOO_DEEP', maxDepth: max }),
        );
      }
    },
  });
}

/** Counts aliases below a selection set, stopping once `max` is passed. */
function aliasesOf(
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  seen: ReadonlySet<string>,
  max: number,
  counted = { n: 0 },
): number {
  for (const [field, within] of fieldsOf(selectionSet, fragments, seen)) {
    if (field.alias) counted.n += 1;
    if (counted.n > max) break;
    if (field.selectionSet) aliasesOf(field.selectionSet, fragments, within, max, counted);
  }
  return counted.n;
}

/**
 * Rejects operations that fan out: more than `maxRootFields` root fields (each may be a database
 * query of its own, and graphql-js runs them all at once) or more than `maxAliases` aliases.
 */
export function selectionLimits(maxRootFields: number, maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments = fragmentsOf(context.getDocument());
      const rootFields = new Set<string>();
      for (const [field] of fieldsOf(node.selectionSet, fragments, new Set())) {
        rootFields.add((field.alias ?? field.name).value);
        if (rootFields.size > maxRootFields) break;
      }
      if (rootFields.size > maxRootFields) {
        context.reportError(
          limitError(`An operation may select at most ${maxRootFields} root fields; send fewer or split them.`, node, {
            reason: 'TOO_MANY_ROOT_FIELDS',
            maxRootFields,
          }),
        );
        return;
      }
      if (aliasesOf(node.selectionSet, fragments, new Set(), maxAliases) > maxAliases) {
        context.reportError(
          limitError(`An operation may use at most ${maxAliases} aliases.`, node, { reason: 'TOO_MANY_ALIASES', maxAliases }),
        );
      }
    },
  });
}

/** The validation rules every HTTP operation passes besides GraphQL's own. */
export const requestLimitRules = [depthLimit(MAX_QUERY_DEPTH), selectionLimits(MAX_ROOT_FIELDS, MAX_ALIASES)];

function intArgument(field: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const argument = field.arguments?.find((a) => a.name.value === name);
  if (!argument) return undefined;
  const value: ValueNode = argument.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const raw = variables[value.name.value];
    return typeof raw === 'number' ? raw : undefined;
  }
  return undefined;
}

/** The price of a field itself, declared in the code-first schema with `complexity` (default 1). */
function ownCost(type: GraphQLNamedType | undefined, name: string): { cost: number; type: GraphQLNamedType | undefined } {
  if (!type || !(isObjectType(type) || isInterfaceType(type))) return { cost: 1, type: undefined };
  const field = type.getFields()[name];
  if (!field) return { cost: 1, type: undefined };
  const declared = field.extensions.complexity;
  return { cost: typeof declared === 'number' && declared > 0 ? declared : 1, type: getNamedType(field.type) };
}

/**
 * Estimates the work a query asks for: every field costs its declared price (1 unless it causes
 * database work of its own, such as search), and a field with a `first` argument multiplies the
 * cost of what it selects by that page size (default `defaultPage` for paged lists).
 */
function costOf(
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType | undefined,
  fragments: Fragments,
  variables: Record<string, unknown>,
  defaultPage: number,
  seen: ReadonlySet<string>,
): number {
  let cost = 0;
  for (const [field, within] of fieldsOf(selectionSet, fragments, seen)) {
    const own = ownCost(type, field.name.value);
    cost += own.cost;
    if (!field.selectionSet) continue;
    const first = intArgument(field, 'first', variables);
    const multiplier = first ?? (field.arguments?.some((a) => a.name.value === 'after') ? defaultPage : 1);
    cost += Math.max(1, multiplier) * costOf(field.selectionSet, own.type, fragments, variables, defaultPage, within);
  }
  return cost;
}

/** The cost of the operation that will run, or 0 when it cannot be found (validation reports that). */
export function operationCost(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  schema?: GraphQLSchema,
): number {
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName))
      operation ??= definition;
  }
  if (!operation) return 0;
  const root = schema?.getRootType(operation.operation) ?? undefined;
  return costOf(operation.selectionSet, root, fragmentsOf(document), variables, 20, new Set());
}
