// What every export reads: the graph a page at a time through the store's streaming reads,
// the visible relations of each page of documents, and the status of each on a date.
import { suppressedRelations } from '../domain/curation.js';
import { statusOn, type EffectStatusValue } from '../domain/effect.js';
import type { DocumentNode, EvidenceRow, RelationType } from '../store/model.js';
import { relationKey } from '../store/model.js';
import type { Store } from '../store/port.js';

export const PAGE = 500;

export interface ExportOptions {
  /** Status is computed on this date (YYYY-MM-DD). */
  asOf: string;
  /** Only this document (the ELI export of one document). */
  id?: string;
  /** Stops the walk between pages (a client that went away). */
  signal?: AbortSignal;
}

export function status(doc: DocumentNode, asOf: string): EffectStatusValue {
  return statusOn(doc.effect, asOf);
}

/** The documents, a page at a time (PAGE unless pageSize); one document when options.id is set. */
export async function* documentPages(store: Store, options: Pick<ExportOptions, 'id' | 'signal'> & { pageSize?: number }): AsyncIterable<DocumentNode[]> {
  if (options.id !== undefined) {
    const [doc] = await store.getDocuments([options.id]);
    if (doc) yield [doc];
    return;
  }
  for await (const page of store.streamDocuments(options.pageSize ?? PAGE)) {
    options.signal?.throwIfAborted();
    yield page;
  }
}

/** A relation as exports show it: one per (from, type, to), with the assertions behind it. */
export interface OutRelation {
  type: RelationType;
  to: string;
  rows: EvidenceRow[];
}

/** Visible relations from each document of a page, grouped, in a stable order. */
export async function relationsOf(store: Store, docs: readonly DocumentNode[]): Promise<OutRelation[][]> {
  const rows = await store.evidenceOf(docs.map((d) => d.id), 'OUT');
  return rows.map((list) => {
    const byKey = new Map<string, OutRelation>();
    for (const row of list) {
      const key = `${row.type}|${row.to}`;
      let rel = byKey.get(key);
      if (!rel) byKey.set(key, (rel = { type: row.type, to: row.to, rows: [] }));
      rel.rows.push(row);
    }
    return [...byKey.values()].sort((a, b) => (a.type + a.to < b.type + b.to ? -1 : a.type + a.to > b.type + b.to ? 1 : 0));
  });
}

/** Relations a person removed: their evidence stays in the graph, hidden. */
export async function suppressed(store: Store): Promise<Set<string>> {
  return suppressedRelations(await store.curations());
}

export function isVisible(row: EvidenceRow, hidden: Set<string>): boolean {
  return !hidden.has(relationKey(row.from, row.type, row.to));
}
