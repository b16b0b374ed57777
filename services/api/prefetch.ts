// Look-ahead for the commonest request, a document with its relations. The root resolver reads the
// document, its relations and their targets in one store call (one Cypher query on Neo4j), the way
// the Neo4j GraphQL library turns a request into one query; the relation loader then finds the
// rows here instead of asking the store again.
import { getArgumentValues, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { EvidenceRow, RelationType } from '../store/model.js';
import type { Direction } from '../store/port.js';
import { selectedFields } from './selection.js';

type Types = readonly RelationType[] | undefined;

const keyOf = (id: string, direction: Direction, types: Types) => `${direction}|${types?.length ? [...types].sort().join(',') : '*'}|${id}`;

/** Relations a root resolver read ahead, per document, direction and types; each taken once. */
export class RequestRelations {
  private readonly stash = new Map<string, EvidenceRow[]>();

  put(ids: readonly string[], direction: Direction, types: Types, rows: EvidenceRow[][]): void {
    ids.forEach((id, i) => this.stash.set(keyOf(id, direction, types), rows[i]));
  }

  take(id: string, direction: Direction, types: Types): EvidenceRow[] | undefined {
    const key = keyOf(id, direction, types);
    const rows = this.stash.get(key);
    this.stash.delete(key);
    return rows;
  }
}

/**
 * The types argument of `outgoing` under the field being resolved (a Document), or undefined when
 * the query does not ask for outgoing, or asks for it twice with different types.
 */
export function selectedOutgoing(info: GraphQLResolveInfo): { types: Types } | undefined {
  const nodes = selectedFields(info, 'outgoing');
  if (!nodes.length) return undefined;
  const field = (info.schema.getType('Document') as GraphQLObjectType).getFields().outgoing;
  const asked = nodes.map((n) => (getArgumentValues(field, n, info.variableValues).types as RelationType[] | null | undefined) ?? undefined);
  const keys = new Set(asked.map((t) => keyOf('', 'OUT', t)));
  return keys.size === 1 ? { types: asked[0] } : undefined;
}
