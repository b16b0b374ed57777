// The documents one GraphQL request has read, by id. A relation's target read together with the
// relation (evidenceWithDocuments) is answered from here with no second store call; any other
// document is batched with the rest of this tick into one getDocuments (DataLoader).
// Documents may be partial: every store read of the request passes `fields`, the union of what
// the request can read (fields.ts), so each document here carries all of that whichever call read it.
import DataLoader from 'dataloader';
import type { DocumentNode } from '../store/model.js';
import type { ReadFields, Store } from '../store/port.js';

export class RequestDocuments {
  private readonly seen = new Map<string, DocumentNode | null>();
  private readonly loader: DataLoader<string, DocumentNode | null>;
  /** What this request can read of documents and evidence (set before execution); undefined: whole reads. */
  fields: ReadFields | undefined;

  constructor(store: Store) {
    this.loader = new DataLoader(async (ids) => {
      const docs = await store.getDocuments(ids, this.fields);
      ids.forEach((id, i) => this.seen.set(id, docs[i]));
      return docs;
    });
  }

  /** Documents read by some other store call; `asked` ids not among them do not exist. */
  remember(docs: Iterable<DocumentNode | null>, asked: readonly string[] = []): void {
    for (const d of docs) if (d) this.seen.set(d.id, d);
    for (const id of asked) if (!this.seen.has(id)) this.seen.set(id, null);
  }

  /** The document at once when this request has read it, else a promise of it. */
  get(id: string | null | undefined): DocumentNode | null | Promise<DocumentNode | null> {
    if (!id) return null;
    const known = this.seen.get(id);
    return known !== undefined ? known : this.loader.load(id);
  }

  many(ids: readonly (string | null)[]): Promise<(DocumentNode | null)[]> {
    return Promise.all(ids.map((id) => this.get(id)));
  }
}
