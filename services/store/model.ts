// The graph as the store holds it: document nodes, and evidence rows that assert relations.
// A relation (from, type, to) exists while at least one visible evidence row asserts it.
import type { RelationType } from '../../graph-loaders/types.js';
import type { ResolutionHow } from '../../graph-loaders/resolve-types.js';

export type { RelationType };

export interface DocumentNode {
  id: string;
  symbol: string | null;
  /** symbolKey(symbol): the folded form used to find same-symbol documents. */
  symbolKey: string | null;
  type: string | null;
  issuer: string | null;
  issuedOn: string | null;
  issuedNotBefore: string | null;
  effectiveFrom: string | null;
  expiresOn: string | null;
  title: string | null;
  place: string | null;
  locality: string | null;
  term: string | null;
  /** Known only from references to it. */
  stub: boolean;
  /** An explicit ambiguous reference: the symbol names several documents; see candidates. */
  ambiguous: boolean;
  candidates: string[];
  consolidated: boolean;
  /** The file its text was loaded from (null for stubs). */
  file: string | null;
  /** Hash of the stored text, to tell a changed file from an unchanged one. */
  textHash: string | null;
  /** Effect summary, computed by services/domain/effect.ts; used to filter by status on a date. */
  effect: EffectSummary;
  /** When the node, its relations or its status last changed (set by the store). */
  updatedAt?: string | null;
}

/** The dates that decide a document's status on any date (see domain/effect.ts). */
export interface EffectSummary {
  /** Earliest date it can exist: its issue date, or the issuedNotBefore bound. */
  startsOn: string | null;
  startPresumed: boolean;
  /** Its own effective date when later than issue (Chưa có hiệu lực until then). */
  effectiveFrom: string | null;
  /** First day it is wholly out of effect: by a whole ending, or the day after its own end. */
  endsOn: string | null;
  endKind: 'SUPERSEDED' | 'EXPIRED' | null;
  endPresumed: boolean;
  /** Earliest date a partial ending takes effect. */
  partlyEndsOn: string | null;
}

export const EMPTY_EFFECT: EffectSummary = {
  startsOn: null,
  startPresumed: false,
  effectiveFrom: null,
  endsOn: null,
  endKind: null,
  endPresumed: false,
  partlyEndsOn: null,
};

/** One assertion of a relation, with its provenance. */
export interface EvidenceRow {
  /** Unique and stable across loads: source|start|end|type|from-ref|to-ref (or curation|id). */
  key: string;
  from: string;
  to: string;
  type: RelationType;
  /** Id of the asserting document, or "curation" for a person's correction. */
  source: string;
  quote: string;
  start: number | null;
  end: number | null;
  /** Loader rule that fired, or "curated". */
  rule: string;
  kind: string | null;
  scope: string | null;
  effectiveFrom: string | null;
  curated: boolean;
  author: string | null;
  at: string | null;
  reason: string | null;
  /** The reference as written (JSON ReferenceTarget), kept so it can be re-resolved when candidates change. */
  toRef: string | null;
  toHow: ResolutionHow | 'curated';
  fromRef: string | null;
  fromHow: ResolutionHow | 'curated';
}

export function relationKey(from: string, type: RelationType, to: string): string {
  return `${from}|${type}|${to}`;
}

/** A person's correction of the loader, kept in an audit log that outlives every re-load. */
export interface Curation {
  id: string;
  action: 'ADD' | 'REMOVE';
  from: string;
  to: string;
  type: RelationType;
  reason: string;
  author: string;
  at: string;
}

/** Everything one load (or one mutation) writes, applied atomically. */
export interface GraphBatch {
  /** Documents whose text is in this batch: they replace what was stored under their id. */
  documents: DocumentNode[];
  /** Documents named by references: created if missing, never overwrite a loaded one. */
  stubs: DocumentNode[];
  texts: { id: string; text: string }[];
  /** Files in this batch and the document each now holds; evidence those documents asserted before is replaced. */
  files: { file: string; id: string }[];
  evidence: EvidenceRow[];
  /** Old evidence rows whose undated reference now resolves elsewhere. */
  repoint: { key: string; from?: string; to?: string; toHow?: ResolutionHow; fromHow?: ResolutionHow }[];
  curations: Curation[];
  /** Evidence rows to delete by key (curated removal of a person's own addition, etc). */
  deleteEvidence: string[];
}

export function emptyBatch(): GraphBatch {
  return { documents: [], stubs: [], texts: [], files: [], evidence: [], repoint: [], curations: [], deleteEvidence: [] };
}

/** A relation as the API shows it: the pair, the type and every assertion of it. */
export interface Relation {
  key: string;
  from: string;
  to: string;
  type: RelationType;
  evidence: EvidenceRow[];
}

export function groupRelations(rows: EvidenceRow[]): Relation[] {
  const byKey = new Map<string, Relation>();
  for (const row of rows) {
    const key = relationKey(row.from, row.type, row.to);
    let rel = byKey.get(key);
    if (!rel) byKey.set(key, (rel = { key, from: row.from, to: row.to, type: row.type, evidence: [] }));
    rel.evidence.push(row);
  }
  return [...byKey.values()];
}
