// Load a generated corpus into a store the way `load` does (extract → prepareBatch → applyBatch in
// chunks), then the last documents one transaction per document: the baseline, measured against
// the batched rate at the same database size. Extraction is timed apart and left out of load rates.
import type { Corpus } from '../../../graph-loaders/generate/corpus.js';
import { prepareBatch, safeExtract } from '../../../graph-loaders/load.js';
import type { Extraction } from '../../../graph-loaders/types.js';
import type { Store } from '../../../services/store/port.js';
import type { Stats } from '../../../services/store/port.js';
import { Breakdown, instrumentWrites } from '../instrument.js';

export interface Phase {
  docs: number;
  /** Evidence rows written: one per relation a document asserts. */
  evidence: number;
  /** prepare (resolve against the store, build the batch) + apply (the store's write). */
  seconds: number;
  prepareSeconds: number;
  applySeconds: number;
}

export interface LoadResult {
  chunk: number;
  batched: Phase;
  /** The batched chunks just before the baseline: the same database size as the baseline. */
  batchedRecent: Phase;
  baseline: Phase & { planned: number; stoppedEarly: boolean };
  extractSeconds: number;
  breakdown: { label: string; seconds: number; calls: number }[];
  breakdownBaseline: { label: string; seconds: number; calls: number }[];
  instrumented: boolean;
  /** What resolving against the store fetched, per phase: calls, seconds, rows returned. */
  lookups: { phase: 'batched' | 'baseline'; method: string; calls: number; seconds: number; rows: number }[];
  stats: Stats;
  /** Every 10,000 documents: seconds since the start (extraction included) and resident memory. */
  curve: { docs: number; seconds: number; rss: number }[];
  /** Set when the load was stopped at its time limit: documents loaded by then. */
  stoppedAt: number | null;
  /** Ids the loader gave a sample of documents, for the query pools. */
  sampleIds: string[];
  /** The store was loaded before the bench (say by the offline import): nothing above was measured. */
  preloaded?: boolean;
}

export interface LoadOptions {
  chunk: number;
  baselineDocs: number;
  baselineSeconds: number;
  /** Stop loading after this long (the figures then describe the documents loaded so far). */
  maxSeconds?: number;
  onProgress?: (done: number, total: number) => void;
}

type Item = { file: string; text: string; extraction: Extraction };

const now = () => performance.now() / 1000;
const emptyPhase = (): Phase => ({ docs: 0, evidence: 0, seconds: 0, prepareSeconds: 0, applySeconds: 0 });

function addTo(p: Phase, docs: number, evidence: number, prep: number, apply: number): void {
  p.docs += docs;
  p.evidence += evidence;
  p.prepareSeconds += prep;
  p.applySeconds += apply;
  p.seconds += prep + apply;
}

/** Count calls, time and rows of the store lookups prepareBatch makes (candidates, undated evidence). */
function watchLookups(store: Store, phase: () => 'batched' | 'baseline' | 'tail'): LoadResult['lookups'] {
  const out: LoadResult['lookups'] = [];
  const target = store as unknown as Record<string, (...a: unknown[]) => Promise<unknown[]>>;
  for (const method of ['candidates', 'undatedEvidence']) {
    const original = target[method].bind(store);
    target[method] = async (...args: unknown[]) => {
      const t0 = now();
      const rows = await original(...args);
      const p = phase();
      if (p !== 'tail') {
        let row = out.find((r) => r.phase === p && r.method === method);
        if (!row) out.push((row = { phase: p, method, calls: 0, seconds: 0, rows: 0 }));
        row.calls++;
        row.seconds += now() - t0;
        row.rows += rows.length;
      }
      return rows;
    };
  }
  return out;
}

/** A store loaded before with this corpus: its counts, and a sample of the corpus's ids for the query pools. */
export async function preloadedCorpus(store: Store, corpus: Corpus, chunk: number): Promise<LoadResult> {
  const sampleEvery = Math.max(1, Math.floor(corpus.plan.n / 4000));
  const sampleIds: string[] = [];
  for (const doc of corpus.ids()) if (doc.index % sampleEvery === 0 && !doc.ocr) sampleIds.push(doc.id);
  const stats = await store.stats();
  if (!stats.documents) throw new Error('--neo4j-preloaded: the database is empty; load or import the corpus first');
  const none = emptyPhase();
  return { chunk, batched: none, batchedRecent: none, baseline: { ...none, planned: 0, stoppedEarly: false }, extractSeconds: 0, breakdown: [], breakdownBaseline: [], instrumented: false, lookups: [], stats, curve: [], stoppedAt: null, sampleIds, preloaded: true };
}

export async function loadCorpus(store: Store, corpus: Corpus, opts: LoadOptions): Promise<LoadResult> {
  const n = corpus.plan.n;
  const planned = Math.min(opts.baselineDocs, Math.floor(n / 2));
  const baselineStart = n - planned;
  const breakdown = new Breakdown();
  const instrumented = instrumentWrites(store, breakdown);
  let phase: 'batched' | 'baseline' | 'tail' = 'batched';
  const lookups = watchLookups(store, () => phase);
  const batched = emptyPhase();
  const baseline = { ...emptyPhase(), planned, stoppedEarly: false };
  const chunks: Phase[] = [];
  let extractSeconds = 0;
  let buffer: Item[] = [];
  const sampleIds: string[] = [];
  const sampleEvery = Math.max(1, Math.floor(n / 4000));
  let breakdownBatched: LoadResult['breakdown'] = [];
  const curve: LoadResult['curve'] = [];
  const started = now();
  let stoppedAt: number | null = null;

  const flush = async (timed: boolean) => {
    if (!buffer.length) return;
    const t0 = now();
    const batch = await prepareBatch(buffer, store);
    const t1 = now();
    await store.applyBatch(batch);
    const t2 = now();
    if (timed) {
      addTo(batched, buffer.length, batch.evidence.length, t1 - t0, t2 - t1);
      const c = emptyPhase();
      addTo(c, buffer.length, batch.evidence.length, t1 - t0, t2 - t1);
      chunks.push(c);
    }
    buffer = [];
  };

  for (const doc of corpus.documents()) {
    const t0 = now();
    const extraction = safeExtract(doc.text, doc.file);
    extractSeconds += now() - t0;
    if ('error' in extraction) continue;
    if (doc.index % sampleEvery === 0 && !doc.ocr) sampleIds.push(extraction.document.id);
    const item = { file: doc.file, text: doc.text, extraction };
    if (doc.index < baselineStart) {
      buffer.push(item);
      if (buffer.length >= opts.chunk || doc.index === baselineStart - 1) await flush(true);
    } else if (!baseline.stoppedEarly) {
      phase = 'baseline';
      if (doc.index === baselineStart) {
        breakdownBatched = breakdown.rows();
        breakdown.reset();
      }
      const t1 = now();
      const batch = await prepareBatch([item], store);
      const t2 = now();
      await store.applyBatch(batch);
      addTo(baseline, 1, batch.evidence.length, t2 - t1, now() - t2);
      if (baseline.seconds > opts.baselineSeconds) baseline.stoppedEarly = true;
    } else {
      phase = 'tail';
      // the rest of the corpus still loads, untimed, so every figure after this one sees all of it
      buffer.push(item);
      if (buffer.length >= opts.chunk) await flush(false);
    }
    if ((doc.index + 1) % 10_000 === 0) {
      curve.push({ docs: doc.index + 1, seconds: now() - started, rss: process.memoryUsage().rss });
      opts.onProgress?.(doc.index + 1, n);
      if (opts.maxSeconds && now() - started > opts.maxSeconds && doc.index + 1 < n) {
        stoppedAt = doc.index + 1;
        break;
      }
    }
  }
  // a load stopped at its time limit before the baseline: its last partial chunk is batched work too
  const timedTail = stoppedAt !== null && stoppedAt <= baselineStart;
  phase = timedTail ? 'batched' : 'tail';
  await flush(timedTail);
  if (!breakdownBatched.length) breakdownBatched = breakdown.rows();
  const breakdownBaseline = baseline.docs ? breakdown.rows() : [];

  // batched chunks just before the baseline: at least as many documents as the baseline loaded
  const batchedRecent = emptyPhase();
  for (let k = chunks.length - 1; k >= 0 && batchedRecent.docs < Math.max(baseline.docs, 1); k--) {
    addTo(batchedRecent, chunks[k].docs, chunks[k].evidence, chunks[k].prepareSeconds, chunks[k].applySeconds);
  }
  const stats = await store.stats();
  return { chunk: opts.chunk, batched, batchedRecent, baseline, extractSeconds, breakdown: breakdownBatched, breakdownBaseline, instrumented, lookups, stats, curve, stoppedAt, sampleIds };
}
