// Bounded graph walks for stores that hold the graph in memory. The Neo4j store answers the same
// questions with one variable-length Cypher query each; the contract suite holds them to the same answers.

export interface Step<E> {
  id: string;
  depth: number;
  parent: string;
  via: E;
  truncated: boolean;
}

type Next<E> = (id: string) => Iterable<{ id: string; via: E }>;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedById<T extends { id: string }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => byId(a.id, b.id));
}

/**
 * Breadth-first from `start`, at most `maxDepth` hops, levels in id order so each document is
 * reached from the smallest-id document one level up. `reach` sees each document once, at its least
 * depth; returning true stops the walk. Returns the set of documents seen.
 */
function breadthFirst<E>(start: string, maxDepth: number, next: Next<E>, reach: (step: Omit<Step<E>, 'truncated'>) => boolean | void): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const following: string[] = [];
    for (const parent of frontier) {
      for (const n of sortedById(next(parent))) {
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        following.push(n.id);
        if (reach({ id: n.id, depth, parent, via: n.via })) return seen;
      }
    }
    frontier = following.sort(byId);
  }
  return seen;
}

/**
 * Every document within `maxDepth` hops, each once, at its least depth; a cycle ends the walk.
 * A step at maxDepth is truncated when it leads further to a document not yet seen.
 */
export function walk<E>(start: string, maxDepth: number, next: Next<E>): Step<E>[] {
  const out: Step<E>[] = [];
  const seen = breadthFirst(start, maxDepth, next, (s) => {
    out.push({ ...s, truncated: false });
  });
  for (const step of out) {
    if (step.depth === maxDepth) step.truncated = [...next(step.id)].some((n) => !seen.has(n.id));
  }
  return out.sort((a, b) => a.depth - b.depth || byId(a.id, b.id));
}

/** Shortest path of hops from `from` to `to`, or null. Returns the hops' payloads in order. */
export function shortestPath<E>(from: string, to: string, maxDepth: number, next: Next<E>): E[] | null {
  if (from === to) return [];
  const back = new Map<string, { parent: string; via: E }>();
  let found = false;
  breadthFirst(from, maxDepth, next, (s) => {
    back.set(s.id, { parent: s.parent, via: s.via });
    return (found = s.id === to);
  });
  if (!found) return null;
  const hops: E[] = [];
  for (let at = to; at !== from; ) {
    const b = back.get(at)!;
    hops.push(b.via);
    at = b.parent;
  }
  return hops.reverse();
}
