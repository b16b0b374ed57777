// The embedded store's in-memory graph and the one way it changes: apply(batch).
// apply is deterministic, so replaying the journal rebuilds exactly the same state.
// Every id (document or asserting source) is a number from `nodes`; evidence lives in a columnar
// table; adjacency lists hold row numbers.
import { numberKey, refKeys } from '../keys.js';
import { mergeStub } from '../stubs.js';
import { suppressedRelations } from '../../domain/curation.js';
import { ENDING_TYPES, sameEffect, summarise, type EndingFact } from '../../domain/effect.js';
import type { Curation, DocumentNode, EffectSummary, EvidenceRow, GraphBatch } from '../model.js';
import { EMPTY_EFFECT, relationKey } from '../model.js';
import { EvidenceTable } from './evidence-table.js';
import { flat, StringPool } from './pool.js';
import { GroupMap, membersOf } from './groups.js';
import { RowLinks } from './row-links.js';
import { TextIndex } from './text-index.js';
import { decodeIndex, encodeIndex } from './search-file.js';
import type { StateSizes } from './persist.js';
import { TextRefTable, type TextRef, type TextStore } from './text-store.js';

const NO_CANDIDATES: string[] = Object.freeze([]) as unknown as string[];
const UNDATED = new Set(['only-candidate', 'context', 'no-candidate', 'ambiguous']);
const ENDING = new Set<string>(ENDING_TYPES);
type Rows = number[];

function pushTo(lists: (Rows | undefined)[], n: number, row: number): void {
  (lists[n] ??= []).push(row);
}

function dropFrom(lists: (Rows | undefined)[], n: number, row: number): void {
  const list = lists[n];
  if (!list) return;
  const at = list.lastIndexOf(row);
  if (at >= 0) {
    list[at] = list[list.length - 1];
    list.pop();
  }
  if (!list.length) lists[n] = undefined;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class GraphState {
  /** Every id the graph names, as a number. */
  readonly nodes = new StringPool();
  readonly strings = new StringPool();
  readonly table = new EvidenceTable(this.strings);
  private readonly docs: (DocumentNode | undefined)[] = [];
  private readonly textRefs = new TextRefTable();
  /** Rows by the node they go out of, and by the node they point at. */
  private readonly out = new RowLinks();
  private readonly in = new RowLinks();
  /** Rows a document asserts between others (source ≠ from); the ones it asserts itself are in `out`. */
  private readonly assertedForOthers: (Rows | undefined)[] = [];
  /** Incoming SUPERSEDES and AMENDS rows only: what a status is judged on. */
  private readonly inEnding: (Rows | undefined)[] = [];
  /** Documents whose effect summary must be recomputed at the end of this apply. */
  private dirty = new Set<number>();
  private readonly bySymbol = new Map<string, number[]>();
  /** Effect summaries by value (effectOf). */
  private readonly effects = new Map<string, EffectSummary>();
  /**
   * Documents that can be candidates (keys.ts, candidateOfNode) by look-up key, then by locality
   * ('' for none, UNDATED for undated texts): a reference confined to a locality reads its own
   * bucket and not the whole country's (24/QĐ-UBND is in every province every year).
   */
  private readonly byCandidateKey = new Map<string, GroupMap>();
  /** Rows whose to- or from-reference was undated, by the reference's keys (keys.ts, refKeys); groups.ts says why not a Set each. */
  private readonly undated = new GroupMap();
  readonly files = new Map<string, { id: string; textHash: string | null }>();
  /** The file each loaded document came from: the reverse of `files`. */
  private readonly fileOf = new Map<string, string>();
  curations: Curation[] = [];
  suppressed = new Set<string>();
  search = new TextIndex();
  docCount = 0;
  /** Bumped on every change; caches compare it. */
  version = 0;
  private sortedIds: string[] | null = null;

  constructor(readonly texts: TextStore) {}

  // ---- reads ----

  /** Node number of an id, without adding it (reads must not grow the pool). */
  private find(id: string): number {
    return this.nodes.find(id) ?? -1;
  }

  doc(id: string): DocumentNode | undefined {
    const n = this.find(id);
    return n < 0 ? undefined : this.docs[n];
  }

  /** The document of a node number. */
  docAt(n: number): DocumentNode | undefined {
    return this.docs[n];
  }

  *documents(): Iterable<DocumentNode> {
    for (const d of this.docs) if (d) yield d;
  }

  /** Document ids in id order: the stable order of paging. */
  orderedIds(): string[] {
    if (!this.sortedIds) this.sortedIds = [...this.documents()].map((d) => d.id).sort(byString);
    return this.sortedIds;
  }

  idsBySymbol(key: string): string[] {
    return (this.bySymbol.get(key) ?? []).map((n) => this.nodes.value(n)!).sort(byString);
  }

  text(id: string): string | null {
    const ref = this.textRefs.get(this.find(id));
    return ref ? this.texts.read(ref) : null;
  }

  /**
   * A stored row as the API shows it. The quote is read from the source text: at once, lazily
   * (when first asked for, so a query that does not select it costs no read), or not at all; from
   * the source's span in `spans` when there is one (materializeRows). With `refs` false the
   * references as written are left null (a caller that reads no toRef or fromRef: ReadFields).
   */
  materialize(r: number, quote: QuoteRead = 'now', spans?: ReadonlyMap<number, QuoteSpan>, refs = true): EvidenceRow {
    const t = this.table;
    const source = t.source[r];
    const ref = this.textRefs.get(source);
    const names = { from: this.nodes.value(t.from[r])!, to: this.nodes.value(t.to[r])!, source: this.nodes.value(source)! };
    const span = spans?.get(source);
    if (quote !== 'lazy' || t.quotes.has(r) || !ref) {
      return t.row(r, names, (start, end) => (ref && quote === 'now' ? (span ? span.read(start, end) : this.texts.read(ref, start, end)) : ''), refs);
    }
    const row = t.row(r, names, () => '', refs);
    if (row.start === null || row.end === null) return row;
    const { start, end } = row;
    const texts = this.texts;
    let held: string | null = null;
    return Object.defineProperty(row, 'quote', {
      enumerable: true,
      get: () => (held ??= span ? span.read(start, end) : texts.read(ref, start, end)),
    });
  }

  /**
   * Rows as the API shows them, their quotes read now or lazily. The quotes of one source text come
   * from one read of the part that covers them all (when not longer than `spanMax`), so a
   * document's evidence costs one read of its text, not one per row.
   */
  materializeRows(rows: readonly number[], quote: QuoteRead, spanMax?: number, refs = true): EvidenceRow[] {
    if (quote === 'none') return rows.map((r) => this.materialize(r, 'none', undefined, refs));
    const t = this.table;
    const spans = new Map<number, QuoteSpan>();
    for (const r of rows) {
      // as in materialize: a quote held apart, or a row without offsets, reads nothing
      if (t.quotes.has(r) || t.start[r] < 0 || t.end[r] < 0) continue;
      const source = t.source[r];
      let span = spans.get(source);
      if (!span) {
        const ref = this.textRefs.get(source);
        if (!ref) continue;
        spans.set(source, (span = new QuoteSpan(this.texts, ref, spanMax)));
      }
      span.cover(t.start[r], t.end[r]);
    }
    return rows.map((r) => this.materialize(r, quote, spans, refs));
  }

  /**
   * The documents of these ids and of every node the rows name (from, to, source), each once: by
   * node number, so that no id is hashed again (at 1M a look-up by id is a cache miss in a map of
   * two million).
   */
  documentsNamed(ids: readonly string[], rows: readonly (readonly number[])[]): DocumentNode[] {
    const t = this.table;
    const named = new Set<number>();
    for (const id of ids) {
      const n = this.find(id);
      if (n >= 0) named.add(n);
    }
    for (const list of rows) for (const r of list) named.add(t.from[r]).add(t.to[r]).add(t.source[r]);
    const documents: DocumentNode[] = [];
    for (const n of named) {
      const d = this.docs[n];
      if (d) documents.push(d);
    }
    return documents;
  }

  isVisible(r: number): boolean {
    if (!this.suppressed.size) return true;
    const t = this.table;
    return !this.suppressed.has(relationKey(this.nodes.value(t.from[r])!, t.typeOf(r), this.nodes.value(t.to[r])!));
  }

  /** Row numbers touching a document: OUT (it asserts from), IN (it is the target), SOURCE (it asserted). */
  rowsOf(id: string, side: 'OUT' | 'IN' | 'SOURCE'): readonly number[] {
    const n = this.find(id);
    if (n < 0) return [];
    if (side !== 'SOURCE') return (side === 'OUT' ? this.out : this.in).rows(n);
    // a list per asserting document would mostly repeat `out`: built on demand instead
    const source = this.table.source;
    const own = this.out.rows(n).filter((r) => source[r] === n);
    const others = this.assertedForOthers[n];
    return others ? own.concat(others) : own;
  }

  /** Rows filed under an undated-reference key; with `since`, not those asserted by a document issued before it. */
  *undatedRows(key: string, since?: string): Iterable<number> {
    const rows = this.undated.get(key);
    if (rows === undefined) return;
    if (!since) return yield* membersOf(rows);
    for (const r of membersOf(rows)) {
      const issued = this.docs[this.table.source[r]]?.issuedOn;
      if (!issued || issued >= since) yield r;
    }
  }

  *allRows(): Iterable<number> {
    const t = this.table;
    for (let r = 0; r < t.size; r++) if (t.alive[r]) yield r;
  }

  rowKey(r: number): string {
    return this.table.key(r, this.nodes.value(this.table.source[r])!);
  }

  /** The row with this key, if stored. */
  findRow(key: string): number | undefined {
    const source = key.slice(0, key.indexOf('|'));
    for (const r of this.rowsOf(source, 'SOURCE')) if (this.rowKey(r) === key) return r;
    return undefined;
  }

  // ---- the one way it changes ----

  /**
   * The batch without the stubs that would change nothing here: a stub of a held node whose merge
   * adds nothing (mergeStub null) and which the batch does not rewrite. Every batch names the
   * stubs its references point at, mostly the same ones again, and the journal need not keep them.
   */
  withoutIdleStubs(batch: GraphBatch): GraphBatch {
    if (!batch.stubs.length) return batch;
    const rewritten = new Set(batch.documents.map((d) => d.id));
    for (const { file } of batch.files) {
      const before = this.files.get(file);
      if (before) rewritten.add(before.id);
    }
    const stubs = batch.stubs.filter((stub) => {
      const held = rewritten.has(stub.id) ? undefined : this.doc(stub.id);
      return !held || mergeStub(held, stub) !== null;
    });
    return stubs.length === batch.stubs.length ? batch : { ...batch, stubs };
  }

  /** Apply a batch whose texts are already written: `textRefs` says where each batch text lives. */
  apply(batch: GraphBatch, at: string, textRefs: TextRef[]): void {
    const touched = new Set<number>();
    const touch = (n: number) => touched.add(n);
    const batchText = new Map(batch.texts.map((t, i) => [t.id, { text: t.text, ref: textRefs[i] }]));

    for (const { file, id } of batch.files) {
      const before = this.files.get(file);
      if (before && before.id !== id) this.unloadDocument(before.id, touch);
    }
    for (const doc of batch.documents) {
      for (const r of [...this.rowsOf(doc.id, 'SOURCE')]) this.removeRow(r, touch);
      const previous = this.fileOf.get(doc.id);
      if (doc.file && previous !== undefined && previous !== doc.file) this.files.delete(previous);
      this.putDocument({ ...doc, stub: false, ambiguous: false }, touch, !batchText.has(doc.id));
    }
    for (const { file, id } of batch.files) this.setFile(file, id, this.doc(id)?.textHash ?? null);
    for (const { id } of batch.texts) {
      const n = this.nodes.id(id);
      this.textRefs.set(n, batchText.get(id)!.ref);
      const doc = this.docs[n];
      if (doc) this.search.set(n, headOf(doc), batchText.get(id)!.text);
    }
    for (const stub of batch.stubs) {
      const held = this.doc(stub.id);
      const merged = held ? mergeStub(held, stub) : stub;
      if (merged) this.putDocument(merged, touch);
    }
    for (const key of batch.deleteEvidence) {
      const r = this.findRow(key);
      if (r !== undefined) this.removeRow(r, touch);
    }
    for (const move of batch.repoint) {
      const r = this.findRow(move.key);
      if (r === undefined) continue;
      const row = this.materialize(r);
      // a quote that is not the slice of its text (normalised OCR) is held apart and must stay so
      const isSlice = !this.table.quotes.has(r);
      this.removeRow(r, touch);
      this.addRow({ ...row, from: move.from ?? row.from, to: move.to ?? row.to, toHow: move.toHow ?? row.toHow, fromHow: move.fromHow ?? row.fromHow }, touch, isSlice);
    }
    // The batch's documents lost all their rows above and batch keys are unique: no need to look
    // for a held row (findRow scans the source's rows, so doing it per row is O(n²) for one
    // document with many references: a 60 MB text with 60,000 rows did not finish in 5 minutes).
    const replaced = new Set(batch.documents.map((d) => d.id));
    for (const row of batch.evidence) {
      const held = replaced.has(row.source) ? undefined : this.findRow(row.key);
      if (held !== undefined) this.removeRow(held, touch);
      const text = batchText.get(row.source)?.text ?? null;
      const isSlice = row.start !== null && row.end !== null && !row.curated && (text !== null ? text.slice(row.start, row.end) === row.quote : this.quoteFromStore(row) === row.quote);
      this.addRow(row, touch, isSlice);
    }
    if (batch.curations.length) {
      this.curations = [...this.curations, ...batch.curations];
      const before = this.suppressed;
      this.suppressed = suppressedRelations(this.curations);
      for (const c of batch.curations) {
        const key = relationKey(c.from, c.type, c.to);
        if (before.has(key) !== this.suppressed.has(key)) {
          touch(this.nodes.id(c.from));
          touch(this.nodes.id(c.to));
          this.dirty.add(this.nodes.id(c.to));
        }
      }
    }
    this.collectStubs(touched);
    this.refreshEffects(touched, at);
    if (this.search.wasted) this.rebuildSearch();
    this.version++;
  }

  /** The held summary equal to this one (frozen, shared by every document it describes). */
  private effectOf(effect: EffectSummary): EffectSummary {
    const e = effect;
    // joined, not a template: a template's key stays a tree of pieces in the map (V8 cons strings)
    const key = [e.startsOn, e.startPresumed, e.effectiveFrom, e.endsOn, e.endKind, e.endPresumed, e.partlyEndsOn].join('|');
    let held = this.effects.get(key);
    if (!held) {
      // a literal, frozen: a frozen copy made by spreading got a hidden class of its own each
      held = Object.freeze({ startsOn: e.startsOn, startPresumed: e.startPresumed, effectiveFrom: e.effectiveFrom, endsOn: e.endsOn, endKind: e.endKind, endPresumed: e.endPresumed, partlyEndsOn: e.partlyEndsOn });
      this.effects.set(key, held);
    }
    return held;
  }

  private quoteFromStore(row: EvidenceRow): string | null {
    const ref = this.textRefs.get(this.nodes.id(row.source));
    return ref && row.start !== null && row.end !== null ? this.texts.read(ref, row.start, row.end) : null;
  }

  /** Store a node; `index` says whether to (re)index its search fields now (its text comes later otherwise). */
  private putDocument(doc: DocumentNode, touch: (n: number) => void, index = true): void {
    const n = this.nodes.id(doc.id);
    const held = this.docs[n];
    if (held) for (const key of [held.symbolKey, numberKey(held.symbol)]) if (key) this.dropSymbol(key, n, held);
    if (!held) {
      this.sortedIds = null;
      this.docCount++;
    }
    // Field by field, not spread: documents built alike share one V8 hidden class (a spread of parsed
    // records gave a third of them their own). Recurring values (titles, dates, effect summaries) are
    // held once; the shared objects are frozen.
    const s = this.strings;
    this.docs[n] = {
      id: this.nodes.value(n)!,
      symbol: s.intern(doc.symbol),
      symbolKey: s.intern(doc.symbolKey),
      type: s.intern(doc.type),
      issuer: s.intern(doc.issuer),
      issuedOn: s.intern(doc.issuedOn),
      issuedNotBefore: s.intern(doc.issuedNotBefore),
      effectiveFrom: s.intern(doc.effectiveFrom),
      expiresOn: s.intern(doc.expiresOn),
      title: s.intern(doc.title),
      place: s.intern(doc.place),
      locality: s.intern(doc.locality),
      term: s.intern(doc.term),
      stub: doc.stub,
      ambiguous: doc.ambiguous,
      candidates: doc.candidates.length ? doc.candidates : NO_CANDIDATES,
      consolidated: doc.consolidated,
      file: doc.file === held?.file ? held.file : doc.file && flat(doc.file),
      textHash: doc.textHash,
      effect: held?.effect ?? this.effectOf(doc.effect ?? EMPTY_EFFECT),
      updatedAt: held?.updatedAt ?? null,
    };
    for (const key of [doc.symbolKey, numberKey(doc.symbol)]) {
      if (!key) continue;
      (this.bySymbol.get(key) ?? this.bySymbol.set(key, []).get(key)!).push(n);
      const bucket = candidateBucket(doc);
      if (bucket === null) continue;
      (this.byCandidateKey.get(key) ?? this.byCandidateKey.set(key, new GroupMap()).get(key)!).add(bucket, n);
    }
    this.dirty.add(n);
    if (doc.stub) this.textRefs.set(n, undefined);
    if (index && (!held || doc.stub || headOf(held) !== headOf(doc))) {
      const ref = this.textRefs.get(n);
      this.search.set(n, headOf(doc), ref ? this.texts.read(ref) : null);
    }
    touch(n);
  }

  private dropSymbol(key: string, n: number, held: DocumentNode): void {
    const list = this.bySymbol.get(key);
    if (!list) return;
    const at = list.indexOf(n);
    if (at >= 0) list.splice(at, 1);
    if (!list.length) this.bySymbol.delete(key);
    const bucket = candidateBucket(held);
    const buckets = bucket === null ? undefined : this.byCandidateKey.get(key);
    if (!buckets) return;
    buckets.delete(bucket!, n);
    if (!buckets.size) this.byCandidateKey.delete(key);
  }

  /**
   * Node numbers of the candidates under a look-up key: all of them, or (with localities) those of
   * these localities or of none, the undated ones, and up to `others` dated ones of other localities.
   */
  candidateNodes(key: string, localities?: readonly string[], others = 3): number[] {
    const buckets = this.byCandidateKey.get(key);
    if (!buckets) return [];
    const out: number[] = [];
    if (!localities) {
      for (const [, group] of buckets.entries()) for (const n of membersOf(group)) out.push(n);
      return out;
    }
    const wanted = new Set(['', UNDATED_BUCKET, ...localities]);
    for (const b of wanted) for (const n of membersOf(buckets.get(b))) out.push(n);
    let left = others;
    for (const [b, group] of buckets.entries()) {
      if (left <= 0) break;
      if (wanted.has(b)) continue;
      for (const n of membersOf(group)) {
        if (left-- <= 0) break;
        out.push(n);
      }
    }
    return out;
  }

  /** A file now holds another document: what the old one asserted goes; it stays as a stub if still named. */
  private unloadDocument(id: string, touch: (n: number) => void): void {
    for (const r of [...this.rowsOf(id, 'SOURCE')]) this.removeRow(r, touch);
    const doc = this.doc(id);
    if (doc) this.putDocument({ ...doc, stub: true, file: null, textHash: null }, touch);
  }

  private addRow(row: EvidenceRow, touch: (n: number) => void, quoteIsSlice: boolean): void {
    const ids = { from: this.nodes.id(row.from), to: this.nodes.id(row.to), source: this.nodes.id(row.source) };
    const r = this.table.add(row, ids, quoteIsSlice);
    this.out.add(ids.from, r);
    this.in.add(ids.to, r);
    if (ids.source !== ids.from) pushTo(this.assertedForOthers, ids.source, r);
    if (ENDING.has(row.type)) {
      pushTo(this.inEnding, ids.to, r);
      this.dirty.add(ids.to);
    }
    for (const k of undatedKeys(row)) this.undated.add(k, r);
    touch(ids.from);
    touch(ids.to);
  }

  private removeRow(r: number, touch: (n: number) => void): void {
    const t = this.table;
    if (!t.alive[r]) return;
    const refs = { toRef: t.toRefOf(r), fromRef: t.fromRefs.get(r) ?? null, toHow: t.howOf(t.toHow[r]), fromHow: t.howOf(t.fromHow[r]) };
    for (const k of undatedKeys(refs)) this.undated.delete(k, r);
    this.out.remove(t.from[r], r);
    this.in.remove(t.to[r], r);
    if (t.source[r] !== t.from[r]) dropFrom(this.assertedForOthers, t.source[r], r);
    if (ENDING.has(t.typeOf(r))) {
      dropFrom(this.inEnding, t.to[r], r);
      this.dirty.add(t.to[r]);
    }
    touch(t.from[r]);
    touch(t.to[r]);
    t.remove(r);
  }

  /** Stubs that nothing names any more are removed: a stub exists only through references. */
  private collectStubs(touched: Set<number>): void {
    for (const n of touched) {
      const doc = this.docs[n];
      if (!doc || !doc.stub) continue;
      if (this.out.has(n) || this.in.has(n)) continue;
      for (const key of [doc.symbolKey, numberKey(doc.symbol)]) if (key) this.dropSymbol(key, n, doc);
      this.docs[n] = undefined;
      this.docCount--;
      this.search.delete(n);
      this.sortedIds = null;
    }
  }

  /** Facts that decide a document's effect: visible SUPERSEDES and AMENDS pointing at it. */
  endingFacts(id: string): EndingFact[] {
    const facts: EndingFact[] = [];
    const t = this.table;
    const n = this.find(id);
    for (const r of (n < 0 ? undefined : this.inEnding[n]) ?? []) {
      if (!this.isVisible(r)) continue;
      const row = this.materialize(r, 'none');
      facts.push({ row, from: this.doc(row.from) ?? null, source: this.doc(row.source) ?? null });
    }
    return facts.sort((a, b) => byString(a.row.key, b.row.key));
  }

  /**
   * Recompute the summaries that may have changed: documents put in this batch, targets of ending
   * rows added or removed, and targets of endings asserted by a document whose dates may have changed.
   */
  private refreshEffects(touched: Set<number>, at: string): void {
    const t = this.table;
    const affected = new Set<number>();
    for (const n of this.dirty) {
      if (!this.docs[n]) continue;
      affected.add(n);
      for (const list of [this.out.rows(n), this.assertedForOthers[n]]) for (const r of list ?? []) if (ENDING.has(t.typeOf(r))) affected.add(t.to[r]);
    }
    this.dirty = new Set();
    for (const n of affected) {
      const doc = this.docs[n];
      if (!doc) continue;
      const effect = summarise(doc, this.endingFacts(doc.id));
      if (!sameEffect(effect, doc.effect)) {
        doc.effect = this.effectOf(effect);
        doc.updatedAt = at;
      }
    }
    for (const n of touched) {
      const doc = this.docs[n];
      if (doc) doc.updatedAt = at;
    }
  }

  private rebuildSearch(): void {
    const index = new TextIndex();
    for (let n = 0; n < this.docs.length; n++) {
      const doc = this.docs[n];
      if (!doc) continue;
      const ref = this.textRefs.get(n);
      index.set(n, headOf(doc), ref ? this.texts.read(ref) : null);
    }
    this.search = index;
  }

  // ---- snapshot: the state as records, and back ----

  /** Text segments some document still refers to. */
  usedTextSegments(): Set<number> {
    return this.textRefs.segments();
  }

  *snapshotRecords(): Iterable<SnapshotRecord> {
    for (const id of this.orderedIds()) {
      const n = this.nodes.id(id);
      yield { doc: this.docs[n]!, text: this.textRefs.get(n) ?? null };
    }
    for (const r of this.allRows()) yield { ev: this.materialize(r, 'none'), quoted: this.table.quotes.has(r) };
    for (const cur of this.curations) yield { cur };
    for (const [file, held] of this.files) yield { file: [file, held.id, held.textHash] };
  }

  /** A snapshot record back into the state; the full-text index follows in `restoreSearch`. */
  restore(rec: SnapshotRecord): void {
    const ignore = () => {};
    if ('doc' in rec) {
      this.putDocument(rec.doc, ignore, false);
      const n = this.nodes.id(rec.doc.id);
      // putDocument took the effect summary; the update stamp is the record's, not a new one
      this.docs[n]!.updatedAt = this.strings.intern(rec.doc.updatedAt ?? null);
      if (rec.text) this.textRefs.set(n, rec.text);
    } else if ('ev' in rec) this.addRow(rec.ev, ignore, !rec.quoted);
    else if ('cur' in rec) this.curations.push(rec.cur);
    else this.setFile(rec.file[0], rec.file[1], rec.file[2]);
  }

  private setFile(file: string, id: string, textHash: string | null): void {
    const held = this.files.get(file);
    if (held && this.fileOf.get(held.id) === file) this.fileOf.delete(held.id);
    // the document's own strings where equal: a snapshot's file records parse into copies of them
    const doc = this.doc(id);
    if (doc) {
      id = doc.id;
      if (doc.file === file) file = doc.file;
      if (doc.textHash === textHash) textHash = doc.textHash;
    }
    this.files.set(file, { id, textHash });
    this.fileOf.set(id, file);
  }

  /** The full-text index as bytes (search-file.ts); nothing may change the state until they are written. */
  searchBytes(lastSeq: number): Iterable<Uint8Array> {
    return encodeIndex(this.search.parts(), (n) => this.nodes.value(n)!, lastSeq);
  }

  /**
   * After the snapshot's records: the index read from its file when that file is the snapshot's
   * and names every document once, else rebuilt from the texts. Says which it was.
   */
  restoreSearch(bytes: Buffer | null, lastSeq: number): 'file' | 'texts' {
    const nodeOf = (id: string) => {
      const n = this.nodes.find(id);
      return n !== undefined && this.docs[n] ? n : undefined;
    };
    const index = bytes && decodeIndex(bytes, lastSeq, nodeOf);
    if (index && index.size === this.docCount) {
      this.search = index;
      return 'file';
    }
    this.rebuildSearch();
    return 'texts';
  }

  /** What a snapshot of this state holds: its rows, and the nodes, an upper bound (persist.ts StateSizes). */
  sizes(): StateSizes {
    return { rows: this.table.count, nodes: this.nodes.size };
  }

  /** Columns sized for a snapshot's rows and nodes before it is restored. */
  reserve(sizes: StateSizes): void {
    this.table.reserve(sizes.rows);
    this.out.reserve(sizes.nodes, sizes.rows);
    this.in.reserve(sizes.nodes, sizes.rows);
  }

  /** Columns cut to what they hold (after an open without sizes: growth left a third of them empty). */
  fit(): void {
    this.table.fit();
    this.out.fit(this.nodes.size, this.table.size);
    this.in.fit(this.nodes.size, this.table.size);
  }

  /** After a snapshot has been restored. */
  restored(): void {
    this.dirty = new Set();
    this.suppressed = suppressedRelations(this.curations);
    this.version++;
  }
}

/** When a row's quote is read: at once, when first asked for, or not at all (the row's quote is ''). */
export type QuoteRead = 'now' | 'lazy' | 'none';

/** The part of one source text that some rows quote, read once when the first of them is asked for. */
export class QuoteSpan {
  private from = Infinity;
  private to = -Infinity;
  private text: string | null = null;

  constructor(
    private readonly texts: TextStore,
    private readonly ref: TextRef,
    /** Longer spans are not read whole: each quote is read on its own instead. */
    private readonly max = 1 << 16,
  ) {}

  cover(start: number, end: number): void {
    this.from = Math.min(this.from, start);
    this.to = Math.max(this.to, end);
  }

  read(start: number, end: number): string {
    if (this.to - this.from > this.max || start < this.from || end > this.to) return this.texts.read(this.ref, start, end);
    this.text ??= this.texts.read(this.ref, this.from, this.to);
    return this.text.slice(start - this.from, end - this.from);
  }
}

export type SnapshotRecord =
  | { doc: DocumentNode; text: TextRef | null }
  | { ev: EvidenceRow; quoted: boolean }
  | { cur: Curation }
  | { file: [string, string, string | null] };

const UNDATED_BUCKET = '\u0000undated';

/** The candidate bucket of a document (see byCandidateKey), or null when it is no candidate. */
function candidateBucket(d: DocumentNode): string | null {
  if (!d.symbol || d.ambiguous || (!d.issuedOn && d.stub)) return null;
  return d.issuedOn ? (d.locality ?? '') : UNDATED_BUCKET;
}

function headOf(doc: Pick<DocumentNode, 'symbol' | 'type' | 'title' | 'issuer'>): string {
  return [doc.symbol, doc.type, doc.title, doc.issuer].filter(Boolean).join(' ');
}

function undatedKeys(row: Pick<EvidenceRow, 'toRef' | 'fromRef' | 'toHow' | 'fromHow'>): string[] {
  const keys: string[] = [];
  for (const [how, ref] of [[row.toHow, row.toRef], [row.fromHow, row.fromRef]] as const) {
    const k = UNDATED.has(how) ? refKeys(ref) : null;
    if (k) keys.push(k.key, k.local);
  }
  return [...new Set(keys)];
}
