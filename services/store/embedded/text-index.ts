// Folded full-text index: "nghi quyet 45", "NQ 45" and "Nghị quyết số 45-NQ/TW" all find 45-NQ/TW.
// Head fields (symbol, type, title, issuer) rank above the body. Postings are delta-coded varints,
// about a byte each, so a million bodies fit; each (re)indexing of a document takes a new entry
// number, and entries of replaced documents are skipped until a rebuild drops them.
import { eachFoldedToken, foldTokens, isStopword } from '../../domain/search.js';

export interface Hit {
  node: number;
  score: number;
}

/**
 * An ascending list of entry numbers, delta-coded as varints: a part read back from the index file
 * (`stored`, a view never written to) followed by what was added since (`bytes`). The deltas run on
 * across the two, so their concatenation is the whole list; adding to a list read back copies
 * nothing.
 */
export class Postings {
  stored: Uint8Array = EMPTY;
  bytes = new Uint8Array(8);
  length = 0;
  last = -1;
  count = 0;

  /** Postings read back (search-file.ts). */
  static of(stored: Uint8Array, count: number, last: number): Postings {
    const p = new Postings();
    Object.assign(p, { stored, bytes: EMPTY, count, last });
    return p;
  }

  /** Bytes of the whole list: the stored part, then the added part. */
  get size(): number {
    return this.stored.length + this.length;
  }

  add(n: number): void {
    if (n <= this.last) return;
    if (this.length + 5 > this.bytes.length) {
      // doubling while small; a quarter more once large, since a store's common tokens hold most bytes
      const size = this.bytes.length;
      const next = new Uint8Array(Math.max(size < 1 << 16 ? size * 2 : size + (size >>> 2), this.length + 16));
      next.set(this.bytes.subarray(0, this.length));
      this.bytes = next;
    }
    let d = n - this.last;
    while (d >= 0x80) {
      this.bytes[this.length++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    this.bytes[this.length++] = d;
    this.last = n;
    this.count++;
  }

  *[Symbol.iterator](): Iterator<number> {
    let value = -1;
    for (const [bytes, length] of [[this.stored, this.stored.length], [this.bytes, this.length]] as const) {
      let i = 0;
      while (i < length) {
        let d = 0;
        let shift = 0;
        let b: number;
        do {
          b = bytes[i++];
          d |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80);
        value += d;
        yield value;
      }
    }
  }
}

const EMPTY = new Uint8Array(0);

/** What the index holds, for search-file.ts to write and read back. */
export interface IndexParts {
  head: Map<string, Postings>;
  body: Map<string, Postings>;
  /** entry number → node, and whether the entry is the node's current one. */
  nodeOf: number[];
  live: Uint8Array;
}

export class TextIndex {
  private head = new Map<string, Postings>();
  private body = new Map<string, Postings>();
  /** entry number → node, and whether the entry is the node's current one. */
  private nodeOf: number[] = [];
  private live = new Uint8Array(1024);
  private current = new Map<number, number>();
  private dead = 0;

  parts(): IndexParts {
    return { head: this.head, body: this.body, nodeOf: this.nodeOf, live: this.live };
  }

  static fromParts(parts: IndexParts): TextIndex {
    const index = new TextIndex();
    Object.assign(index, { head: parts.head, body: parts.body, nodeOf: parts.nodeOf, live: parts.live });
    parts.nodeOf.forEach((node, entry) => {
      if (parts.live[entry]) index.current.set(node, entry);
      else index.dead++;
    });
    return index;
  }

  set(node: number, head: string, body: string | null): void {
    this.delete(node);
    const entry = this.nodeOf.length;
    this.nodeOf.push(node);
    if (entry >= this.live.length) {
      const next = new Uint8Array(this.live.length * 2);
      next.set(this.live);
      this.live = next;
    }
    this.live[entry] = 1;
    this.current.set(node, entry);
    const headTokens = new Set(foldTokens(head));
    for (const t of headTokens) postings(this.head, t).add(entry);
    if (!body) return;
    // repeats need no Set: a list ignores an entry it already ends with
    eachFoldedToken(body, (t) => {
      if (!headTokens.has(t)) postings(this.body, t).add(entry);
    });
  }

  delete(node: number): void {
    const entry = this.current.get(node);
    if (entry === undefined) return;
    this.live[entry] = 0;
    this.current.delete(node);
    this.dead++;
  }

  /** Documents indexed. */
  get size(): number {
    return this.current.size;
  }

  /** Entries of replaced documents are skipped; when they outnumber live ones, rebuild. */
  get wasted(): boolean {
    return this.dead > 1000 && this.dead > this.current.size;
  }

  /** Documents where every non-stopword token of the query occurs; best first, then the tie-break order. */
  search(query: string, order: (a: number, b: number) => number): Hit[] {
    const tokens = [...new Set(foldTokens(query))];
    const required = tokens.filter((t) => !isStopword(t));
    const must = required.length ? required : tokens;
    if (!must.length) return [];
    const lists = must.map((t) => ({ head: this.head.get(t), body: this.body.get(t) }));
    if (lists.some((l) => !l.head && !l.body)) return [];
    lists.sort((a, b) => size(a) - size(b));
    // score by entry: start from the rarest token, then keep entries every other token has
    let scores = new Map<number, number>();
    for (const e of lists[0].head ?? []) if (this.live[e]) scores.set(e, 10);
    for (const e of lists[0].body ?? []) if (this.live[e]) scores.set(e, 1);
    for (const l of lists.slice(1)) {
      const next = new Map<number, number>();
      for (const e of l.head ?? []) {
        const s = scores.get(e);
        if (s !== undefined) next.set(e, s + 10);
      }
      for (const e of l.body ?? []) {
        const s = scores.get(e);
        if (s !== undefined) next.set(e, s + 1);
      }
      scores = next;
      if (!scores.size) return [];
    }
    return [...scores].map(([e, score]) => ({ node: this.nodeOf[e], score })).sort((a, b) => b.score - a.score || order(a.node, b.node));
  }
}

function postings(map: Map<string, Postings>, token: string): Postings {
  let p = map.get(token);
  if (!p) map.set(token, (p = new Postings()));
  return p;
}

function size(l: { head?: Postings; body?: Postings }): number {
  return (l.head?.count ?? 0) + (l.body?.count ?? 0);
}
