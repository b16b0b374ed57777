// Rows by node without an array per node: each row links to the next and previous row of its node,
// and each node to its first and last row, all in Int32 columns. A JS array per document cost ~100
// bytes of headers and growth room before holding a row; this costs 8 bytes a row and 8 a node.
import { grow } from './columns.js';

const NONE = -1;

export class RowLinks {
  private first: Int32Array<ArrayBuffer> = new Int32Array(0);
  private last: Int32Array<ArrayBuffer> = new Int32Array(0);
  private next: Int32Array<ArrayBuffer> = new Int32Array(0);
  private prev: Int32Array<ArrayBuffer> = new Int32Array(0);

  /** Append row r to node n's rows. */
  add(n: number, r: number): void {
    if (n >= this.first.length) {
      this.first = grow(this.first, n + 1, NONE);
      this.last = grow(this.last, n + 1, NONE);
    }
    if (r >= this.next.length) {
      this.next = grow(this.next, r + 1, NONE);
      this.prev = grow(this.prev, r + 1, NONE);
    }
    const tail = this.last[n];
    this.prev[r] = tail;
    this.next[r] = NONE;
    if (tail === NONE) this.first[n] = r;
    else this.next[tail] = r;
    this.last[n] = r;
  }

  /** Remove row r from node n's rows (r must be one of them). */
  remove(n: number, r: number): void {
    const before = this.prev[r];
    const after = this.next[r];
    if (before === NONE) this.first[n] = after;
    else this.next[before] = after;
    if (after === NONE) this.last[n] = before;
    else this.prev[after] = before;
  }

  has(n: number): boolean {
    return n < this.first.length && this.first[n] !== NONE;
  }

  /** Node n's rows, in the order they were added. */
  rows(n: number): number[] {
    const out: number[] = [];
    if (n < 0 || n >= this.first.length) return out;
    for (let r = this.first[n]; r !== NONE; r = this.next[r]) out.push(r);
    return out;
  }

  /** Room for the nodes and rows given, before they are added. */
  reserve(nodes: number, rows: number): void {
    this.first = grow(this.first, nodes, NONE);
    this.last = grow(this.last, nodes, NONE);
    this.next = grow(this.next, rows, NONE);
    this.prev = grow(this.prev, rows, NONE);
  }

  /** Columns cut to the nodes and rows held; a column already of that length is kept, not copied. */
  fit(nodes: number, rows: number): void {
    const cut = (a: Int32Array<ArrayBuffer>, n: number) => (a.length === n ? a : a.slice(0, n));
    this.first = cut(this.first, Math.max(nodes, 0));
    this.last = cut(this.last, Math.max(nodes, 0));
    this.next = cut(this.next, rows);
    this.prev = cut(this.prev, rows);
  }
}
