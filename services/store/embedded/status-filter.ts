// Status filters over every document at once: the effect summaries as typed-array columns in page
// order, dates as YYYYMMDD integers, so "in effect on <date>" over 100k documents is a tight loop
// instead of an object walk. Rebuilt when the graph changes.
import type { Cond, StatusPredicate, SummaryField } from '../../domain/effect.js';
import type { DocumentNode } from '../model.js';

const NULL = -1;
const KINDS: Record<string, number> = { SUPERSEDED: 1, EXPIRED: 2 };

const day = (d: string | null): number => (d ? Number(d.slice(0, 4) + d.slice(5, 7) + d.slice(8, 10)) : NULL);

export class StatusColumns {
  readonly columns: Record<SummaryField, Int32Array>;
  /** Per position: 1 for an ambiguous placeholder (never listed), and 1 for a stub. */
  readonly ambiguous: Uint8Array;
  readonly stub: Uint8Array;
  private readonly nulls = new Map<string, Uint32Array>();

  constructor(
    readonly ids: readonly string[],
    docOf: (id: string) => DocumentNode,
  ) {
    const n = ids.length;
    this.columns = {
      startsOn: new Int32Array(n),
      effectiveFrom: new Int32Array(n),
      endsOn: new Int32Array(n),
      endKind: new Int32Array(n),
      partlyEndsOn: new Int32Array(n),
    };
    const c = this.columns;
    this.ambiguous = new Uint8Array(n);
    this.stub = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const d = docOf(ids[i]);
      const e = d.effect;
      this.ambiguous[i] = d.ambiguous ? 1 : 0;
      this.stub[i] = d.stub ? 1 : 0;
      c.startsOn[i] = day(e.startsOn);
      c.effectiveFrom[i] = day(e.effectiveFrom);
      c.endsOn[i] = day(e.endsOn);
      c.endKind[i] = e.endKind ? KINDS[e.endKind] : NULL;
      c.partlyEndsOn[i] = day(e.partlyEndsOn);
    }
  }

  /** Positions in page order of the listed documents among `bits` (ambiguous placeholders never; stubs when asked). */
  listed(bits: Uint32Array, stubs: boolean): Int32Array {
    const out = new Int32Array(this.ids.length);
    let k = 0;
    for (let w = 0; w < bits.length; w++) {
      let x = bits[w];
      if (!x) continue;
      for (let b = 0; x && b < 32; b++, x >>>= 1) {
        const i = (w << 5) + b;
        if (x & 1 && i < this.ids.length && !this.ambiguous[i] && (stubs || !this.stub[i])) out[k++] = i;
      }
    }
    return out.slice(0, k);
  }

  /**
   * The documents the predicate holds for, as a bitset over page positions (bit i & 31 of word
   * i >>> 5). The predicate is an OR of ANDs that repeat a few conditions ("in effect" is 24
   * clauses over 9 conditions): each distinct condition is one typed loop over the column, and the
   * clauses are then ANDs and ORs of 32 documents a word.
   */
  select(predicate: StatusPredicate): Uint32Array {
    const words = (this.ids.length + 31) >>> 5;
    const known = new Map<string, Uint32Array>();
    const bitsOf = (c: Cond) => {
      // "no such date" does not depend on the date asked: kept for the next query
      const cache = c.op === 'null' ? this.nulls : known;
      const key = `${c.field} ${c.op} ${c.op === 'null' ? '' : c.value}`;
      let bits = cache.get(key);
      if (!bits) cache.set(key, (bits = this.test(c, words)));
      return bits;
    };
    const clauses = predicate.map((clause) => clause.map(bitsOf));
    const out = new Uint32Array(words);
    for (const clause of clauses) {
      for (let w = 0; w < words; w++) {
        if (out[w] === 0xffffffff) continue;
        let x = 0xffffffff;
        for (let c = 0; c < clause.length && x; c++) x &= clause[c][w];
        out[w] |= x;
      }
    }
    return out;
  }

  private test(c: Cond, words: number): Uint32Array {
    const col = this.columns[c.field];
    const bits = new Uint32Array(words);
    const n = col.length;
    if (c.op === 'null') {
      for (let i = 0; i < n; i++) if (col[i] === NULL) bits[i >>> 5] |= 1 << (i & 31);
      return bits;
    }
    const v = c.field === 'endKind' ? KINDS[c.value] : day(c.value);
    if (c.op === '=') {
      for (let i = 0; i < n; i++) if (col[i] === v) bits[i >>> 5] |= 1 << (i & 31);
    } else if (c.op === '<=') {
      for (let i = 0; i < n; i++) if (col[i] !== NULL && col[i] <= v) bits[i >>> 5] |= 1 << (i & 31);
    } else {
      for (let i = 0; i < n; i++) if (col[i] !== NULL && col[i] > v) bits[i >>> 5] |= 1 << (i & 31);
    }
    return bits;
  }
}

/** Whether position i is set in a bitset from select(). */
export const isSet = (bits: Uint32Array, i: number): boolean => (bits[i >>> 5] & (1 << (i & 31))) !== 0;
