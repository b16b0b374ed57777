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

  /** Positions (in page order) of the documents the predicate holds for. */
  select(predicate: StatusPredicate): Uint8Array {
    const n = this.ids.length;
    const hit = new Uint8Array(n);
    for (const all of predicate) {
      const tests = all.map((c) => this.test(c));
      for (let i = 0; i < n; i++) {
        if (hit[i]) continue;
        let ok = 1;
        for (let t = 0; t < tests.length && ok; t++) if (!tests[t](i)) ok = 0;
        hit[i] = ok;
      }
    }
    return hit;
  }

  private test(c: Cond): (i: number) => boolean {
    const col = this.columns[c.field];
    if (c.op === 'null') return (i) => col[i] === NULL;
    const v = c.field === 'endKind' ? KINDS[c.value] : day(c.value);
    if (c.op === '=') return (i) => col[i] === v;
    if (c.op === '<=') return (i) => col[i] !== NULL && col[i] <= v;
    return (i) => col[i] !== NULL && col[i] > v;
  }
}
