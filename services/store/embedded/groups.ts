// Groups of node or row numbers under string keys (rows by undated reference, candidates by symbol).
// Most groups hold one to a few numbers, and a V8 Set costs 150–400 bytes however few it holds: a
// group of one is the number itself, a small group an array of exactly its size, and only a large
// one a Set. Members come out in the order they went in, as from a Set.
export type Group = number | readonly number[] | Set<number>;

/** From this size a group is a Set: adding to or removing from an array copies it. */
const SET_FROM = 64;

/** The group with `n` added (the same Set when it is one). */
function added(g: Group | undefined, n: number): Group {
  if (g === undefined) return n;
  if (typeof g === 'number') return g === n ? g : [g, n];
  if (g instanceof Set) return g.add(n);
  if (g.includes(n)) return g;
  return g.length + 1 >= SET_FROM ? new Set(g).add(n) : g.concat(n);
}

/** The group without `n`, or undefined when nothing is left. */
function removed(g: Group, n: number): Group | undefined {
  if (typeof g === 'number') return g === n ? undefined : g;
  if (g instanceof Set) {
    g.delete(n);
    return g.size ? g : undefined;
  }
  const at = g.indexOf(n);
  if (at < 0) return g;
  if (g.length === 2) return g[1 - at];
  return g.slice(0, at).concat(g.slice(at + 1));
}

export function sizeOf(g: Group | undefined): number {
  return g === undefined ? 0 : typeof g === 'number' ? 1 : g instanceof Set ? g.size : g.length;
}

/** The members, in order. */
export function membersOf(g: Group | undefined): Iterable<number> {
  return g === undefined ? [] : typeof g === 'number' ? [g] : g;
}

/** Groups by string key; a key goes when its group is empty. */
export class GroupMap {
  private readonly map = new Map<string, Group>();

  get size(): number {
    return this.map.size;
  }

  get(key: string): Group | undefined {
    return this.map.get(key);
  }

  add(key: string, n: number): void {
    const g = this.map.get(key);
    const next = added(g, n);
    if (next !== g) this.map.set(key, next);
  }

  delete(key: string, n: number): void {
    const g = this.map.get(key);
    if (g === undefined) return;
    const next = removed(g, n);
    if (next === undefined) this.map.delete(key);
    else if (next !== g) this.map.set(key, next);
  }

  /** Keys and groups, a key where it was first added (again after it went empty). */
  entries(): IterableIterator<[string, Group]> {
    return this.map.entries();
  }
}
