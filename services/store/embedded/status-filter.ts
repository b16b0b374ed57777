// Status filters over every document at once: the effect timelines (domain/effect.ts) as
// typed-array columns in page order, dates as YYYYMMDD integers, so "in effect on <date>" over
// 100k documents is two tight loops instead of an object walk. Rebuilt when the graph changes.
import { TIMELINE_FIELDS, timeline, type StatusPredicate, type TimelineField } from '../../domain/effect.js';
import type { DocumentNode } from '../model.js';

const NULL = -1;

// '' (issued before every date) is day 0
const day = (d: string | null): number => (d === null ? NULL : d === '' ? 0 : Number(d.slice(0, 4) + d.slice(5, 7) + d.slice(8, 10)));

export class StatusColumns {
  readonly columns = {} as Record<TimelineField, Int32Array>;
  /** Per position: 1 for an ambiguous placeholder (never listed), and 1 for a stub. */
  readonly ambiguous: Uint8Array;
  readonly stub: Uint8Array;

  constructor(
    readonly ids: readonly string[],
    docOf: (id: string) => DocumentNode,
  ) {
    const n = ids.length;
    for (const f of TIMELINE_FIELDS) this.columns[f] = new Int32Array(n);
    this.ambiguous = new Uint8Array(n);
    this.stub = new Uint8Array(n);
    const { issued, effective, partly, ended, superseded, expired } = this.columns;
    for (let i = 0; i < n; i++) {
      const d = docOf(ids[i]);
      const t = timeline(d.effect);
      this.ambiguous[i] = d.ambiguous ? 1 : 0;
      this.stub[i] = d.stub ? 1 : 0;
      // field by field, not a loop over the names: a million documents are built at each change
      issued[i] = day(t.issued);
      effective[i] = day(t.effective);
      partly[i] = day(t.partly);
      ended[i] = day(t.ended);
      superseded[i] = day(t.superseded);
      expired[i] = day(t.expired);
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
   * i >>> 5): per window, "reached `from`" and not "reached `until`", each one typed loop over a
   * column, then ANDs and ORs of 32 documents a word.
   */
  select(predicate: StatusPredicate): Uint32Array {
    const words = (this.ids.length + 31) >>> 5;
    const out = new Uint32Array(words).fill(0xffffffff);
    for (const filter of predicate) {
      const on = day(filter.on);
      const any = new Uint32Array(words);
      for (const w of filter.windows) {
        const from = w.from === null ? null : this.reached(w.from, on, words);
        const until = w.until === null ? null : this.reached(w.until, on, words);
        for (let i = 0; i < words; i++) any[i] |= (from ? from[i] : 0xffffffff) & ~(until ? until[i] : 0);
      }
      for (let i = 0; i < words; i++) out[i] &= any[i];
    }
    return out;
  }

  /** Documents whose timeline date `field` is on or before `on` (never for a null one). */
  private reached(field: TimelineField, on: number, words: number): Uint32Array {
    const col = this.columns[field];
    const bits = new Uint32Array(words);
    for (let i = 0; i < col.length; i++) if (col[i] !== NULL && col[i] <= on) bits[i >>> 5] |= 1 << (i & 31);
    return bits;
  }
}

/** Whether position i is set in a bitset from select(). */
export const isSet = (bits: Uint32Array, i: number): boolean => (bits[i >>> 5] & (1 << (i & 31))) !== 0;
