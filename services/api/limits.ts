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

const estimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const first = typeof args.first === 'number' ? args.first : undefined;
  const depth = typeof args.maxDepth === 'number' ? args.maxDepth : undefined;
  const isList = /\[/.test(String(field.type));
  const many = first ?? depth ?? (isList ? (ASSUMED[field.name] ?? ASSUMED_LIST) : 1);
  return 1 + childComplexity * Math.max(1, many);
};

export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [estimator] });
}

export function assertAffordable(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, maxCost: number, operationName?: string): void {
  let cost: number;
  try {
    cost = queryCost(schema, document, variables, operationName);
  } catch (err) {
    throw badInput(`cannot cost this query: ${(err as Error).message}`);
  }
  if (cost > maxCost) throw badInput(`query costs ${cost}; the limit is ${maxCost}. Ask for fewer items (first, maxDepth) or fewer nested lists`);
}

export type { FieldNode };
