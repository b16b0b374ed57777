// Keys both stores index documents and references by, so a reference finds its documents.
import { lookupKey } from '../../graph-loaders/resolve.js';
import type { Candidate } from '../../graph-loaders/resolve-types.js';
import type { ReferenceTarget } from '../../graph-loaders/types.js';
import type { DocumentNode } from './model.js';

/** Look-up key of the reference a row was resolved from, for re-resolution when candidates change. */
export function refSymbolKey(ref: string | null): string | null {
  if (!ref) return null;
  const parsed = JSON.parse(ref) as { ref?: ReferenceTarget };
  return parsed.ref?.symbol ? lookupKey(parsed.ref) : null;
}

/** "#<number>" of a numbered symbol, the key a short form is looked up by. */
export function numberKey(symbol: string | null): string | null {
  const n = symbol ? /^\d+/.exec(symbol)?.[0] : undefined;
  return n ? `#${n}` : null;
}


/**
 * A stored node as a candidate for references to its symbol, as resolveExtractions would see it in
 * a batch: a numbered, unambiguous node that is dated or a loaded text (an undated stub is the
 * reference itself, not a candidate).
 */
export function candidateOfNode(d: Pick<DocumentNode, 'id' | 'symbol' | 'issuedOn' | 'type' | 'issuer' | 'term' | 'locality' | 'title' | 'stub' | 'ambiguous'>): Candidate | null {
  if (!d.symbol || d.ambiguous || (!d.issuedOn && d.stub)) return null;
  return { id: d.id, symbol: d.symbol, issuedOn: d.issuedOn, type: d.type, issuer: d.issuer, term: d.term, locality: d.locality, title: d.title, document: !d.stub };
}
