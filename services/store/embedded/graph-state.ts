// The embedded store's in-memory graph and the one way it changes: apply(batch).
// apply is deterministic, so replaying the journal rebuilds exactly the same state.
import { symbolKey } from '../../../graph-loaders/ids.js';
import { suppressedRelations } from '../../domain/curation.js';
import { sameEffect, summarise, type EndingFact } from '../../domain/effect.js';
import type { Curation, DocumentNode, EvidenceRow, GraphBatch } from '../model.js';
import { EMPTY_EFFECT, relationKey } from '../model.js';
import { TextIndex } from './text-index.js';
import type { SnapshotLine } from './persist.js';

type KeySet = Set<string>;

function addTo(index: Map<string, KeySet>, id: string, key: string): void {
  let set = index.get(id);
  if (!set) index.set(id, (set = new Set()));
  set.add(key);
}

function removeFrom(index: Map<string, KeySet>, id: string, key: string): void {
  const set = index.get(id);
  if (!set) return;
  set.delete(key);
  if (set.size === 0) index.delete(id);
}

/** Symbol key of the reference a row was resolved from, for re-resolution when candidates change. */
export function refSymbolKey(ref: string | null): string | null {
  if (!ref) return null;
  const parsed = JSON.parse(ref) as { ref?: { symbol?: string } };
  return parsed.ref?.symbol ? symbolKey(parsed.ref.symbol) : null;
}

const UNDATED = new Set(['only-candidate', 'context', 'no-candidate', 'ambiguous']);

export class GraphState {
  readonly docs = new Map<string, DocumentNode>();
  readonly texts = new Map<string, string>();
  readonly evidence = new Map<string, EvidenceRow>();
  readonly out = new Map<string, KeySet>();
  readonly in = new Map<string, KeySet>();
  readonly bySource = new Map<string, KeySet>();
  readonly bySymbol = new Map<string, KeySet>();
  /** Evidence whose to- or from-reference was undated, by the reference's symbol key. */
  readonly undated = new Map<string, KeySet>();
  readonly files = new Map<string, { id: string; textHash: string | null }>();
  curations: Curation[] = [];
  suppressed = new Set<string>();
  readonly search = new TextIndex();
  /** Bumped on every change; caches compare it. */
  version = 0;
  private sortedIds: string[] | null = null;

  isVisible(row: EvidenceRow): boolean {
    return !this.suppressed.has(relationKey(row.from, row.type, row.to));
  }

  /** Document ids in id order: the stable order of paging. */
  orderedIds(): string[] {
    if (!this.sortedIds) this.sortedIds = [...this.docs.keys()].sort();
    return this.sortedIds;
  }

  // ---- snapshot: the state as lines, and back ----

  *snapshotLines(): Iterable<SnapshotLine> {
    for (const id of this.orderedIds()) yield { doc: this.docs.get(id)! };
    for (const [id, text] of this.texts) yield { text: [id, text] };
    for (const row of this.evidence.values()) yield { ev: row };
    for (const cur of this.curations) yield { cur };
    for (const [file, held] of this.files) yield { file: [file, held.id, held.textHash] };
  }

  restore(line: SnapshotLine): void {
    const ignore = () => {};
    if ('doc' in line) {
      this.putDocument(line.doc, ignore);
      Object.assign(this.docs.get(line.doc.id)!, { effect: line.doc.effect, updatedAt: line.doc.updatedAt ?? null });
    } else if ('text' in line) {
      this.texts.set(line.text[0], line.text[1]);
      const doc = this.docs.get(line.text[0]);
      if (doc) this.search.set(doc.id, doc, line.text[1]);
    } else if ('ev' in line) this.addEvidence(line.ev, ignore);
    else if ('cur' in line) {
      this.curations.push(line.cur);
      this.suppressed = suppressedRelations(this.curations);
    } else if ('file' in line) this.files.set(line.file[0], { id: line.file[1], textHash: line.file[2] });
    this.version++;
  }

  apply(batch: GraphBatch, at: string): void {
    const touched = new Set<string>();
    const touch = (id: string) => touched.add(id);

    for (const { file, id } of batch.files) {
      const before = this.files.get(file);
      if (before && before.id !== id) this.unloadDocument(before.id, touch);
    }
    for (const doc of batch.documents) {
      for (const key of [...(this.bySource.get(doc.id) ?? [])]) this.removeEvidence(key, touch);
      if (doc.file) {
        for (const [file, held] of this.files) if (held.id === doc.id && file !== doc.file) this.files.delete(file);
      }
      this.putDocument({ ...doc, stub: false, ambiguous: false }, touch);
    }
    for (const { file, id } of batch.files) this.files.set(file, { id, textHash: this.docs.get(id)?.textHash ?? null });
    for (const { id, text } of batch.texts) {
      this.texts.set(id, text);
      const doc = this.docs.get(id);
      if (doc) this.search.set(id, doc, text);
    }
    for (const stub of batch.stubs) {
      const held = this.docs.get(stub.id);
      if (!held) this.putDocument(stub, touch);
      else if (held.ambiguous && stub.ambiguous && held.candidates.join() !== stub.candidates.join()) this.putDocument(stub, touch);
    }
    for (const key of batch.deleteEvidence) this.removeEvidence(key, touch);
    for (const r of batch.repoint) {
      const row = this.evidence.get(r.key);
      if (!row) continue;
      this.removeEvidence(r.key, touch);
      this.addEvidence({ ...row, from: r.from ?? row.from, to: r.to ?? row.to, toHow: r.toHow ?? row.toHow, fromHow: r.fromHow ?? row.fromHow }, touch);
    }
    for (const row of batch.evidence) {
      if (this.evidence.has(row.key)) this.removeEvidence(row.key, touch);
      this.addEvidence(row, touch);
    }
    if (batch.curations.length) {
      this.curations = [...this.curations, ...batch.curations];
      const before = this.suppressed;
      this.suppressed = suppressedRelations(this.curations);
      for (const c of batch.curations) {
        if (before.has(relationKey(c.from, c.type, c.to)) !== this.suppressed.has(relationKey(c.from, c.type, c.to))) {
          touch(c.from);
          touch(c.to);
        }
      }
    }
    this.collectStubs(touched);
    this.refreshEffects(touched, at);
    this.version++;
  }

  private putDocument(doc: DocumentNode, touch: (id: string) => void): void {
    const held = this.docs.get(doc.id);
    if (held?.symbolKey) removeFrom(this.bySymbol, held.symbolKey, doc.id);
    if (!held) this.sortedIds = null;
    this.docs.set(doc.id, { ...doc, effect: held?.effect ?? doc.effect ?? EMPTY_EFFECT, updatedAt: held?.updatedAt ?? null });
    if (doc.symbolKey) addTo(this.bySymbol, doc.symbolKey, doc.id);
    if (!doc.stub) this.search.set(doc.id, doc, this.texts.get(doc.id) ?? null);
    else if (!held) this.search.set(doc.id, doc, null);
    touch(doc.id);
  }

  /** A file now holds another document: what the old one asserted goes; it stays as a stub if still named. */
  private unloadDocument(id: string, touch: (id: string) => void): void {
    for (const key of [...(this.bySource.get(id) ?? [])]) this.removeEvidence(key, touch);
    const doc = this.docs.get(id);
    if (doc) {
      this.texts.delete(id);
      this.putDocument({ ...doc, stub: true, file: null, textHash: null }, touch);
    }
  }

  private addEvidence(row: EvidenceRow, touch: (id: string) => void): void {
    this.evidence.set(row.key, row);
    addTo(this.out, row.from, row.key);
    addTo(this.in, row.to, row.key);
    addTo(this.bySource, row.source, row.key);
    for (const k of this.undatedKeys(row)) addTo(this.undated, k, row.key);
    touch(row.from);
    touch(row.to);
  }

  private removeEvidence(key: string, touch: (id: string) => void): void {
    const row = this.evidence.get(key);
    if (!row) return;
    this.evidence.delete(key);
    removeFrom(this.out, row.from, key);
    removeFrom(this.in, row.to, key);
    removeFrom(this.bySource, row.source, key);
    for (const k of this.undatedKeys(row)) removeFrom(this.undated, k, key);
    touch(row.from);
    touch(row.to);
  }

  private undatedKeys(row: EvidenceRow): string[] {
    const keys: string[] = [];
    if (UNDATED.has(row.toHow)) keys.push(refSymbolKey(row.toRef) ?? '');
    if (UNDATED.has(row.fromHow)) keys.push(refSymbolKey(row.fromRef) ?? '');
    return keys.filter(Boolean);
  }

  /** Stubs that nothing names any more are removed: a stub exists only through references. */
  private collectStubs(touched: Set<string>): void {
    for (const id of touched) {
      const doc = this.docs.get(id);
      if (!doc || !doc.stub) continue;
      if (this.out.has(id) || this.in.has(id)) continue;
      if (doc.symbolKey) removeFrom(this.bySymbol, doc.symbolKey, id);
      this.docs.delete(id);
      this.search.delete(id);
      this.sortedIds = null;
    }
  }

  /** Facts that decide a document's effect: visible SUPERSEDES and AMENDS pointing at it. */
  endingFacts(id: string): EndingFact[] {
    const facts: EndingFact[] = [];
    for (const key of this.in.get(id) ?? []) {
      const row = this.evidence.get(key)!;
      if ((row.type !== 'SUPERSEDES' && row.type !== 'AMENDS') || !this.isVisible(row)) continue;
      facts.push({ row, from: this.docs.get(row.from) ?? null, source: this.docs.get(row.source) ?? null });
    }
    return facts.sort((a, b) => (a.row.key < b.row.key ? -1 : 1));
  }

  private refreshEffects(touched: Set<string>, at: string): void {
    // A document's dates bound the endings it asserts: its targets need a fresh summary too.
    const affected = new Set<string>();
    for (const id of touched) {
      if (!this.docs.has(id)) continue;
      affected.add(id);
      for (const index of [this.out, this.bySource]) {
        for (const key of index.get(id) ?? []) {
          const row = this.evidence.get(key)!;
          if (row.type === 'SUPERSEDES' || row.type === 'AMENDS') affected.add(row.to);
        }
      }
    }
    for (const id of affected) {
      const doc = this.docs.get(id);
      if (!doc) continue;
      const effect = summarise(doc, this.endingFacts(id));
      const changed = !sameEffect(effect, doc.effect);
      if (changed) doc.effect = effect;
      if (changed || touched.has(id)) doc.updatedAt = at;
    }
  }
}
