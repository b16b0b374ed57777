// The loader measured on the five samples against the gold: extraction of every file, then
// resolution over the batch, scored by the TypeScript port of score_extraction.py.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBatch, extractionLine } from '../../graph-loaders/extract.js';
import { figuresTable, formatReport, parseJsonl, scoreExtraction } from '../../graph-loaders/score.js';
import { GOLD, SCORER, sample, sampleFiles } from './corpus.js';

function predictions() {
  return extractBatch(sampleFiles().map((f) => ({ text: sample(f), file: `graph-loaders/sample-corpus/${f}` })));
}

const gold = parseJsonl(readFileSync(GOLD, 'utf8'));

describe('gold: the five samples', () => {
  const pred = predictions();
  const report = scoreExtraction(gold, pred as unknown as Record<string, unknown>[]);

  it('prints the figures', () => {
    console.log('\n' + figuresTable(report.figures) + '\n' + formatReport(report, true) + '\n');
  });

  it('finds the references (recall and precision ≥ 0.98)', () => {
    expect(report.figures.recall).toBeGreaterThanOrEqual(0.98);
    expect(report.figures.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('finds every SUPERSEDES and invents none', () => {
    expect(report.figures.supersedesRecall).toBe(1);
    expect(report.figures.supersedesPrecision).toBe(1);
  });

  it('gets the non-CITES relations right (≥ 0.95)', () => {
    expect(report.figures.strong).toBeGreaterThanOrEqual(0.95);
  });

  it('agrees on relations and dates', () => {
    expect(report.figures.relation).toBeGreaterThanOrEqual(0.95);
    expect(report.figures.date).toBeGreaterThanOrEqual(0.95);
  });

  it('identifies all five documents', () => {
    expect(report.wrongIdentity).toEqual([]);
    expect(report.figures.identity).toBe(1);
  });

  it('keeps every evidence equal to the slice of the stored text', () => {
    for (const e of pred) {
      const text = sample(path.basename(e.file)).normalize('NFC');
      for (const r of e.relations) {
        expect(text.slice(r.start, r.end)).toBe(r.evidence);
        expect(r.evidence.length).toBeLessThanOrEqual(300);
        expect(r.rule).toBeTruthy();
      }
    }
  });
});

function hasPython(): boolean {
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

describe('cross-check with the Python scorer', () => {
  const python = hasPython();
  it.skipIf(!python)('gives the same summary as score_extraction.py', () => {
    const pred = predictions();
    const dir = mkdtempSync(path.join(tmpdir(), 'loader-score-'));
    const file = path.join(dir, 'pred.jsonl');
    writeFileSync(file, pred.map((e) => extractionLine(e)).join('\n') + '\n');
    const out = execFileSync('python3', [SCORER, GOLD, file], { encoding: 'utf8' });
    const pySummary = out.trim().split('\n').pop();
    const ts = scoreExtraction(gold, parseJsonl(readFileSync(file, 'utf8')));
    console.log(`python: ${pySummary}\nts:     ${ts.summary}`);
    expect(ts.summary).toBe(pySummary);
    expect(formatReport(ts)).toBe(out.trim());
  });
  if (!python) it('skips the Python cross-check: python3 is not on PATH', () => {
    console.log('python3 not found on PATH: the Python cross-check is skipped');
  });
});
