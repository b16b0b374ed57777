// The corpus generator: deterministic, truth in the gold format, chains long enough for the
// depth-20 benchmark, and truth the existing scorer can use.
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../graph-loaders/generate/corpus.js';
import { extractText, plainExtraction } from '../../graph-loaders/extract.js';
import { scoreExtraction } from '../../graph-loaders/score.js';

const take = (docs: number, seed = 7) => [...new Corpus({ docs, seed }).documents()];

describe('corpus generator', () => {
  it('gives the same corpus for the same seed, another for another seed', () => {
    const a = take(300);
    expect(take(300).map((d) => d.text)).toEqual(a.map((d) => d.text));
    expect(take(300, 8).map((d) => d.text)).not.toEqual(a.map((d) => d.text));
  });

  it('writes one document line per file, unique files and ids, shards of at most 1000', () => {
    const docs = take(2500);
    expect(new Set(docs.map((d) => d.file)).size).toBe(docs.length);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    const shards = new Map<string, number>();
    for (const d of docs) shards.set(d.path.split('/')[0], (shards.get(d.path.split('/')[0]) ?? 0) + 1);
    expect(Math.max(...shards.values())).toBeLessThanOrEqual(1000);
    for (const d of docs) {
      expect(d.truth.filter((t) => t.kind === 'document')).toHaveLength(1);
      for (const t of d.truth) expect(t.file).toBe(d.file);
    }
  });

  it('plans the same ids without writing the texts (a bench of a store loaded before)', () => {
    const docs = take(2500);
    const ids = [...new Corpus({ docs: 2500, seed: 7 }).ids()];
    expect(ids).toEqual(docs.map((d) => ({ index: d.index, id: d.id, ocr: d.ocr })));
  });

  it('has chains of depth 20 or more, and relations between third documents', () => {
    const corpus = new Corpus({ docs: 1000, seed: 3 });
    const docs = [...corpus.documents()];
    expect(corpus.chains()[0].length).toBeGreaterThanOrEqual(21);
    expect(docs.some((d) => d.truth.some((t) => t.kind === 'edge' && t.from !== null))).toBe(true);
    expect(docs.some((d) => d.ocr)).toBe(true);
  });

  it('is scored by the gold scorer, file by file', () => {
    const docs = take(200);
    const gold = docs.flatMap((d) => d.truth);
    const pred = docs.map((d) => plainExtraction(extractText(d.text, d.file)));
    const report = scoreExtraction(gold, pred);
    expect(report.missingFiles).toEqual([]);
    expect(report.figures.goldRefs).toBeGreaterThan(500);
  });
});
