// Groups of numbers under keys: the members and order a Set per key would give, through adds,
// repeated adds, removals, and the change from number to array to Set as a group grows.
import { expect, it } from 'vitest';
import { GroupMap, membersOf, sizeOf } from '../../services/store/embedded/groups.js';

it('holds what a Set per key would hold, in the same order, at every size', () => {
  const groups = new GroupMap();
  const model = new Map<string, Set<number>>();
  let seed = 11;
  const rand = (k: number) => Math.floor(((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * k);
  const keys = ['a', 'b', 'c', 'd'];
  let largest = 0;
  for (let step = 0; step < 20_000; step++) {
    const key = keys[rand(keys.length)];
    // key 'd' grows past the size where a group becomes a Set; the others stay small
    const n = rand(key === 'd' ? 200 : 6);
    if (rand(key === 'd' ? 4 : 2) === 0) {
      groups.delete(key, n);
      model.get(key)?.delete(n);
      if (model.get(key)?.size === 0) model.delete(key);
    } else {
      groups.add(key, n);
      model.set(key, (model.get(key) ?? new Set()).add(n));
    }
    const g = groups.get(key);
    expect([...membersOf(g)]).toEqual([...(model.get(key) ?? [])]);
    expect(sizeOf(g)).toBe(model.get(key)?.size ?? 0);
    largest = Math.max(largest, sizeOf(g));
  }
  expect(largest).toBeGreaterThan(64);
  expect(groups.size).toBe(model.size);
});

it('holds a group of one as the number itself and a small group as an array', () => {
  const groups = new GroupMap();
  groups.add('k', 5);
  expect(groups.get('k')).toBe(5);
  groups.add('k', 5);
  expect(groups.get('k')).toBe(5);
  groups.add('k', 9);
  expect(groups.get('k')).toEqual([5, 9]);
  groups.delete('k', 5);
  expect(groups.get('k')).toBe(9);
  groups.delete('k', 9);
  expect(groups.get('k')).toBeUndefined();
  expect(groups.size).toBe(0);
});
