// Document and evidence ↔ Neo4j properties. Nested values (the effect summary) are flattened,
// because Neo4j properties hold scalars and lists only.
import { stripDiacritics } from '../../../graph-loaders/ids.js';
import { foldTokens } from '../../domain/search.js';
import { numberKey } from '../keys.js';
import type { DocumentNode, EffectSummary, EvidenceRow } from '../model.js';

/** Properties returned for a document (never the body: texts() fetches it on demand). */
export const DOC_FIELDS = [
  'id', 'symbol', 'symbolKey', 'type', 'issuer', 'issuedOn', 'issuedNotBefore', 'effectiveFrom', 'expiresOn', 'title',
  'place', 'locality', 'term', 'stub', 'ambiguous', 'candidates', 'consolidated', 'file', 'textHash', 'updatedAt',
  'effStartsOn', 'effStartPresumed', 'effEffectiveFrom', 'effEndsOn', 'effEndKind', 'effEndPresumed', 'effPartlyEndsOn',
] as const;

/**
 * A document variable's properties as a Cypher list in DOC_FIELDS order, e.g. [d.id, d.symbol, ...].
 * Built from constants only. A list, not a map: Bolt sends a map's keys again with every record,
 * and decoding them took half the driver's CPU on a page of 20 documents with their relations.
 */
export function docProjection(v: string): string {
  return `[${DOC_FIELDS.map((f) => `${v}.${f}`).join(', ')}]`;
}

/** Values in the order of `fields` back into an object keyed by field. */
function byField(fields: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) p[fields[i]] = values[i];
  return p;
}

export const EVIDENCE_FIELDS = [
  'key', 'from', 'to', 'type', 'source', 'quote', 'start', 'end', 'rule', 'kind', 'scope', 'effectiveFrom', 'curated',
  'author', 'at', 'reason', 'toRef', 'toHow', 'fromRef', 'fromHow',
] as const;

/** An evidence variable's properties as a list in EVIDENCE_FIELDS order (see docProjection). */
export function evidenceProjection(v: string): string {
  return `[${EVIDENCE_FIELDS.map((f) => `${v}.${f}`).join(', ')}]`;
}

export const fold = (s: string | null | undefined) => (s ? stripDiacritics(s).toLowerCase() : null);

export function effectProps(e: EffectSummary): Record<string, unknown> {
  return {
    effStartsOn: e.startsOn,
    effStartPresumed: e.startPresumed,
    effEffectiveFrom: e.effectiveFrom,
    effEndsOn: e.endsOn,
    effEndKind: e.endKind,
    effEndPresumed: e.endPresumed,
    effPartlyEndsOn: e.partlyEndsOn,
  };
}

/** Properties written for a document node (effect and updatedAt are written by the effect refresh). */
export function docProps(d: DocumentNode, body: string | null): Record<string, unknown> {
  return {
    id: d.id,
    symbol: d.symbol,
    symbolKey: d.symbolKey,
    numberKey: numberKey(d.symbol),
    type: d.type,
    typeKey: fold(d.type),
    issuer: d.issuer,
    issuerKey: fold(d.issuer),
    issuedOn: d.issuedOn,
    issuedNotBefore: d.issuedNotBefore,
    effectiveFrom: d.effectiveFrom,
    expiresOn: d.expiresOn,
    title: d.title,
    place: d.place,
    locality: d.locality,
    term: d.term,
    stub: d.stub,
    ambiguous: d.ambiguous,
    candidates: d.candidates,
    consolidated: d.consolidated,
    file: d.file,
    textHash: d.textHash,
    searchHead: foldTokens([d.symbol, d.type, d.title, d.issuer].filter(Boolean).join(' ')).join(' '),
    body,
  };
}

/** What docProjection and evidenceProjection return: values in field order. */
export type Projected = readonly unknown[];

/** A document from the list docProjection returns. */
export function toDocument(values: Projected): DocumentNode {
  const p = byField(DOC_FIELDS, values);
  const s = (k: string) => (p[k] ?? null) as string | null;
  return {
    id: p.id as string,
    symbol: s('symbol'),
    symbolKey: s('symbolKey'),
    type: s('type'),
    issuer: s('issuer'),
    issuedOn: s('issuedOn'),
    issuedNotBefore: s('issuedNotBefore'),
    effectiveFrom: s('effectiveFrom'),
    expiresOn: s('expiresOn'),
    title: s('title'),
    place: s('place'),
    locality: s('locality'),
    term: s('term'),
    stub: Boolean(p.stub),
    ambiguous: Boolean(p.ambiguous),
    candidates: (p.candidates as string[] | null) ?? [],
    consolidated: Boolean(p.consolidated),
    file: s('file'),
    textHash: s('textHash'),
    updatedAt: s('updatedAt'),
    effect: {
      startsOn: s('effStartsOn'),
      startPresumed: Boolean(p.effStartPresumed),
      effectiveFrom: s('effEffectiveFrom'),
      endsOn: s('effEndsOn'),
      endKind: s('effEndKind') as EffectSummary['endKind'],
      endPresumed: Boolean(p.effEndPresumed),
      partlyEndsOn: s('effPartlyEndsOn'),
    },
  };
}

/** An evidence row from the list evidenceProjection returns. */
export function toEvidence(values: Projected): EvidenceRow {
  const p = byField(EVIDENCE_FIELDS, values);
  const s = (k: string) => (p[k] ?? null) as string | null;
  return {
    key: p.key as string,
    from: p.from as string,
    to: p.to as string,
    type: p.type as EvidenceRow['type'],
    source: p.source as string,
    quote: (p.quote as string) ?? '',
    start: (p.start as number | null) ?? null,
    end: (p.end as number | null) ?? null,
    rule: (p.rule as string) ?? '',
    kind: s('kind'),
    scope: s('scope'),
    effectiveFrom: s('effectiveFrom'),
    curated: Boolean(p.curated),
    author: s('author'),
    at: s('at'),
    reason: s('reason'),
    toRef: s('toRef'),
    toHow: p.toHow as EvidenceRow['toHow'],
    fromRef: s('fromRef'),
    fromHow: p.fromHow as EvidenceRow['fromHow'],
  };
}
