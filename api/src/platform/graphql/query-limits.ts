import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type OperationDefinitionNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;

function fragmentsOf(context: ValidationContext): Fragments {
  const fragments: Fragments = {};
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** Fields selected in a selection set, with fragments inlined (cycles are cut; they are invalid anyway). */
function* fieldsOf(selectionSet: SelectionSetNode, fragments: Fragments, seen: Set<string> = new Set()): Generator<FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(selection.selectionSet, fragments, seen);
    else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      yield* fieldsOf(fragment.selectionSet, fragments, new Set([...seen, name]));
    }
  }
}

function depthOf(selectionSet: SelectionSetNode, fragments: Fragments, depth: number, max: number): number {
  let deepest = depth;
  for (const field of fieldsOf(selectionSet, fragments)) {
    if (!field.selectionSet) continue;
    deepest = Math.max(deepest, depthOf(field.selectionSet, fragments, depth + 1, max));
    if (deepest > max) return deepest; // no need to walk an absurd query to the end
  }
  return deepest;
}

/** Rejects documents nested deeper than `max` levels of fields. */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet, fragmentsOf(context), 1, max);
      if (depth > max) {
        context.reportError(
          new GraphQLError(`Query is nested too deeply (${depth} levels; at most ${max} are allowed).`, {
            nodes: [node],
            extensions: { code: 'QUERY_TOO_DEEP', maxDepth: max },
          }),
        );
      }
    },
  });
}

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

/**
 * Estimates the work a query asks for: every field costs 1, and a field with a `first` argument
 * multiplies the cost of what it selects by that page size (default `defaultPage`).
 */
function costOf(selectionSet: SelectionSetNode, fragments: Fragments, variables: Record<string, unknown>, defaultPage: number): number {
  let cost = 0;
  for (const field of fieldsOf(selectionSet, fragments)) {
    cost += 1;
    if (!field.selectionSet) continue;
    const first = intArgument(field, 'first', variables);
    const multiplier = first ?? (field.arguments?.some((a) => a.name.value === 'after') ? defaultPage : 1);
    cost += Math.max(1, multiplier) * costOf(field.selectionSet, fragments, variables, defaultPage);
  }
  return cost;
}

/** The cost of the operation that will run, or 0 when it cannot be found (validation reports that). */
export function operationCost(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number {
  const fragments: Fragments = {};
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName))
      operation ??= definition;
  }
  return operation ? costOf(operation.selectionSet, fragments, variables, 20) : 0;
}
