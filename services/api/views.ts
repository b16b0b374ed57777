// What resolvers hand to Mercurius loaders. Mercurius keys each loader call by serialising its
// parent object, and every loader's parent is a document (loaders.ts): these views of documents
// serialise to their id alone, so the key costs nothing however large the document. Evidence rows
// and relations are parents of plain resolvers only, so they pass through as they are.
import type { DocumentNode } from '../store/model.js';
import type { ChainStep, Store } from '../store/port.js';

// the fields are DocumentNode's (declaration merging); tests/api/views.test.ts checks each is copied
interface DocumentView extends DocumentNode {}
/**
 * A shallow copy of one class, not a view with the document as its prototype: every such view had
 * a prototype of its own, so field reads in the compiled query could not be cached (a page of 20
 * documents with relations: 3.4 against 3.6 ms of CPU). Field by field, not Object.assign, which
 * V8 runs 20× slower for 21 fields (5.7% of a document request's CPU at 1M). Fields a partial
 * read left out (ReadFields) are undefined here, as they were absent there.
 */
class DocumentView {
  constructor(d: DocumentNode) {
    this.id = d.id;
    this.symbol = d.symbol;
    this.symbolKey = d.symbolKey;
    this.type = d.type;
    this.issuer = d.issuer;
    this.issuedOn = d.issuedOn;
    this.issuedNotBefore = d.issuedNotBefore;
    this.effectiveFrom = d.effectiveFrom;
    this.expiresOn = d.expiresOn;
    this.title = d.title;
    this.place = d.place;
    this.locality = d.locality;
    this.term = d.term;
    this.stub = d.stub;
    this.ambiguous = d.ambiguous;
    this.candidates = d.candidates;
    this.consolidated = d.consolidated;
    this.file = d.file;
    this.textHash = d.textHash;
    this.effect = d.effect;
    this.updatedAt = d.updatedAt;
  }

  toJSON(): string {
    return this.id;
  }
}

const docView = (d: DocumentNode): DocumentNode => new DocumentView(d);

const maybeView = (d: DocumentNode | null): DocumentNode | null => (d ? docView(d) : null);

const stepViews = (steps: ChainStep[]): ChainStep[] => steps.map((s) => ({ ...s, document: docView(s.document) }));

/** The store as the API reads it: every document comes back as a view keyed by its id. */
export function viewStore(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      switch (prop) {
        case 'getDocuments':
          return async (...args: Parameters<Store['getDocuments']>) => (await target.getDocuments(...args)).map(maybeView);
        case 'documentsBySymbol':
          return async (...args: Parameters<Store['documentsBySymbol']>) => (await target.documentsBySymbol(...args)).map((list) => list.map(docView));
        case 'evidenceWithDocuments':
          return async (...args: Parameters<Store['evidenceWithDocuments']>) => {
            const found = await target.evidenceWithDocuments(...args);
            return { ...found, documents: found.documents.map(docView) };
          };
        case 'findDocuments':
          return async (...args: Parameters<Store['findDocuments']>) => {
            const page = await target.findDocuments(...args);
            return { ...page, items: page.items.map((i) => ({ ...i, document: docView(i.document) })) };
          };
        case 'findDocumentsWithEvidence':
          return async (...args: Parameters<Store['findDocumentsWithEvidence']>) => {
            const { page, evidence } = await target.findDocumentsWithEvidence(...args);
            // a page's documents come in both parts: one view each
            const views = new Map(page.items.map((i) => [i.document, docView(i.document)]));
            return {
              page: { ...page, items: page.items.map((i) => ({ ...i, document: views.get(i.document)! })) },
              evidence: { ...evidence, documents: evidence.documents.map((d) => views.get(d) ?? docView(d)) },
            };
          };
        case 'chains':
          return async (...args: Parameters<Store['chains']>) => (await target.chains(...args)).map(stepViews);
        case 'chainsWithDocuments':
          return async (...args: Parameters<Store['chainsWithDocuments']>) => {
            const found = await target.chainsWithDocuments(...args);
            return { steps: found.steps.map(stepViews), documents: found.documents.map(maybeView) };
          };
        default:
          return value.bind(target);
      }
    },
  });
}
