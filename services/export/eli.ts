// ELI (European Legislation Identifier) JSON-LD: each document as an eli:LegalResource with its
// relations (cites, amends, repeals / changes, based_on, ensures_implementation_of), its status
// on a date as eli:in_force, its date, local id and issuer. The context is schema/eli-context.jsonld.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stripDiacritics } from '../../graph-loaders/ids.js';
import type { EffectStatusValue } from '../domain/effect.js';
import type { DocumentNode, RelationType } from '../store/model.js';
import type { Store } from '../store/port.js';
import { PROJECT_ROOT } from '../paths.js';
import { documentPages, relationsOf, status, type ExportOptions, type OutRelation } from './read.js';

export const ELI_CONTEXT_FILE = path.join(PROJECT_ROOT, 'schema', 'eli-context.jsonld');
export const ELI_CONTEXT = (JSON.parse(readFileSync(ELI_CONTEXT_FILE, 'utf8')) as { '@context': Record<string, unknown> })['@context'];

export const DEFAULT_BASE = 'urn:vn-citation-graph:';
/** Vietnamese, in the EU language authority table that eli:language points into. */
const VIETNAMESE = 'http://publications.europa.eu/resource/authority/language/VIE';

export interface EliOptions extends ExportOptions {
  /** Prefix of the IRIs minted for documents and issuers. */
  base?: string;
}

const IN_FORCE: Record<EffectStatusValue, string | null> = {
  IN_EFFECT: 'InForce-inForce',
  PARTLY_SUPERSEDED: 'InForce-partiallyInForce',
  SUPERSEDED: 'InForce-notInForce',
  EXPIRED: 'InForce-notInForce',
  NOT_YET_IN_EFFECT: 'InForce-notInForce',
  // not issued yet on that date: there is nothing to be in force
  NOT_YET_ISSUED: null,
};

/** Ending kinds that suspend rather than repeal: an eli:changes, not an eli:repeals. */
const SUSPENDS = new Set(['đình chỉ', 'ngưng hiệu lực']);

export function documentIri(id: string, base = DEFAULT_BASE): string {
  return `${base}document:${encodeURIComponent(id)}`;
}

function agentIri(issuer: string, base: string): string {
  const slug = stripDiacritics(issuer).toLowerCase().replace(/đ/g, 'd').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${base}agent:${slug || encodeURIComponent(issuer)}`;
}

function property(rel: OutRelation): string {
  switch (rel.type as RelationType) {
    case 'CITES':
      return 'cites';
    case 'AMENDS':
      return 'amends';
    case 'BASED_ON':
      return 'based_on';
    case 'IMPLEMENTS':
    case 'GUIDES':
      return 'ensures_implementation_of';
    case 'SUPERSEDES':
      // Whole repeal, replacement or stop: repeals. A part (scope) or a suspension: changes.
      return rel.rows.some((r) => !r.scope && !SUSPENDS.has(r.kind ?? '')) ? 'repeals' : 'changes';
  }
}

/** One document as a JSON-LD node (compacted against the ELI context). */
export function eliNode(doc: DocumentNode, relations: readonly OutRelation[], options: EliOptions): Record<string, unknown> {
  const base = options.base ?? DEFAULT_BASE;
  const iri = documentIri(doc.id, base);
  const value = status(doc, options.asOf);
  const node: Record<string, unknown> = { '@id': iri, '@type': 'LegalResource', id_local: doc.symbol ?? doc.id };
  if (doc.issuedOn) node.date_document = doc.issuedOn;
  if (doc.issuer) node.passed_by = { '@id': agentIri(doc.issuer, base), '@type': 'Organization', label: doc.issuer };
  if (doc.title) node.is_realized_by = { '@id': `${iri}/vie`, '@type': 'LegalExpression', title: doc.title, language: VIETNAMESE };
  if (IN_FORCE[value]) node.in_force = IN_FORCE[value];
  const e = doc.effect;
  const firstInForce = e.effectiveFrom ?? (e.startPresumed ? null : e.startsOn);
  if (firstInForce) node.first_date_entry_in_force = firstInForce;
  if ((value === 'SUPERSEDED' || value === 'EXPIRED') && e.endsOn && !e.endPresumed) node.date_no_longer_in_force = e.endsOn;
  node.status = value;
  node.statusOn = options.asOf;
  if (doc.type) node.documentType = doc.type;
  if (doc.stub) node.stub = true;
  if (doc.ambiguous) {
    node.ambiguous = true;
    node.candidate = doc.candidates.map((c) => documentIri(c, base));
  }
  for (const rel of relations) {
    const key = property(rel);
    ((node[key] ??= []) as string[]).push(documentIri(rel.to, base));
    if (rel.type === 'GUIDES') ((node.guides ??= []) as string[]).push(documentIri(rel.to, base));
  }
  return node;
}

/** The JSON-LD document, written a node at a time: {"@context": …, "@graph": [ … ]}. */
export async function* eliJsonLd(store: Store, options: EliOptions): AsyncIterable<string> {
  yield `{"@context":${JSON.stringify(ELI_CONTEXT)},\n"@graph":[`;
  let first = true;
  for await (const docs of documentPages(store, options)) {
    const relations = await relationsOf(store, docs);
    let chunk = '';
    docs.forEach((doc, i) => {
      chunk += `${first ? '' : ','}\n${JSON.stringify(eliNode(doc, relations[i], options))}`;
      first = false;
    });
    yield chunk;
  }
  yield '\n]}\n';
}
