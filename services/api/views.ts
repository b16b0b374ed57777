// What resolvers hand to Mercurius loaders. Mercurius keys each loader call by serialising its
// parent object; these copies serialise to their id alone, so the key costs nothing however large
// the document or the evidence behind it.
import type { DocumentNode, EvidenceRow, Relation } from '../store/model.js';
import { groupRelations } from '../store/model.js';
import type { Store } from '../store/port.js';

function keyed<T extends object>(o: T, key: string): T {
  // a view over the object, not a copy: a field the query never asks for is never read
  return Object.defineProperty(Object.create(o) as T, 'toJSON', { value: () => key, enumerable: false });
}

const docView = (d: DocumentNode | null): DocumentNode | null => (d ? keyed(d, d.id) : null);
const evidenceView = (r: EvidenceRow): EvidenceRow => keyed(r, r.key);

/** Relations of evidence rows, each a keyed copy. */
export function relationViews(rows: readonly EvidenceRow[]): Relation[] {
  return groupRelations(rows as EvidenceRow[]).map((r) => keyed(r, r.key));
}

/** The store as the API reads it: every document and evidence row comes back as a keyed copy. */
export function viewStore(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      switch (prop) {
        case 'getDocuments':
          return async (ids: readonly string[]) => (await target.getDocuments(ids)).map(docView);
        case 'documentsBySymbol':
          return async (keys: readonly string[]) => (await target.documentsBySymbol(keys)).map((list) => list.map((d) => docView(d)!));
        case 'evidenceWithDocuments':
          return async (...args: Parameters<Store['evidenceWithDocuments']>) => {
            const { rows, documents } = await target.evidenceWithDocuments(...args);
            return { rows: rows.map((list) => list.map(evidenceView)), documents: documents.map((d) => docView(d)!) };
          };
        case 'findDocuments':
          return async (...args: Parameters<Store['findDocuments']>) => {
            const page = await target.findDocuments(...args);
            return { ...page, items: page.items.map((i) => ({ ...i, document: docView(i.document)! })) };
          };
        case 'evidenceOf':
          return async (...args: Parameters<Store['evidenceOf']>) => (await target.evidenceOf(...args)).map((rows) => rows.map(evidenceView));
        case 'chains':
          return async (...args: Parameters<Store['chains']>) => (await target.chains(...args)).map((steps) => steps.map((s) => ({ ...s, document: docView(s.document)!, via: s.via.map(evidenceView) })));
        case 'path':
          return async (...args: Parameters<Store['path']>) => (await target.path(...args))?.map((hop) => hop.map(evidenceView)) ?? null;
        default:
          return value.bind(target);
      }
    },
  });
}
