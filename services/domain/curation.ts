// Curation: legal staff correct the loader. The latest decision on a relation wins, and it
// outlives every re-load, because loaders never write curations and stores never drop them.
import type { Curation } from '../store/model.js';
import { relationKey } from '../store/model.js';

/** Relations whose latest curation is REMOVE: hidden, whatever the loader asserts. */
export function suppressedRelations(curations: readonly Curation[]): Set<string> {
  const latest = new Map<string, Curation>();
  for (const c of curations) {
    const key = relationKey(c.from, c.type, c.to);
    const seen = latest.get(key);
    if (!seen || c.at > seen.at || (c.at === seen.at && c.id > seen.id)) latest.set(key, c);
  }
  const out = new Set<string>();
  for (const [key, c] of latest) if (c.action === 'REMOVE') out.add(key);
  return out;
}

export const CURATION_SOURCE = 'curation';

export function curatedEvidenceKey(curationId: string): string {
  return `${CURATION_SOURCE}|${curationId}`;
}
