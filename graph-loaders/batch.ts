// Resolved extractions → one graph batch: document nodes, stubs for what they name, and an
// evidence row per assertion (asserting document, quote, offsets, rule).
import { createHash } from 'node:crypto';
import { ambiguousId, parseDocumentId, symbolKey } from './ids.js';
import type { Candidate, CitingContext, ResolvedExtraction, ResolvedRelation, ResolvedTarget } from './resolve-types.js';
import { candidatesOf, mergeCandidates } from './resolve.js';
import type { DocumentIdentity, ReferenceTarget, RelationType } from './types.js';
import { RELATION_TYPES } from './types.js';
import type { DocumentNode, EvidenceRow, GraphBatch } from '../services/store/model.js';
import { EMPTY_EFFECT, emptyBatch } from '../services/store/model.js';
import { typeNameOfSymbol } from './type-codes.js';
import { mergeStub } from '../services/store/stubs.js';

export interface LoadedDocument {
  file: string;
  text: string;
  extraction: ResolvedExtraction;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function documentNode(identity: DocumentIdentity, file: string | null, hash: string | null): DocumentNode {
  return {
    id: identity.id,
    symbol: identity.symbol,
    symbolKey: identity.symbol ? symbolKey(identity.symbol) : null,
    type: identity.type ?? (identity.symbol ? typeNameOfSymbol(identity.symbol) : null),
    issuer: identity.issuer,
    issuedOn: identity.issuedOn,
    issuedNotBefore: identity.issuedNotBefore ?? null,
    effectiveFrom: identity.effectiveFrom ?? null,
    expiresOn: identity.expiresOn ?? null,
    title: identity.title,
    place: identity.place ?? null,
    locality: identity.locality ?? null,
    term: identity.term ?? null,
    stub: false,
    ambiguous: false,
    candidates: [],
    consolidated: identity.consolidated ?? false,
    file,
    textHash: hash,
    effect: EMPTY_EFFECT,
  };
}

/**
 * The node a reference stands for until (or unless) its own text is loaded. A dated stub is
 * described as its candidate is (`described`, merged over every dated reference to it), so the
 * store's candidate equals the one a load of all files at once would build. A reference resolved by
 * context names a known document and describes nothing; an undated or ambiguous one describes its
 * own stub.
 */
export function stubNode(target: ResolvedTarget, ref: ReferenceTarget | null, described?: Candidate): DocumentNode {
  const { symbol: idSymbol, date: idDate } = parseDocumentId(target.id);
  const symbol = target.symbol ?? ref?.symbol ?? idSymbol;
  const ambiguous = target.how === 'ambiguous';
  const about = target.how === 'only-candidate' || target.how === 'context' ? null : ref;
  return {
    ...documentNode(
      {
        id: ambiguous ? ambiguousId(symbol) : target.id,
        symbol,
        type: described ? (described.type ?? null) : (about?.type ?? typeNameOfSymbol(symbol)),
        issuer: described ? (described.issuer ?? null) : (about?.issuer ?? null),
        issuedOn: ambiguous ? null : (target.date ?? idDate),
        title: described ? (described.title ?? null) : (about?.subject ?? null),
        term: described ? (described.term ?? null) : (about?.term ?? null),
        locality: described?.locality ?? null,
      },
      null,
      null,
    ),
    stub: true,
    ambiguous,
    candidates: ambiguous ? [...(target.candidates ?? [])].sort() : [],
  };
}

/** Keep, per asserting document and pair, only the mentions that prove its strongest relation. */
function strongestPerPair(relations: ResolvedRelation[]): ResolvedRelation[] {
  const rank = (t: RelationType) => RELATION_TYPES.indexOf(t);
  const best = new Map<string, RelationType>();
  for (const r of relations) {
    const pair = `${r.fromId}\u0000${r.toId}`;
    const held = best.get(pair);
    if (!held || rank(r.type) < rank(held)) best.set(pair, r.type);
  }
  return relations.filter((r) => best.get(`${r.fromId}\u0000${r.toId}`) === r.type);
}

export function citingContext(identity: DocumentIdentity): CitingContext {
  return { issuedOn: identity.issuedOn, issuedNotBefore: identity.issuedNotBefore ?? null, locality: identity.locality ?? null, issuer: identity.issuer };
}

export function refJson(ref: ReferenceTarget | null, citing: CitingContext): string | null {
  return ref ? JSON.stringify({ ref: asWritten(ref), citing }) : null;
}

/**
 * The reference as the text wrote it: a date the resolver picked from candidates is not kept, or
 * the row would stay pinned to it when new candidates arrive, and a load would depend on whether
 * the candidate was in the same batch or already stored (loading twice changed the graph).
 */
function asWritten(ref: ReferenceTarget): ReferenceTarget {
  if (ref.dateSource !== 'resolved') return ref;
  const { dateSource: _resolved, ...written } = ref;
  return { ...written, date: null };
}

export function evidenceRow(source: DocumentIdentity, r: ResolvedRelation): EvidenceRow {
  const citing = citingContext(source);
  return {
    key: [source.id, r.start, r.end, r.type, r.fromWritten?.symbol ?? 'self', r.toWritten.symbol].join('|'),
    from: r.fromId,
    to: r.toId,
    type: r.type,
    source: source.id,
    quote: r.evidence,
    start: r.start,
    end: r.end,
    rule: r.rule,
    kind: r.kind ?? null,
    scope: r.scope ?? null,
    effectiveFrom: r.effectiveFrom ?? null,
    curated: false,
    author: null,
    at: null,
    reason: null,
    // kept only where the reference may resolve elsewhere later: undated, ambiguous or short
    toRef: r.toResolution.how === 'dated' ? null : refJson(r.toWritten, citing),
    toHow: r.toResolution.how,
    fromRef: r.fromResolution.how === 'dated' || r.fromResolution.how === 'self' ? null : refJson(r.fromWritten, citing),
    fromHow: r.fromResolution.how,
  };
}

/** One batch for a set of loaded documents. */
export function buildBatch(loaded: readonly LoadedDocument[]): GraphBatch {
  const batch = emptyBatch();
  const own = new Set(loaded.map((l) => l.extraction.document.id));
  const stubs = new Map<string, DocumentNode>();
  const described = new Map(mergeCandidates(loaded.flatMap((l) => candidatesOf(l.extraction))).map((c) => [c.id, c]));
  const addStub = (target: ResolvedTarget, ref: ReferenceTarget | null) => {
    if (target.how === 'self' || own.has(target.id)) return;
    const node = stubNode(target, ref, target.how === 'dated' ? described.get(target.id) : undefined);
    const held = stubs.get(node.id);
    stubs.set(node.id, held ? (mergeStub(held, node) ?? held) : node);
    // An ambiguous reference names every candidate: they exist as documents too.
    // (named by their own symbol: a short form's candidates carry different full symbols)
    for (const c of node.candidates) if (!own.has(c) && !stubs.has(c)) stubs.set(c, stubNode({ id: c, symbol: null, date: null, how: 'dated' }, null, described.get(c)));
  };
  for (const { file, text, extraction } of loaded) {
    const identity = extraction.document;
    batch.documents.push(documentNode(identity, file, textHash(text)));
    batch.texts.push({ id: identity.id, text });
    batch.files.push({ file, id: identity.id });
    const seen = new Set<string>();
    for (const r of strongestPerPair(extraction.relations)) {
      addStub(r.toResolution, r.to);
      addStub(r.fromResolution, r.from);
      const row = evidenceRow(identity, r);
      if (seen.has(row.key)) continue;
      seen.add(row.key);
      batch.evidence.push(row);
    }
  }
  batch.stubs = [...stubs.values()];
  return batch;
}
