// Pools the GraphQL scenarios draw from, checked against the loaded store: documents with
// relations, chain ends that really walk 20 steps, and dates across the corpus's span.
import type { Corpus } from '../../../graph-loaders/generate/corpus.js';
import { Rng } from '../../../graph-loaders/generate/rng.js';
import type { Store } from '../../../services/store/port.js';
import type { Pools } from '../queries.js';

export async function buildPools(store: Store, corpus: Corpus, sampleIds: string[], seed: number): Promise<Pools & { chainDepths: number[] }> {
  const docIds: string[] = [];
  for (let i = 0; i < sampleIds.length && docIds.length < 1000; i += 200) {
    const ids = sampleIds.slice(i, i + 200);
    const rows = await store.evidenceOf(ids, 'OUT');
    ids.forEach((id, k) => {
      if (rows[k].length >= 3) docIds.push(id);
    });
  }
  const chainIds: string[] = [];
  const chainDepths: number[] = [];
  for (const c of corpus.chains().filter((c) => c.length >= 21).slice(0, 50)) {
    const [steps] = await store.chains([c.id], 'OUT', 20);
    const depth = Math.max(0, ...(steps ?? []).map((s) => s.depth));
    chainDepths.push(depth);
    if (depth >= 20) chainIds.push(c.id);
  }
  return { ...spreadWithDates(docIds, seed), chainIds, chainDepths };
}

/** The documents in an order spread over the corpus, not load order, and dates across its span: the same for a seed. */
export function spreadWithDates(docIds: string[], seed: number): { docIds: string[]; dates: string[] } {
  const rng = new Rng(seed ^ 0xb00c);
  for (let i = docIds.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [docIds[i], docIds[j]] = [docIds[j], docIds[i]];
  }
  const first = Date.UTC(2001, 0, 1);
  const span = Date.UTC(2026, 5, 30) - first;
  const dates = Array.from({ length: 1000 }, () => new Date(first + Math.floor(rng.next() * span / 86_400_000) * 86_400_000).toISOString().slice(0, 10));
  return { docIds, dates };
}
