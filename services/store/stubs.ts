// What a stub knows comes from references to it, which arrive in any order. Two descriptions of
// one stub merge the same way whatever their order: per field, a value over none, else the fuller
// one (longer, then greater), and an ambiguous reference keeps every candidate it was given.
import type { DocumentNode } from './model.js';

const FIELDS = ['type', 'issuer', 'title', 'term', 'locality', 'place'] as const;

export function fuller(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a > b ? a : b;
}

/** The merged stub, or null when `held` already says everything `incoming` does. */
export function mergeStub(held: DocumentNode, incoming: DocumentNode): DocumentNode | null {
  if (!held.stub || !incoming.stub) return null;
  const merged: DocumentNode = { ...held };
  let changed = false;
  for (const f of FIELDS) {
    const value = fuller(held[f], incoming[f]);
    if (value !== held[f]) {
      merged[f] = value;
      changed = true;
    }
  }
  if (held.ambiguous && incoming.ambiguous) {
    const candidates = [...new Set([...held.candidates, ...incoming.candidates])].sort();
    if (candidates.join('\u0000') !== held.candidates.join('\u0000')) {
      merged.candidates = candidates;
      changed = true;
    }
  }
  return changed ? merged : null;
}
