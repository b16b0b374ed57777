// The graph exactly as the Neo4j store keeps it (write.ts, mapping.ts), read from any store a page
// at a time: property maps of nodes and the typed relationships, each with the Cypher that creates
// them in an empty database from `UNWIND ... AS p`. The Cypher dump (cypher.ts) writes the maps as
// literals; the copy into a live Neo4j (to-neo4j.ts) sends them as parameters.
import { RELATION_TYPES } from '../../graph-loaders/types.js';
import { docProps, effectProps } from '../store/neo4j/mapping.js';
import { evidenceProps } from '../store/neo4j/write.js';
import type { RelationType } from '../store/model.js';
import type { Store } from '../store/port.js';
import { documentPages, relationsOf, suppressed, PAGE, type ExportOptions } from './read.js';

export type NodeLabel = 'Document' | 'File' | 'Evidence' | 'Curation';

export type GraphPart =
  | { kind: 'nodes'; label: NodeLabel; rows: Record<string, unknown>[]; create: string }
  | { kind: 'relationships'; type: RelationType; rows: { from: string; to: string }[]; create: string };

export interface GraphPartOptions extends Pick<ExportOptions, 'id' | 'signal'> {
  /** Documents per page read from the store (default PAGE). */
  documentPage?: number;
  /** Evidence rows per page read from the store (default PAGE). */
  evidencePage?: number;
}

// Labels and relationship types are constants, never data.
const CREATE_NODE: Record<NodeLabel, string> = {
  Document: 'CREATE (d:Document) SET d = p',
  File: 'CREATE (f:File) SET f = p',
  Evidence: 'CREATE (e:Evidence) SET e = p',
  Curation: 'CREATE (c:Curation) SET c = p',
};

const createRelationship = (type: RelationType) => `MATCH (a:Document {id: p.from}), (b:Document {id: p.to}) CREATE (a)-[:${type}]->(b)`;

const nodes = (label: NodeLabel, rows: Record<string, unknown>[]): GraphPart => ({ kind: 'nodes', label, rows, create: CREATE_NODE[label] });

/**
 * The same creates for rows sent as lists of values in the order of `keys` (a list packs and
 * unpacks without the property names of every row). A null value sets no property, as with `SET x = p`.
 */
export function createFromLists(part: GraphPart, keys: readonly string[]): string {
  if (part.kind === 'relationships') return `UNWIND $rows AS r MATCH (a:Document {id: r[0]}), (b:Document {id: r[1]}) CREATE (a)-[:${part.type}]->(b)`;
  const props = keys.map((k, i) => `\`${k.replace(/`/g, '``')}\`: r[${i}]`).join(', ');
  return `UNWIND $rows AS r CREATE (:${part.label} {${props}})`;
}

const pagesOf = (options: GraphPartOptions) => ({ id: options.id, signal: options.signal, pageSize: options.documentPage ?? PAGE });

/** Documents (with their texts) and their files. */
export async function* documentParts(store: Store, options: GraphPartOptions = {}): AsyncIterable<GraphPart> {
  for await (const docs of documentPages(store, pagesOf(options))) {
    const texts = await store.texts(docs.map((d) => d.id));
    yield nodes('Document', docs.map((d, i) => ({ ...docProps(d, texts[i]), ...effectProps(d.effect, d.ambiguous), updatedAt: d.updatedAt ?? null })));
    yield nodes('File', docs.filter((d) => d.file).map((d) => ({ path: d.file, id: d.id, textHash: d.textHash })));
  }
}

/** Every evidence row, hidden ones included (marked suppressed), then the curations. */
export async function* evidenceParts(store: Store, options: GraphPartOptions = {}): AsyncIterable<GraphPart> {
  const hidden = await suppressed(store);
  for await (const rows of store.streamEvidence(options.evidencePage ?? PAGE)) {
    options.signal?.throwIfAborted();
    yield nodes('Evidence', rows.map((r) => evidenceProps(r, hidden)));
  }
  yield nodes('Curation', (await store.curations()).map((c) => ({ ...c })));
}

/** Typed relationships: one per visible (from, type, to), as the store projects them. They name documents, so they go after every document. */
export async function* relationshipParts(store: Store, options: GraphPartOptions = {}): AsyncIterable<GraphPart> {
  for await (const docs of documentPages(store, pagesOf(options))) {
    const relations = await relationsOf(store, docs);
    for (const type of RELATION_TYPES) {
      const rows = docs.flatMap((d, i) => relations[i].filter((r) => r.type === type).map((r) => ({ from: d.id, to: r.to })));
      yield { kind: 'relationships', type, rows, create: createRelationship(type) };
    }
  }
}

/**
 * Documents (with their texts) and files, then evidence, then curations, then the relationships:
 * every document exists before a relationship names it.
 */
export async function* neo4jGraphParts(store: Store, options: GraphPartOptions = {}): AsyncIterable<GraphPart> {
  yield* documentParts(store, options);
  yield* evidenceParts(store, options);
  yield* relationshipParts(store, options);
}
