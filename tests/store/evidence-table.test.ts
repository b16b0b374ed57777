// Evidence columns give every row back as stored, including past the point where the label
// columns (rule, kind, scope, effective date) outgrow 16-bit ids.
import { expect, it } from 'vitest';
import { EvidenceTable } from '../../services/store/embedded/evidence-table.js';
import { StringPool } from '../../services/store/embedded/pool.js';
import { ev } from '../support/fixtures.js';

it('keeps labels exact when they outnumber 16-bit ids, and after the columns are cut to size', () => {
  const table = new EvidenceTable(new StringPool());
  const names = { from: 'a', to: 'b', source: 'a' };
  const rows: number[] = [];
  const n = 70_000;
  for (let i = 0; i < n; i++) {
    const row = { ...ev('a', 'CITES', 'b', { start: i, end: i + 1 }), rule: `rule-${i}`, kind: i % 2 ? 'kind' : null, scope: `scope-${i % 7}`, effectiveFrom: i % 3 ? null : `20${String(i % 100).padStart(2, '0')}-01-01` };
    rows.push(table.add(row, { from: 1, to: 2, source: 1 }, false));
  }
  table.fit();
  for (const i of [0, 1, 65_534, 65_535, 65_536, n - 1]) {
    const back = table.row(rows[i], names, () => '');
    expect([back.rule, back.kind, back.scope, back.effectiveFrom]).toEqual([`rule-${i}`, i % 2 ? 'kind' : null, `scope-${i % 7}`, i % 3 ? null : `20${String(i % 100).padStart(2, '0')}-01-01`]);
  }
  expect(table.rule).toBeInstanceOf(Uint32Array);
});

it('sized beforehand for its rows, gives them back and keeps its columns when cut to size', () => {
  const table = new EvidenceTable(new StringPool());
  const n = 5000;
  table.reserve(n);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) rows.push(table.add(ev('a', 'CITES', 'b', { start: i, end: i + 1 }), { from: 1, to: 2, source: 1 }, false));
  const from = table.from;
  expect(from.length).toBe(n);
  table.fit();
  expect(table.from).toBe(from); // not copied: already of its length
  expect(table.row(rows[n - 1], { from: 'a', to: 'b', source: 'a' }, () => '').start).toBe(n - 1);
});
