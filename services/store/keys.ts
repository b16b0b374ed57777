// Keys both stores index documents and references by, so a reference finds its documents.
import { lookupKey } from '../../graph-loaders/resolve.js';
import type { ReferenceTarget } from '../../graph-loaders/types.js';

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

