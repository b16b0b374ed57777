// The whole per-file pipeline and the batch: the loader's own realistic texts scored against their
// gold, the output line format, purity.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBatch, extractText, extractionLine, storedText } from '../../graph-loaders/extract.js';
import { figuresTable, formatReport, parseJsonl, scoreExtraction } from '../../graph-loaders/score.js';
import { OWN_TEXTS, ownText, ownTextFiles, sample } from './corpus.js';

describe('the loader on its own realistic texts (Law, Decree, Circular, Decisions, Party plan, directive, guide, VBHN, OCR)', () => {
  const gold = parseJsonl(readFileSync(path.join(OWN_TEXTS, 'loader-texts.gold.jsonl'), 'utf8'));
  const pred = extractBatch(ownTextFiles().map((f) => ({ text: ownText(f), file: f })));
  const report = scoreExtraction(gold, pred as unknown as Record<string, unknown>[]);

  it('prints the figures', () => {
    console.log('\n' + figuresTable(report.figures) + '\n' + formatReport(report, true) + '\n');
  });

  it('meets the same targets as the samples', () => {
    const f = report.figures;
    expect(f.recall).toBeGreaterThanOrEqual(0.98);
    expect(f.precision).toBeGreaterThanOrEqual(0.98);
    expect(f.supersedesRecall).toBe(1);
    expect(f.supersedesPrecision).toBe(1);
    expect(f.strong).toBeGreaterThanOrEqual(0.95);
    expect(f.identity).toBe(1);
  });
});

describe('extractText', () => {
  it('is pure: the same text gives the same output', () => {
    const t = sample('hp-nghi-quyet-muc-tieu-nhiem-vu-2025.txt');
    expect(JSON.stringify(extractText(t, 'a.txt'))).toBe(JSON.stringify(extractText(t, 'a.txt')));
  });

  it('writes one line per file in the extraction format', () => {
    const line = extractionLine(extractText(sample('tw-ket-luan-96-KL-TW-2024-ocr.txt'), 'graph-loaders/sample-corpus/tw-ket-luan-96-KL-TW-2024-ocr.txt'));
    const obj = JSON.parse(line);
    expect(Object.keys(obj)).toEqual(['file', 'document', 'relations']);
    expect(obj.document).toMatchObject({ id: '96-KL/TW@2024-09-30', symbol: '96-KL/TW', type: 'Kết luận', issuer: 'Bộ Chính trị', issuedOn: '2024-09-30' });
    const r = obj.relations[0];
    expect(Object.keys(r).slice(0, 8)).toEqual(['from', 'to', 'type', 'evidence', 'start', 'end', 'rule', 'kind'].slice(0, Object.keys(r).length >= 8 ? 8 : 7));
    expect(r).toMatchObject({ from: null, to: { symbol: '45-NQ/TW', date: '2019-01-24' }, type: 'IMPLEMENTS' });
  });

  it('copes with empty, tiny and symbol-free texts', () => {
    expect(extractText('', 'e.txt').relations).toEqual([]);
    const hello = extractText('Xin chào.', 'e.txt').document.id;
    expect(hello).toMatch(/^unidentified:[0-9a-f]{16}$/);
    expect(extractText('Tạm biệt.', 'f.txt').document.id).not.toBe(hello);
    expect(extractText('Số 12', 'e.txt').relations).toEqual([]);
  });

  it('stores the NFC text', () => {
    expect(storedText('Hà Nội'.normalize('NFD'))).toBe('Hà Nội');
  });

  // Speed is the benchmark's business (bench-extract.ts) and hangs the worker's time limit's
  // (tests/reliability): here only that such a paragraph is read right.
  it('reads a long paragraph without punctuation', () => {
    const long = ('thực hiện Nghị quyết số 45-NQ/TW và ' + 'các nhiệm vụ '.repeat(50)).repeat(400);
    const { relations } = extractText(long, 'long.txt');
    expect(relations.length).toBeGreaterThan(0);
    expect(new Set(relations.map((r) => r.to.symbol))).toEqual(new Set(['45-NQ/TW']));
  });
});

describe('the loader on a generated corpus (graph-loaders/generate: chains, reused symbols, OCR damage)', () => {
  it('meets the targets on 400 generated documents, resolved as one batch', async () => {
    const { Corpus } = await import('../../graph-loaders/generate/corpus.js');
    const docs = [...new Corpus({ docs: 400, seed: 17 }).documents()];
    const pred = extractBatch(docs.map((d) => ({ text: d.text, file: d.file })));
    const report = scoreExtraction(docs.flatMap((d) => d.truth) as unknown as Record<string, unknown>[], pred as unknown as Record<string, unknown>[]);
    console.log('\ngenerated corpus (400 documents)\n' + figuresTable(report.figures) + '\n');
    const f = report.figures;
    expect(f.recall).toBeGreaterThanOrEqual(0.98);
    expect(f.precision).toBeGreaterThanOrEqual(0.98);
    expect(f.strong).toBeGreaterThanOrEqual(0.95);
    expect(f.supersedesPrecision).toBeGreaterThanOrEqual(0.99);
    expect(f.supersedesRecall).toBeGreaterThanOrEqual(0.99);
    expect(f.identity).toBeGreaterThanOrEqual(0.99);
  });
});
