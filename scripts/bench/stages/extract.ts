// Extraction speed and accuracy on the generated corpus: extractText timed per chunk (wall and CPU
// time of this one thread), then each file scored against its truth with the gold scorer. Scores
// are sums of per-file counts, so scoring file by file gives the corpus-wide figures.
import { Corpus } from '../../../graph-loaders/generate/corpus.js';
import { extractText, plainExtraction } from '../../../graph-loaders/extract.js';
import { resolveExtractions } from '../../../graph-loaders/resolve.js';
import { scoreExtraction, type ScoreFigures } from '../../../graph-loaders/score.js';
import type { Extraction } from '../../../graph-loaders/types.js';
import type { GeneratedDoc } from '../../../graph-loaders/generate/corpus.js';

export type Counts = ScoreFigures['counts'];

export interface ExtractResult {
  docs: number;
  bytes: number;
  truthEdges: number;
  relations: number;
  wallSeconds: number;
  cpuSeconds: number;
  generateSeconds: number;
  counts: Counts;
}

const CHUNK = 1000;

export function runExtract(docs: number, seed: number, score: boolean, onProgress?: (done: number) => void): ExtractResult {
  const corpus = new Corpus({ docs, seed });
  const out: ExtractResult = { docs: 0, bytes: 0, truthEdges: 0, relations: 0, wallSeconds: 0, cpuSeconds: 0, generateSeconds: 0, counts: {} as Counts };
  const it = corpus.documents();
  for (;;) {
    const g0 = performance.now();
    const chunk: GeneratedDoc[] = [];
    for (let r = it.next(); !r.done; r = it.next()) {
      chunk.push(r.value);
      if (chunk.length === CHUNK) break;
    }
    out.generateSeconds += (performance.now() - g0) / 1000;
    if (!chunk.length) break;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const extractions: Extraction[] = chunk.map((d) => extractText(d.text, d.file));
    out.wallSeconds += (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    out.cpuSeconds += (c.user + c.system) / 1e6;
    for (const d of chunk) {
      out.bytes += Buffer.byteLength(d.text, 'utf8');
      out.truthEdges += d.truth.length - 1;
    }
    out.docs += chunk.length;
    for (const e of extractions) out.relations += e.relations.length;
    if (score) {
      // as `extract` prints them: resolved within the batch, resolution internals dropped
      const resolved = resolveExtractions(extractions, []);
      resolved.forEach((e, k) => {
        const counts = scoreExtraction(chunk[k].truth, [plainExtraction(e)]).figures.counts;
        for (const [key, v] of Object.entries(counts) as [keyof Counts, number][]) out.counts[key] = (out.counts[key] ?? 0) + v;
      });
    }
    if (chunk.length < CHUNK) break;
    onProgress?.(out.docs);
  }
  return out;
}

/** Accuracy figures from summed counts, named as the scorer names them. */
export function accuracy(c: Counts): Record<string, number> {
  const ratio = (a: number, b: number, empty = 0) => (b ? a / b : empty);
  return {
    recall: ratio(c.found, c.scored),
    precision: ratio(c.matchedPred, c.totalPred),
    relation: ratio(c.relOk, c.relN),
    strong: ratio(c.strongOk, c.strongN),
    supersedesPrecision: ratio(c.supTp, c.supTp + c.supFp, 1),
    supersedesRecall: ratio(c.supTp, c.supTp + c.supFn, 1),
    date: ratio(c.dateOk, c.dateN),
    identity: ratio(c.idOk, c.idN),
  };
}
