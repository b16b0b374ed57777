// Look-ahead for the commonest requests, a document or a page of documents with their relations,
// or a document with its supersession chain. The root resolver reads the documents with their
// relations and their targets (or with its chain) in one store call (one Cypher query on Neo4j),
// the way the Neo4j GraphQL library turns a request into one query; the loader then finds the rows
// or steps here instead of asking the store again.
import { getArgumentValues, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { EvidenceRow, RelationType } from '../store/model.js';
import type { ChainStep, Direction } from '../store/port.js';
import { selectedFields } from './selection.js';

type Types = readonly RelationType[] | undefined;

const keyOf = (id: string, direction: Direction, types: Types) => `${direction}|${types?.length ? [...types].sort().join(',') : '*'}|${id}`;

/** A value read ahead is used by one loader call only: a second asks the store as before. */
function takeOnce<T>(stash: Map<string, T>, key: string): T | undefined {
  const value = stash.get(key);
  stash.delete(key);
  return value;
}

/** Relations (per document, direction and types) and chain walks a root resolver read ahead; each taken once. */
export class RequestRelations {
  private readonly stash = new Map<string, EvidenceRow[]>();
  private readonly chains = new Map<string, ChainStep[]>();

  put(ids: readonly string[], direction: Direction, types: Types, rows: EvidenceRow[][]): void {
    ids.forEach((id, i) => this.stash.set(keyOf(id, direction, types), rows[i]));
  }

  take(id: string, direction: Direction, types: Types): EvidenceRow[] | undefined {
    return takeOnce(this.stash, keyOf(id, direction, types));
  }

  /** Chain walks read ahead, per document, direction and depth; each taken once. */
  putChain(id: string, direction: Direction, maxDepth: number, steps: ChainStep[]): void {
    this.chains.set(`${direction}|${maxDepth}|${id}`, steps);
  }

  takeChain(id: string, direction: Direction, maxDepth: number): ChainStep[] | undefined {
    return takeOnce(this.chains, `${direction}|${maxDepth}|${id}`);
  }
}

/**
 * The types argument of `outgoing` under the field being resolved (a Document), or under the
 * documents at `under` below it (a page's edges.node), or undefined when the query does not ask
 * for outgoing, or asks for it twice with different types.
 */
export function selectedOutgoing(info: GraphQLResolveInfo, under: readonly string[] = []): { types: Types } | undefined {
  const nodes = selectedFields(info, 'outgoing', under);
  if (!nodes.length) return undefined;
  const field = (info.schema.getType('Document') as GraphQLObjectType).getFields().outgoing;
  const asked = nodes.map((n) => (getArgumentValues(field, n, info.variableValues).types as RelationType[] | null | undefined) ?? undefined);
  const keys = new Set(asked.map((t) => keyOf('', 'OUT', t)));
  return keys.size === 1 ? { types: asked[0] } : undefined;
}

export type ChainDirection = 'NEWER' | 'OLDER' | 'BOTH';

/** The store walks a chain direction takes: NEWER follows SUPERSEDES in, OLDER out. */
export function chainWalks(direction: ChainDirection): ['IN' | 'OUT', 'NEWER' | 'OLDER'][] {
  const walks: ['IN' | 'OUT', 'NEWER' | 'OLDER'][] = [];
  if (direction !== 'OLDER') walks.push(['IN', 'NEWER']);
  if (direction !== 'NEWER') walks.push(['OUT', 'OLDER']);
  return walks;
}

/**
 * The arguments of `supersessionChain` under the field being resolved (a Document), or undefined
 * when the query does not ask for it, asks for it twice with different arguments, or with a depth
 * the store refuses (the loader then reports that on the field, as it always has).
 */
export function selectedChain(info: GraphQLResolveInfo): { direction: ChainDirection; maxDepth: number } | undefined {
  const nodes = selectedFields(info, 'supersessionChain');
  if (!nodes.length) return undefined;
  const field = (info.schema.getType('Document') as GraphQLObjectType).getFields().supersessionChain;
  const asked = nodes.map((n) => getArgumentValues(field, n, info.variableValues) as { direction: ChainDirection; maxDepth: number });
  if (new Set(asked.map((a) => `${a.direction}|${a.maxDepth}`)).size !== 1) return undefined;
  const { direction, maxDepth } = asked[0];
  return Number.isInteger(maxDepth) && maxDepth >= 1 && maxDepth <= 100 ? { direction, maxDepth } : undefined;
}
