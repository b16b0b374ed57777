// What every resolver and loader receives.
import type { Config } from '../config.js';
import type { Store } from '../store/port.js';
import type { RequestDocuments } from './documents.js';
import type { RequestRelations } from './prefetch.js';

export interface ApiContext {
  store: Store;
  config: Config;
  /** Name bound to the bearer token of this request, or null. */
  author: string | null;
  /** Documents this request has read: relation ends and chain steps come from here. */
  documents: RequestDocuments;
  /** Relations and chain walks a root resolver read ahead with its document. */
  relations: RequestRelations;
}

/** Chain walks shown as the API's ChainLink. */
export interface ChainLinkView {
  documentId: string;
  depth: number;
  direction: 'NEWER' | 'OLDER';
  via: import('../store/model.js').Relation;
  truncated: boolean;
}

declare module 'mercurius' {
  // Mercurius merges what context() returns into its own context type.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface MercuriusContext extends ApiContext {}
}
