// Bounded graph walks for stores that hold the graph in memory. The Neo4j store answers the same
// questions with one variable-length Cypher query each; the contract suite holds them to the same answers.

export interface Step<E> {
  id: string;
  depth: number;
  parent: string;
  via: E;
  truncated: boolean;
}

/**
 * Breadth-first walk from `start`, at most `maxDepth` hops. Each document appears once, at its
 * least depth, reached from the smallest-id document one level up; a cycle ends the walk.
 * A step at maxDepth is truncated when it leads further to a document not yet seen.
 */
export function walk<E>(start: string, maxDepth: number, next: (id: string) => Iterable<{ id: string; via: E }>): Step<E>[] {
  const seen = new Set([start]);
  const out: Step<E>[] = [];
  let frontier = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const following: string[] = [];
    for (const parent of frontier) {
      for (const n of sortedById(next(parent))) {
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        following.push(n.id);
        out.push({ id: n.id, depth, parent, via: n.via, truncated: false });
      }
    }
    frontier = following.sort();
  }
  for (const step of out) {
    if (step.depth === maxDepth) step.truncated = [...next(step.id)].some((n) => !seen.has(n.id));
  }
  return out.sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sortedById<T extends { id: string }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Shortest path of hops from `from` to `to`, or null. Returns the hops' payloads in order. */
export function shortestPath<E>(from: string, to: string, maxDepth: number, next: (id: string) => Iterable<{ id: string; via: E }>): E[] | null {
  if (from === to) return [];
  const back = new Map<string, { parent: string; via: E }>();
  const seen = new Set([from]);
  let frontier = [from];
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const following: string[] = [];
    for (const parent of frontier) {
      for (const n of sortedById(next(parent))) {
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        back.set(n.id, { parent, via: n.via });
        if (n.id === to) return unwind(back, from, to);
        following.push(n.id);
      }
    }
    frontier = following.sort();
  }
  return null;
}

function unwind<E>(back: Map<string, { parent: string; via: E }>, from: string, to: string): E[] {
  const hops: E[] = [];
  for (let at = to; at !== from; ) {
    const b = back.get(at)!;
    hops.push(b.via);
    at = b.parent;
  }
  return hops.reverse();
}
