// The scorer port: clustering and formatting as score_extraction.py does them.
import { describe, expect, it } from 'vitest';
import { clusterPredictions, fmt3, norm, scoreExtraction } from '../../graph-loaders/score.js';

describe('scorer', () => {
  it('folds symbols as the Python scorer does', () => {
    expect(norm('118/2025/NĐ-CP')).toBe('118/2025/ND-CP');
    expect(norm('  02-kh/bcđtw')).toBe('02-KH/BCDTW');
    expect(norm(null)).toBeNull();
  });

  it('splits a (from, to) group by date; an undated mention joins the only dated cluster', () => {
    const rel = (d: string | null, type: string) => ({ from: null, to: { symbol: '08-NQ/TU', date: d }, type });
    expect(clusterPredictions([rel('2013-05-16', 'CITES'), rel(null, 'SUPERSEDES')]).map((c) => [c[2], [...c[3]].sort()])).toEqual([['2013-05-16', ['CITES', 'SUPERSEDES']]]);
    expect(clusterPredictions([rel('2013-05-16', 'CITES'), rel('2022-12-06', 'CITES'), rel(null, 'IMPLEMENTS')]).map((c) => c[2])).toEqual(['2013-05-16', '2022-12-06', null]);
  });

  it('rounds like Python ("{:.3f}" is half-even on the binary value)', () => {
    expect(fmt3(1)).toBe('1.000');
    expect(fmt3(0.0625)).toBe('0.062');
    expect(fmt3(0.9375)).toBe('0.938');
    expect(fmt3(2 / 3)).toBe('0.667');
  });

  it('counts a wrong SUPERSEDES as a false positive, an optional edge as unscored', () => {
    const gold = [
      { kind: 'document', file: 'a.txt', symbol: null, issuedOn: null },
      { kind: 'edge', file: 'a.txt', from: null, to: '1-NQ/TW', toDate: null, relation: 'CITES', alsoOk: [] },
      { kind: 'edge', file: 'a.txt', from: null, to: '2-KH/BCĐ', toDate: null, relation: 'CITES', alsoOk: [], optional: true },
    ];
    const pred = [{ file: 'dir/a.txt', document: { symbol: null }, relations: [{ from: null, to: { symbol: '1-NQ/TW', date: null }, type: 'SUPERSEDES' }] }];
    const r = scoreExtraction(gold, pred);
    expect(r.figures.recall).toBe(1);
    expect(r.figures.supersedesPrecision).toBe(0);
    expect(r.figures.relation).toBe(0);
    expect(r.summary).toMatch(/^recall=1\.000 precision=1\.000/);
  });
});
