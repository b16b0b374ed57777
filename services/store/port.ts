// The store port. Two adapters implement it (embedded, Neo4j) and pass one contract suite
// (tests/contract). Domain rules live in services/domain; adapters only store and fetch.
import type { Candidate } from '../../graph-loaders/resolve-types.js';
import type { Curation, DocumentNode, EvidenceRow, GraphBatch, RelationType } from './model.js';
import type { StatusPredicate } from '../domain/effect.js';

export interface DocumentQuery {
  symbolKey?: string;
  type?: string;
  /** Case- and diacritic-insensitive substring of the issuer. */
  issuer?: string;
  issuedFrom?: string;
  issuedTo?: string;
  /** Full-text, folded: tokens must all match symbol, title or body. */
  text?: string;
  /** Structural predicate on the effect summary, made by domain/effect.ts. */
  status?: StatusPredicate;
  includeStubs?: boolean;
  /** Documents changed at or after this instant (ISO date-time). */
  changedSince?: string;
}

export interface DocumentPage {
  /** The page, in order, each document with the opaque cursor that continues after it. */
  items: { id: string; cursor: string; document: DocumentNode }[];
  totalCount: number;
  hasNextPage: boolean;
}

export type Direction = 'OUT' | 'IN';

export interface ChainStep {
  id: string;
  depth: number;
  /** The document this step was reached from. */
  parent: string;
  /** The document reached, read in the same walk. */
  document: DocumentNode;
  /** Evidence rows of the relation walked (SUPERSEDES, parent→id or id→parent). */
  via: EvidenceRow[];
  /** A further step exists beyond maxDepth. */
  truncated: boolean;
}

/**
 * Evidence rows with the documents asked about and every document the rows name (from, to, and
 * source, unless the read was limited to fields without it).
 */
export interface EvidenceWithDocuments {
  rows: EvidenceRow[][];
  documents: DocumentNode[];
}

/** Which relations of each page item to read with the page: one direction, some types or all. */
export interface RelationsAsked {
  direction: Direction;
  types?: readonly RelationType[];
}

/**
 * A page with its items' evidence: `evidence` is what evidenceWithDocuments returns for the page's
 * ids (rows one list per item, in page order; documents: the items and every document the rows name).
 */
export interface PageWithEvidence {
  page: DocumentPage;
  evidence: EvidenceWithDocuments;
}

/** Chains with the documents they start from, one per id (null where there is none). */
export interface ChainsWithDocuments {
  steps: ChainStep[][];
  documents: (DocumentNode | null)[];
}

/** A look-up key and the localities of the references that need its candidates (absent: all of them). */
export interface CandidateScope {
  key: string;
  localities?: readonly string[];
}

export interface Stats {
  documents: number;
  stubs: number;
  relations: number;
  evidence: number;
  byType: { key: string; count: number }[];
  byRelation: { key: string; count: number }[];
}

/** A walk of the whole graph, sorted, for tests, crash checks and exports. */
export interface GraphDump {
  documents: DocumentNode[];
  evidence: EvidenceRow[];
  curations: Curation[];
}

/** Document fields a read can be limited to; the id always comes. */
export type DocumentField = Exclude<keyof DocumentNode, 'id'>;

/** What ties an evidence row to its relation (and orders it): always read. */
export const EVIDENCE_KEYS = ['key', 'from', 'to', 'type'] as const;

/** Evidence fields a read can be limited to, beyond EVIDENCE_KEYS. */
export type EvidenceField = Exclude<keyof EvidenceRow, (typeof EVIDENCE_KEYS)[number]>;

/**
 * The fields a caller will read of what a read returns (the GraphQL API passes the union of what
 * one request can read: api/fields.ts). A store may then return documents and evidence rows that
 * carry only these fields, so that Neo4j reads only those properties; without it, reads are whole.
 */
export interface ReadFields {
  document: readonly DocumentField[];
  /**
   * Evidence fields beyond EVIDENCE_KEYS; null when the caller reads no evidence row at all, so a
   * chain step may come with `via` empty.
   */
  evidence: readonly EvidenceField[] | null;
}

export interface Store {
  readonly kind: 'embedded' | 'neo4j';

  // reads. Those that take `fields` may return partial documents and rows (ReadFields).
  getDocuments(ids: readonly string[], fields?: ReadFields): Promise<(DocumentNode | null)[]>;
  /** Visible evidence of relations touching the documents, one array per id. */
  evidenceOf(ids: readonly string[], direction: Direction, types?: readonly RelationType[]): Promise<EvidenceRow[][]>;
  /**
   * evidenceOf, plus in one read the documents asked about and every document the rows name (both
   * ends, the asserting one): what a document with its relations and their targets needs (one
   * round trip on Neo4j instead of three).
   */
  evidenceWithDocuments(ids: readonly string[], direction: Direction, types?: readonly RelationType[], fields?: ReadFields): Promise<EvidenceWithDocuments>;
  /** A page of matches; `count: false` lets a store skip counting them all (totalCount is then -1). */
  findDocuments(query: DocumentQuery, first: number, after: string | null, options?: { count?: boolean; fields?: ReadFields }): Promise<DocumentPage>;
  /**
   * findDocuments, plus in the same read evidenceWithDocuments of the page's ids: a page of documents
   * with their relations and targets (one round trip on Neo4j instead of two).
   */
  findDocumentsWithEvidence(
    query: DocumentQuery,
    first: number,
    after: string | null,
    relations: RelationsAsked,
    options?: { count?: boolean; fields?: ReadFields },
  ): Promise<PageWithEvidence>;
  documentsBySymbol(symbolKeys: readonly string[], fields?: ReadFields): Promise<DocumentNode[][]>;
  /** SUPERSEDES walks, one per id: OUT = older (what it replaced), IN = newer (what replaced it). */
  chains(ids: readonly string[], direction: Direction, maxDepth: number, fields?: ReadFields): Promise<ChainStep[][]>;
  /** chains, plus in the same read the documents they start from: a document with its chain (one round trip on Neo4j instead of two). */
  chainsWithDocuments(ids: readonly string[], direction: Direction, maxDepth: number, fields?: ReadFields): Promise<ChainsWithDocuments>;
  /** Shortest path over any relation type, either direction, up to maxDepth hops. */
  path(from: string, to: string, maxDepth: number): Promise<EvidenceRow[][] | null>;
  /** Stored texts, one per id (null for stubs). */
  texts(ids: readonly string[]): Promise<(string | null)[]>;
  stats(): Promise<Stats>;
  curations(): Promise<Curation[]>;
  dump(): Promise<GraphDump>;
  /** Every document (stubs and ambiguous placeholders too), in id order, a page at a time: exports read the graph without holding it. */
  streamDocuments(pageSize: number): AsyncIterable<DocumentNode[]>;
  /** Every evidence row (curated and suppressed too), in key order, a page at a time. */
  streamEvidence(pageSize: number): AsyncIterable<EvidenceRow[]>;

  // what the loader needs to resolve references against what is stored
  /**
   * Candidates filed under these look-up keys (a symbol key, or "#<number>"). A scope with
   * localities asks only for what references confined to those localities can use: candidates of
   * those localities or of none, every undated one, and up to three dated ones of other localities
   * (enough to tell one dated candidate from several). A store may return more, never less.
   */
  candidates(scopes: readonly (string | CandidateScope)[]): Promise<Candidate[]>;
  /**
   * Stored evidence whose reference was undated (or ambiguous), under these keys: a reference's
   * look-up key, or that key with its locality (keys.ts, refKeys and localKey). With `since`, rows
   * under a key it names are left out when their asserting document was issued before that date
   * (a candidate issued later cannot fit them). A store may return more, never less, and may leave
   * quotes empty: the loader reads the rows' keys and references only.
   */
  undatedEvidence(symbolKeys: readonly string[], since?: ReadonlyMap<string, string>): Promise<EvidenceRow[]>;
  fileHashes(files: readonly string[]): Promise<Map<string, { id: string; textHash: string | null }>>;

  // writes: one batch, all or nothing
  applyBatch(batch: GraphBatch): Promise<void>;

  /** Throws a StoreUnavailableError when the store cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A read ran past the store's time limit (Neo4j's transaction timeout): the client may narrow it or retry. */
export class QueryTimeoutError extends Error {
  readonly code = 'QUERY_TIMEOUT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueryTimeoutError';
  }
}

export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
