// Evidence rows as columns of typed arrays: tens of millions of rows fit in a few hundred MB.
// Quotes are not stored when they are exactly the slice of the source text their offsets name;
// keys are not stored when they follow the loader's pattern (source|start|end|type|from|to).
import { RELATION_TYPES, type RelationType } from '../../../graph-loaders/types.js';
import type { EvidenceRow } from '../model.js';
import { StringPool } from './pool.js';
import { grow } from './columns.js';
import { Utf8Pool } from './utf8-pool.js';

const HOWS = ['dated', 'only-candidate', 'context', 'no-candidate', 'ambiguous', 'self', 'curated'] as const;
type How = EvidenceRow['toHow'];

const NONE = -1;

/**
 * A reference as written (row.toRef) is JSON of the reference and of the citing document's
 * context. Split here, each half is pooled as UTF-8 (utf8-pool.ts): the reference recurs across
 * citing documents and the context across a document's rows. Any string splits and joins back
 * exactly. Pooled values of removed rows stay until the store is next opened.
 */
const CITING = ',"citing":';

const COLUMNS = ['from', 'to', 'source', 'type', 'toHow', 'fromHow', 'start', 'end', 'rule', 'kind', 'scope', 'effectiveFrom', 'fromSym', 'toSym', 'toRefHead', 'toRefTail', 'alive'] as const;
type Columns = Record<(typeof COLUMNS)[number], Uint8Array | Uint16Array | Uint32Array | Int32Array>;
/** Columns of `labels` ids: 16 bits while the pool is small enough, 32 after. */
const LABELS = ['rule', 'kind', 'scope', 'effectiveFrom'] as const;

export interface Curated {
  author: string | null;
  at: string | null;
  reason: string | null;
}

export class EvidenceTable {
  /** Node ids (documents and asserting sources) are numbers from the state's node pool. */
  from = new Uint32Array(0);
  to = new Uint32Array(0);
  source = new Uint32Array(0);
  type = new Uint8Array(0);
  toHow = new Uint8Array(0);
  fromHow = new Uint8Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  /** Rule, kind, scope and effective date: a few thousand values between them, apart from `strings`. */
  readonly labels = new StringPool();
  rule: Uint16Array | Uint32Array = new Uint16Array(0);
  kind: Uint16Array | Uint32Array = new Uint16Array(0);
  scope: Uint16Array | Uint32Array = new Uint16Array(0);
  effectiveFrom: Uint16Array | Uint32Array = new Uint16Array(0);
  fromSym = new Uint32Array(0);
  toSym = new Uint32Array(0);
  /** row.toRef as two halves (0: none) pooled in `refs`; see CITING. */
  readonly refs = new Utf8Pool();
  toRefHead = new Uint32Array(0);
  toRefTail = new Uint32Array(0);
  alive = new Uint8Array(0);
  /** Rarely used values, by row. */
  readonly keys = new Map<number, string>();
  readonly quotes = new Map<number, string>();
  readonly fromRefs = new Map<number, string>();
  readonly curated = new Map<number, Curated>();
  private readonly free: number[] = [];
  size = 0;
  count = 0;

  constructor(readonly strings: StringPool) {}

  /** Room for n rows. */
  reserve(n: number): void {
    if (n <= this.alive.length) return;
    for (const c of COLUMNS) (this as Columns)[c] = grow((this as Columns)[c], n);
  }

  /** Columns cut to the rows held, without the room growth leaves (a third of them after an open). */
  fit(): void {
    if (this.alive.length === this.size) return; // sized once already (an open with sizes)
    for (const c of COLUMNS) (this as Columns)[c] = (this as Columns)[c].slice(0, this.size);
  }

  /** Store a row; `quoteIsSlice` says the quote equals the source text between its offsets. */
  add(row: EvidenceRow, ids: { from: number; to: number; source: number }, quoteIsSlice: boolean): number {
    const r = this.free.pop() ?? this.size++;
    this.reserve(this.size);
    this.from[r] = ids.from;
    this.to[r] = ids.to;
    this.source[r] = ids.source;
    this.type[r] = RELATION_TYPES.indexOf(row.type);
    this.toHow[r] = HOWS.indexOf(row.toHow as (typeof HOWS)[number]);
    this.fromHow[r] = HOWS.indexOf(row.fromHow as (typeof HOWS)[number]);
    this.start[r] = row.start ?? NONE;
    this.end[r] = row.end ?? NONE;
    const rule = this.labels.id(row.rule);
    const kind = this.labels.id(row.kind);
    const scope = this.labels.id(row.scope);
    const effectiveFrom = this.labels.id(row.effectiveFrom);
    if (this.labels.size > 0xffff && this.rule instanceof Uint16Array) for (const c of LABELS) this[c] = Uint32Array.from(this[c]);
    this.rule[r] = rule;
    this.kind[r] = kind;
    this.scope[r] = scope;
    this.effectiveFrom[r] = effectiveFrom;
    const parts = row.key.split('|');
    const patterned = parts.length === 6 && parts[0] === row.source && parts[1] === String(row.start) && parts[2] === String(row.end) && parts[3] === row.type;
    this.fromSym[r] = patterned ? this.strings.id(parts[4]) : 0;
    this.toSym[r] = patterned ? this.strings.id(parts[5]) : 0;
    if (!patterned) this.keys.set(r, row.key);
    if (!quoteIsSlice) this.quotes.set(r, row.quote);
    const cut = row.toRef ? row.toRef.indexOf(CITING) : -1;
    this.toRefHead[r] = row.toRef ? this.refs.id(cut > 0 ? row.toRef.slice(0, cut) : row.toRef) : 0;
    this.toRefTail[r] = row.toRef && cut > 0 ? this.refs.id(row.toRef.slice(cut)) : 0;
    if (row.fromRef) this.fromRefs.set(r, row.fromRef);
    if (row.curated) this.curated.set(r, { author: row.author, at: row.at, reason: row.reason });
    this.alive[r] = 1;
    this.count++;
    return r;
  }

  remove(r: number): void {
    if (!this.alive[r]) return;
    this.alive[r] = 0;
    this.keys.delete(r);
    this.quotes.delete(r);
    this.toRefHead[r] = 0;
    this.toRefTail[r] = 0;
    this.fromRefs.delete(r);
    this.curated.delete(r);
    this.free.push(r);
    this.count--;
  }

  toRefOf(r: number): string | null {
    const head = this.refs.value(this.toRefHead[r]);
    return head === null ? null : head + (this.refs.value(this.toRefTail[r]) ?? '');
  }

  typeOf(r: number): RelationType {
    return RELATION_TYPES[this.type[r]];
  }

  howOf(code: number): How {
    return HOWS[code] as How;
  }

  setHow(r: number, side: 'to' | 'from', how: How): void {
    (side === 'to' ? this.toHow : this.fromHow)[r] = HOWS.indexOf(how as (typeof HOWS)[number]);
  }

  key(r: number, sourceId: string): string {
    const held = this.keys.get(r);
    if (held !== undefined) return held;
    return [sourceId, this.start[r], this.end[r], this.typeOf(r), this.strings.value(this.fromSym[r]), this.strings.value(this.toSym[r])].join('|');
  }

  /**
   * The row as the API shows it; names of nodes and the quote come from the caller. With `refs`
   * false the references as written (toRef, fromRef) are left null: no string decoded per row.
   */
  row(r: number, names: { from: string; to: string; source: string }, quote: (start: number, end: number) => string, refs = true): EvidenceRow {
    const start = this.start[r] === NONE ? null : this.start[r];
    const end = this.end[r] === NONE ? null : this.end[r];
    const curated = this.curated.get(r);
    return {
      key: this.key(r, names.source),
      from: names.from,
      to: names.to,
      type: this.typeOf(r),
      source: names.source,
      quote: this.quotes.get(r) ?? (start !== null && end !== null ? quote(start, end) : ''),
      start,
      end,
      rule: this.labels.value(this.rule[r]) ?? '',
      kind: this.labels.value(this.kind[r]),
      scope: this.labels.value(this.scope[r]),
      effectiveFrom: this.labels.value(this.effectiveFrom[r]),
      curated: !!curated,
      author: curated?.author ?? null,
      at: curated?.at ?? null,
      reason: curated?.reason ?? null,
      toRef: refs ? this.toRefOf(r) : null,
      toHow: this.howOf(this.toHow[r]),
      fromRef: refs ? (this.fromRefs.get(r) ?? null) : null,
      fromHow: this.howOf(this.fromHow[r]),
    };
  }
}
