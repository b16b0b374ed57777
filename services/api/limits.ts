// Bounds on what one request may ask: depth (a validation rule, cached with the query) and cost
// (checked before execution, since it depends on variables such as `first`). Introspection is
// free, so GraphiQL keeps working under both.
import type { ASTVisitor, FieldNode, GraphQLSchema, DocumentNode, ValidationContext, SelectionSetNode, FragmentDefinitionNode } from 'graphql';
import { GraphQLError, Kind } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { badInput } from './errors.js';

/** How many items a list without a `first` argument is assumed to hold when costing. */
const ASSUMED_LIST = 10;
const ASSUMED: Record<string, number> = {
  // a connection's edges are already counted by `first` on the connection
  edges: 1,
  evidence: 3,
  candidates: 3,
  sameSymbol: 3,
  endedBy: 3,
  reasons: 5,
  byType: 20,
  byStatus: 6,
  byRelation: 6,
};

function selectionDepth(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let depth = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__')) continue;
      depth = Math.max(depth, 1 + selectionDepth(s.selectionSet, fragments, seen));
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      depth = Math.max(depth, selectionDepth(s.selectionSet, fragments, seen));
    } else {
      const name = s.name.value;
      if (seen.has(name) || !fragments[name]) continue;
      depth = Math.max(depth, selectionDepth(fragments[name].selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return depth;
}

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    return {
      OperationDefinition(node) {
        const depth = selectionDepth(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`query is ${depth} levels deep; the limit is ${maxDepth}`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
        }
      },
    };
  };
}

/**
 * What a root field costs before what it returns: a filter or text search scans the index, a path
 * is a breadth-first walk. Without it, 2000 aliased text searches cost 2 each and passed (found by
 * the soak: one such request took 5 s and held every other client's p99 at 5 s).
 */
const ROOT_BASE: Record<string, number> = { documents: 50, path: 200, stats: 200, documentsBySymbol: 10, curations: 10 };

/** Tokens a query document may have (GraphiQL's introspection query has under 200). */
export const MAX_QUERY_TOKENS = 2000;

/** Root fields (aliases count) one operation may ask for: each is a query of its own. */
export const MAX_ROOT_FIELDS = 30;

const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const first = typeof args.first === 'number' ? args.first : undefined;
  const depth = typeof args.maxDepth === 'number' ? args.maxDepth : undefined;
  const isList = /\[/.test(String(field.type));
  const many = first ?? depth ?? (isList ? (ASSUMED[field.name] ?? ASSUMED_LIST) : 1);
  const base = type.name === 'Query' ? (ROOT_BASE[field.name] ?? 0) : 0;
  return 1 + base + childComplexity * Math.max(1, many);
};

/** Root fields of the operation, through fragments at the root. */
function rootFieldCount(document: DocumentNode, operationName?: string): number {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const ops = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  const count = (set: SelectionSetNode, seen: Set<string>): number =>
    set.selections.reduce((n, s) => {
      if (s.kind === Kind.FIELD) return n + (s.name.value.startsWith('__') ? 0 : 1);
      if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet, seen);
      if (seen.has(s.name.value) || !fragments[s.name.value]) return n;
      return n + count(fragments[s.name.value].selectionSet, new Set([...seen, s.name.value]));
    }, 0);
  return Math.max(0, ...ops.map((o) => count((o as { selectionSet: SelectionSetNode }).selectionSet, new Set())));
}

export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [estimator] });
}

/**
 * A cost depends on the query and on its Int and Boolean variables alone (first, maxDepth, @skip,
 * @include); ids, dates and filters do not change it. Mercurius hands the same parsed document to
 * every request with the same query text, so the cost is computed once per distinct query and counts.
 */
const costs = new WeakMap<DocumentNode, Map<string, number>>();
const MAX_COSTS_PER_QUERY = 64;

function countingVariables(document: DocumentNode, variables: Record<string, unknown> | undefined): string {
  const values: unknown[] = [];
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of d.variableDefinitions ?? []) {
      let type = v.type;
      while (type.kind !== Kind.NAMED_TYPE) type = type.type;
      if (type.name.value === 'Int' || type.name.value === 'Boolean') values.push(v.variable.name.value, variables?.[v.variable.name.value]);
    }
  }
  return JSON.stringify(values);
}

function cachedCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string): number {
  const key = `${operationName ?? ''}\u0000${countingVariables(document, variables)}`;
  let known = costs.get(document);
  const hit = known?.get(key);
  if (hit !== undefined) return hit;
  const cost = queryCost(schema, document, variables, operationName);
  if (!known || known.size >= MAX_COSTS_PER_QUERY) costs.set(document, (known = new Map()));
  known.set(key, cost);
  return cost;
}

export function assertAffordable(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, maxCost: number, operationName?: string): void {
  let cost: number;
  try {
    cost = cachedCost(schema, document, variables, operationName);
  } catch (err) {
    throw badInput(`cannot cost this query: ${(err as Error).message}`);
  }
  if (cost > maxCost) throw badInput(`query costs ${cost}; the limit is ${maxCost}. Ask for fewer items (first, maxDepth) or fewer nested lists`);
  const roots = rootFieldCount(document, operationName);
  if (roots > MAX_ROOT_FIELDS) throw badInput(`query asks for ${roots} root fields; the limit is ${MAX_ROOT_FIELDS}. Send fewer aliases per request`);
}

export type { FieldNode };
