// Keys both stores index documents and references by, so a reference finds its documents.
import { lookupKey, referenceLocality } from '../../graph-loaders/resolve.js';
import type { Candidate, CitingContext } from '../../graph-loaders/resolve-types.js';
import type { ReferenceTarget } from '../../graph-loaders/types.js';
import type { DocumentNode } from './model.js';

/**
 * Keys a stored undated reference is filed under, for re-resolution when candidates change: its
 * look-up key (every reference to the symbol), and that key with the reference's locality (only
 * those a candidate of that locality could fit: "Quyết định số 24/QĐ-UBND" in a Hải Phòng text never
 * names Đà Nẵng's). Without the second, each new 24/QĐ-UBND would re-read the whole country's.
 */
export function refKeys(ref: string | null): { key: string; local: string } | null {
  if (!ref) return null;
  const parsed = JSON.parse(ref) as { ref?: ReferenceTarget; citing?: CitingContext };
  if (!parsed.ref?.symbol) return null;
  const key = lookupKey(parsed.ref);
  return { key, local: localKey(key, referenceLocality(parsed.ref, parsed.citing ?? {})) };
}

/** The key of the undated references under `key` from texts of one locality (null: none known). */
export function localKey(key: string, locality: string | null | undefined): string {
  return `${key}|${locality ?? ''}`;
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
