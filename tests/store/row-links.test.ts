// Rows by node as linked columns: the same lists an array per node would hold, through removals,
// row numbers used again, and growth after the columns were cut to size.
import { expect, it } from 'vitest';
import { RowLinks } from '../../services/store/embedded/row-links.js';

it('keeps each node\'s rows in the order added, through removals and reused row numbers', () => {
  const links = new RowLinks();
  const model = new Map<number, number[]>();
  const add = (n: number, r: number) => {
    links.add(n, r);
    model.set(n, [...(model.get(n) ?? []), r]);
  };
  const remove = (n: number, r: number) => {
    links.remove(n, r);
    model.set(n, model.get(n)!.filter((x) => x !== r));
  };
  const check = () => {
    for (let n = 0; n < 40; n++) {
      expect(links.rows(n)).toEqual(model.get(n) ?? []);
      expect(links.has(n)).toBe((model.get(n) ?? []).length > 0);
    }
  };
  // a seeded walk of adds and removals: first, middle, last and only rows of a node
  let seed = 7;
  const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % k);
  const free: number[] = [];
  let next = 0;
  const owner = new Map<number, number>();
  for (let step = 0; step < 3000; step++) {
    if (owner.size && rand(3) === 0) {
      const rows = [...owner.keys()];
      const r = rows[rand(rows.length)];
      remove(owner.get(r)!, r);
      owner.delete(r);
      free.push(r);
    } else {
      const r = free.pop() ?? next++;
      const n = rand(40);
      add(n, r);
      owner.set(r, n);
    }
    if (step % 500 === 0) check();
  }
  check();
  links.fit(40, next);
  check();
  add(45, next); // past the cut: grows again
  add(3, next + 1);
  check();
  expect(links.rows(45)).toEqual([next]);
  expect(links.rows(-1)).toEqual([]);
  expect(links.rows(1000)).toEqual([]);
});

it('sized beforehand, holds the same rows and keeps its columns when cut to what they hold', () => {
  const sized = new RowLinks();
  const grown = new RowLinks();
  const nodes = 3000;
  const rows = 9000;
  sized.reserve(nodes, rows);
  for (let r = 0; r < rows; r++) for (const links of [sized, grown]) links.add((r * 7) % nodes, r);
  const columns = (links: RowLinks) => Object.values(links) as Int32Array[];
  const before = columns(sized);
  sized.fit(nodes, rows);
  grown.fit(nodes, rows);
  // no copy where the columns are already of their length; the grown ones were longer and are cut
  expect(columns(sized).every((c, i) => c === before[i])).toBe(true);
  expect(columns(grown).map((c) => c.length)).toEqual(columns(sized).map((c) => c.length));
  for (const n of [0, 1, 7, nodes - 1]) expect(sized.rows(n)).toEqual(grown.rows(n));
});
