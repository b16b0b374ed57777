// Document and evidence ↔ Neo4j properties. Nested values (the effect summary) are flattened,
// because Neo4j properties hold scalars and lists only.
import { stripDiacritics } from '../../../graph-loaders/ids.js';
import { TIMELINE_FIELDS, timeline, type TimelineField } from '../../domain/effect.js';
import { foldTokens } from '../../domain/search.js';
import { numberKey } from '../keys.js';
import type { DocumentNode, EffectSummary, EvidenceRow } from '../model.js';
import { EVIDENCE_KEYS, type ReadFields } from '../port.js';

type Props = Record<string, unknown>;
const text = (k: string) => (p: Props) => (p[k] ?? null) as string | null;
const flag = (k: string) => (p: Props) => Boolean(p[k]);

/**
 * Each document field: the node properties it is read from, and how. Every field of DocumentNode
 * has an entry (the type says so), so a projection of any field set is complete.
 */
const DOCUMENT_READS: { [K in keyof DocumentNode]-?: { props: readonly string[]; read: (p: Props) => DocumentNode[K] } } = {
  id: { props: ['id'], read: (p) => p.id as string },
  symbol: { props: ['symbol'], read: text('symbol') },
  symbolKey: { props: ['symbolKey'], read: text('symbolKey') },
  type: { props: ['type'], read: text('type') },
  issuer: { props: ['issuer'], read: text('issuer') },
  issuedOn: { props: ['issuedOn'], read: text('issuedOn') },
  issuedNotBefore: { props: ['issuedNotBefore'], read: text('issuedNotBefore') },
  effectiveFrom: { props: ['effectiveFrom'], read: text('effectiveFrom') },
  expiresOn: { props: ['expiresOn'], read: text('expiresOn') },
  title: { props: ['title'], read: text('title') },
  place: { props: ['place'], read: text('place') },
  locality: { props: ['locality'], read: text('locality') },
  term: { props: ['term'], read: text('term') },
  stub: { props: ['stub'], read: flag('stub') },
  ambiguous: { props: ['ambiguous'], read: flag('ambiguous') },
  candidates: { props: ['candidates'], read: (p) => (p.candidates as string[] | null) ?? [] },
  consolidated: { props: ['consolidated'], read: flag('consolidated') },
  file: { props: ['file'], read: text('file') },
  textHash: { props: ['textHash'], read: text('textHash') },
  updatedAt: { props: ['updatedAt'], read: text('updatedAt') },
  effect: {
    props: ['effStartsOn', 'effStartPresumed', 'effEffectiveFrom', 'effEndsOn', 'effEndKind', 'effEndPresumed', 'effPartlyEndsOn'],
    read: (p) => ({
      startsOn: text('effStartsOn')(p),
      startPresumed: Boolean(p.effStartPresumed),
      effectiveFrom: text('effEffectiveFrom')(p),
      endsOn: text('effEndsOn')(p),
      endKind: text('effEndKind')(p) as EffectSummary['endKind'],
      endPresumed: Boolean(p.effEndPresumed),
      partlyEndsOn: text('effPartlyEndsOn')(p),
    }),
  },
};

const EVIDENCE_READS: { [K in keyof EvidenceRow]-?: { props: readonly string[]; read: (p: Props) => EvidenceRow[K] } } = {
  key: { props: ['key'], read: (p) => p.key as string },
  from: { props: ['from'], read: (p) => p.from as string },
  to: { props: ['to'], read: (p) => p.to as string },
  type: { props: ['type'], read: (p) => p.type as EvidenceRow['type'] },
  source: { props: ['source'], read: (p) => p.source as string },
  quote: { props: ['quote'], read: (p) => (p.quote as string) ?? '' },
  start: { props: ['start'], read: (p) => (p.start as number | null) ?? null },
  end: { props: ['end'], read: (p) => (p.end as number | null) ?? null },
  rule: { props: ['rule'], read: (p) => (p.rule as string) ?? '' },
  kind: { props: ['kind'], read: text('kind') },
  scope: { props: ['scope'], read: text('scope') },
  effectiveFrom: { props: ['effectiveFrom'], read: text('effectiveFrom') },
  curated: { props: ['curated'], read: flag('curated') },
  author: { props: ['author'], read: text('author') },
  at: { props: ['at'], read: text('at') },
  reason: { props: ['reason'], read: text('reason') },
  toRef: { props: ['toRef'], read: text('toRef') },
  toHow: { props: ['toHow'], read: (p) => p.toHow as EvidenceRow['toHow'] },
  fromRef: { props: ['fromRef'], read: text('fromRef') },
  fromHow: { props: ['fromHow'], read: (p) => p.fromHow as EvidenceRow['fromHow'] },
};

/**
 * How to read some fields of a node: a Cypher list of its properties (e.g. [d.id, d.symbol]) and
 * the object back from that list. A list, not a map: Bolt sends a map's keys again with every
 * record, and decoding them took half the driver's CPU on a page of 20 documents with relations.
 */
export interface Projection<T> {
  /** The list for variable `v`; `known` gives properties the query already has (say, the id it matched on) as expressions. */
  cypher(v: string, known?: Record<string, string>): string;
  /** Where a property sits in the list, or -1 when it is not read. */
  indexOf(prop: string): number;
  read(values: Projected): T;
}

function projection<T>(reads: Record<string, { props: readonly string[]; read: (p: Props) => unknown }>, fields: readonly string[]): Projection<T> {
  const props = [...new Set(fields.flatMap((f) => reads[f].props))];
  return {
    cypher: (v, known = {}) => `[${props.map((f) => known[f] ?? `${v}.${f}`).join(', ')}]`,
    indexOf: (prop) => props.indexOf(prop),
    read(values) {
      const p = byField(props, values);
      const out: Record<string, unknown> = {};
      for (const f of fields) out[f] = reads[f].read(p);
      return out as T;
    },
  };
}

const WHOLE_DOCUMENT = projection<DocumentNode>(DOCUMENT_READS, Object.keys(DOCUMENT_READS));
const WHOLE_EVIDENCE = projection<EvidenceRow>(EVIDENCE_READS, Object.keys(EVIDENCE_READS));
/**
 * Readers of some fields, built once per field set (the API makes one field set per distinct
 * query, api/fields.ts); `whole` without a field set.
 */
function readers<T>(reads: Record<string, { props: readonly string[]; read: (p: Props) => unknown }>, whole: Projection<T>, fieldsOf: (f: ReadFields) => string[]): (fields?: ReadFields) => Projection<T> {
  const built = new WeakMap<ReadFields, Projection<T>>();
  return (fields) => {
    if (!fields) return whole;
    let reader = built.get(fields);
    if (!reader) built.set(fields, (reader = projection<T>(reads, fieldsOf(fields))));
    return reader;
  };
}

/**
 * The reader of the document fields asked for (the id always), or of whole documents. Fields not
 * asked for are absent from what it reads, not null: a missing field is never taken for an empty one.
 */
export const documentReader = readers(DOCUMENT_READS, WHOLE_DOCUMENT, (f) => ['id', ...new Set(f.document)]);

/** The reader of the evidence fields asked for (EVIDENCE_KEYS always), or of whole rows. */
export const evidenceReader = readers(EVIDENCE_READS, WHOLE_EVIDENCE, (f) => [...EVIDENCE_KEYS, ...new Set(f.evidence ?? [])]);

/** Whole documents: a variable's properties as a Cypher list (documentReader). Never the body: texts() reads it on demand. */
export function docProjection(v: string): string {
  return documentReader().cypher(v);
}

/** Values in the order of `fields` back into an object keyed by field. */
function byField(fields: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) p[fields[i]] = values[i];
  return p;
}

/** Whole evidence rows: a variable's properties as a Cypher list (evidenceReader). */
export function evidenceProjection(v: string): string {
  return evidenceReader().cypher(v);
}

export const fold = (s: string | null | undefined) => (s ? stripDiacritics(s).toLowerCase() : null);

/** The node property of each timeline date (effectProps writes them; filter.ts compares and counts on them, each has a range index). */
export const TIMELINE_PROPERTY: Record<TimelineField, string> = {
  issued: 'sinceIssued',
  effective: 'sinceEffective',
  partly: 'sincePartly',
  ended: 'sinceEnded',
  superseded: 'sinceSuperseded',
  expired: 'sinceExpired',
};

/**
 * The effect summary's properties, and its timeline (filter.ts compares and counts on those). An
 * ambiguous placeholder, never listed, carries no timeline, so the range indexes never count it.
 */
export function effectProps(e: EffectSummary, ambiguous: boolean): Record<string, unknown> {
  const t = ambiguous ? null : timeline(e);
  const since = Object.fromEntries(TIMELINE_FIELDS.map((f) => [TIMELINE_PROPERTY[f], t ? t[f] : null]));
  return {
    ...since,
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

/** What a reader's Cypher list returns: values in field order. */
export type Projected = readonly unknown[];

/** A whole document from the list docProjection returns. */
export function toDocument(values: Projected): DocumentNode {
  return documentReader().read(values);
}

/** A whole evidence row from the list evidenceProjection returns. */
export function toEvidence(values: Projected): EvidenceRow {
  return evidenceReader().read(values);
}
