// The embedded store: the whole graph in memory, persisted under DATA_DIR (see persist.ts).
// No server needed; a restart replays what was committed.
import { promises as fs } from 'node:fs';
import { stripDiacritics } from '../../../graph-loaders/ids.js';
import type { Candidate } from '../../../graph-loaders/resolve-types.js';
import { matches } from '../../domain/effect.js';
import { shortestPath, walk } from '../../domain/walk.js';
import { decodeCursor, encodeCursor, isAfter, type CursorKey } from '../cursor.js';
import type { Curation, DocumentNode, EvidenceRow, GraphBatch, RelationType } from '../model.js';
import { relationKey } from '../model.js';
import type { ChainStep, Direction, DocumentPage, DocumentQuery, GraphDump, Stats, Store } from '../port.js';
import { GraphState } from './graph-state.js';
import { Persistence } from './persist.js';
import { pageCount, validateBatch } from '../validate.js';

export interface EmbeddedOptions {
  dataDir: string;
  /** Fold the journal into a new snapshot once it holds this many bytes (default 64 MB, or the snapshot's size). */
  compactBytes?: number;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private readonly state = new GraphState();
  private seq = 0;
  private journalBytes = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly pageCache = new Map<string, { version: number; keys: CursorKey[] }>();

  private constructor(
    private readonly persistence: Persistence,
    private readonly options: EmbeddedOptions,
  ) {}

  static async open(options: EmbeddedOptions): Promise<EmbeddedStore> {
    const persistence = new Persistence(options.dataDir);
    await persistence.init();
    const store = new EmbeddedStore(persistence, options);
    const lastSeq = await persistence.loadSnapshot(store.state, (state, line) => state.restore(line));
    store.seq = lastSeq;
    for (const s of await persistence.segments()) {
      if (s.seq <= lastSeq) continue;
      const segment = await persistence.readSegment(s.file);
      store.state.apply(segment.batch, segment.at);
      store.seq = segment.seq;
      store.journalBytes += (await fs.stat(s.file)).size;
    }
    return store;
  }

  // ---- writes ----

  applyBatch(batch: GraphBatch): Promise<void> {
    const run = this.writing.then(() => this.commit(batch));
    this.writing = run.catch(() => {});
    return run;
  }

  private async commit(batch: GraphBatch): Promise<void> {
    validateBatch(batch);
    const segment = { seq: this.seq + 1, at: new Date().toISOString(), batch };
    await this.persistence.commit(segment);
    this.seq = segment.seq;
    this.state.apply(batch, segment.at);
    this.journalBytes += JSON.stringify(segment).length;
    if (this.journalBytes > (this.options.compactBytes ?? 64 * 1024 * 1024)) await this.compact();
  }

  /** Fold the journal into a fresh snapshot. */
  async compact(): Promise<void> {
    await this.persistence.writeSnapshot(this.seq, () => this.state.snapshotLines());
    this.journalBytes = 0;
  }

  // ---- reads ----

  async getDocuments(ids: readonly string[]): Promise<(DocumentNode | null)[]> {
    return ids.map((id) => this.state.docs.get(id) ?? null);
  }

  async evidenceOf(ids: readonly string[], direction: Direction, types?: readonly RelationType[]): Promise<EvidenceRow[][]> {
    const index = direction === 'OUT' ? this.state.out : this.state.in;
    const wanted = types?.length ? new Set(types) : null;
    return ids.map((id) => {
      const rows: EvidenceRow[] = [];
      for (const key of index.get(id) ?? []) {
        const row = this.state.evidence.get(key)!;
        if ((!wanted || wanted.has(row.type)) && this.state.isVisible(row)) rows.push(row);
      }
      return rows.sort((a, b) => byId(a.key, b.key));
    });
  }

  async findDocuments(query: DocumentQuery, first: number, after: string | null): Promise<DocumentPage> {
    const keys = this.matching(query);
    let start = 0;
    if (after) {
      const cursor = decodeCursor(after);
      start = keys.findIndex((k) => isAfter(k, cursor));
      if (start < 0) start = keys.length;
    }
    const page = keys.slice(start, start + first);
    return {
      items: page.map((k) => ({ id: k.id, cursor: encodeCursor(k) })),
      totalCount: keys.length,
      hasNextPage: start + first < keys.length,
    };
  }

  /** Every match in page order; cached per query until the graph changes. */
  private matching(query: DocumentQuery): CursorKey[] {
    const cacheKey = JSON.stringify(query);
    const cached = this.pageCache.get(cacheKey);
    if (cached && cached.version === this.state.version) return cached.keys;
    const keys: CursorKey[] = [];
    const source: CursorKey[] = query.text
      ? this.state.search.search(query.text)
      : query.symbolKey
        ? [...(this.state.bySymbol.get(query.symbolKey) ?? [])].sort(byId).map((id) => ({ id }))
        : this.state.orderedIds().map((id) => ({ id }));
    const issuer = query.issuer ? fold(query.issuer) : null;
    const type = query.type ? fold(query.type) : null;
    for (const key of source) {
      const d = this.state.docs.get(key.id);
      if (!d) continue;
      if (d.ambiguous) continue;
      if (query.includeStubs === false && d.stub) continue;
      if (query.symbolKey && d.symbolKey !== query.symbolKey) continue;
      if (type && (!d.type || fold(d.type) !== type)) continue;
      if (issuer && (!d.issuer || !fold(d.issuer).includes(issuer))) continue;
      if (query.issuedFrom && (!d.issuedOn || d.issuedOn < query.issuedFrom)) continue;
      if (query.issuedTo && (!d.issuedOn || d.issuedOn > query.issuedTo)) continue;
      if (query.status && !matches(d.effect, query.status)) continue;
      if (query.changedSince && (d.updatedAt ?? '') < query.changedSince) continue;
      keys.push(key);
    }
    if (this.pageCache.size > 256) this.pageCache.clear();
    this.pageCache.set(cacheKey, { version: this.state.version, keys });
    return keys;
  }

  async documentsBySymbol(symbolKeys: readonly string[]): Promise<DocumentNode[][]> {
    return symbolKeys.map((k) =>
      [...(this.state.bySymbol.get(k) ?? [])]
        .sort(byId)
        .map((id) => this.state.docs.get(id)!)
        .filter((d) => !d.ambiguous),
    );
  }

  async chains(ids: readonly string[], direction: Direction, maxDepth: number): Promise<ChainStep[][]> {
    return ids.map((id) => (this.state.docs.has(id) ? walk(id, maxDepth, (at) => this.supersessionNeighbours(at, direction)) : []));
  }

  private *supersessionNeighbours(id: string, direction: Direction): Iterable<{ id: string; via: EvidenceRow[] }> {
    const index = direction === 'OUT' ? this.state.out : this.state.in;
    const byOther = new Map<string, EvidenceRow[]>();
    for (const key of index.get(id) ?? []) {
      const row = this.state.evidence.get(key)!;
      if (row.type !== 'SUPERSEDES' || !this.state.isVisible(row)) continue;
      const other = direction === 'OUT' ? row.to : row.from;
      byOther.set(other, [...(byOther.get(other) ?? []), row]);
    }
    for (const [other, rows] of byOther) yield { id: other, via: rows.sort((a, b) => byId(a.key, b.key)) };
  }

  async path(from: string, to: string, maxDepth: number): Promise<EvidenceRow[][] | null> {
    if (!this.state.docs.has(from) || !this.state.docs.has(to)) return null;
    return shortestPath(from, to, maxDepth, (id) => this.anyNeighbours(id));
  }

  private *anyNeighbours(id: string): Iterable<{ id: string; via: EvidenceRow[] }> {
    const byRelation = new Map<string, { id: string; via: EvidenceRow[] }>();
    for (const [index, side] of [
      [this.state.out, 'to'],
      [this.state.in, 'from'],
    ] as const) {
      for (const key of index.get(id) ?? []) {
        const row = this.state.evidence.get(key)!;
        if (!this.state.isVisible(row)) continue;
        const rel = relationKey(row.from, row.type, row.to);
        const hop = byRelation.get(rel) ?? { id: row[side], via: [] };
        hop.via.push(row);
        byRelation.set(rel, hop);
      }
    }
    yield* byRelation.values();
  }

  async texts(ids: readonly string[]): Promise<(string | null)[]> {
    return ids.map((id) => this.state.texts.get(id) ?? null);
  }

  async stats(): Promise<Stats> {
    const byType = new Map<string, number>();
    let stubs = 0;
    let documents = 0;
    for (const d of this.state.docs.values()) {
      if (d.ambiguous) continue;
      documents++;
      if (d.stub) stubs++;
      const t = d.type ?? 'unknown';
      byType.set(t, (byType.get(t) ?? 0) + 1);
    }
    const relations = new Map<string, string>();
    let evidence = 0;
    for (const row of this.state.evidence.values()) {
      if (!this.state.isVisible(row)) continue;
      evidence++;
      relations.set(relationKey(row.from, row.type, row.to), row.type);
    }
    const byRelation = new Map<string, number>();
    for (const type of relations.values()) byRelation.set(type, (byRelation.get(type) ?? 0) + 1);
    return { documents, stubs, relations: relations.size, evidence, byType: counted(byType), byRelation: counted(byRelation) };
  }

  async curations(): Promise<Curation[]> {
    return [...this.state.curations];
  }

  async dump(): Promise<GraphDump> {
    return {
      documents: this.state.orderedIds().map((id) => this.state.docs.get(id)!),
      evidence: [...this.state.evidence.values()].sort((a, b) => byId(a.key, b.key)),
      curations: [...this.state.curations].sort((a, b) => byId(a.id, b.id)),
    };
  }

  async *streamDocuments(pageSize: number): AsyncIterable<DocumentNode[]> {
    pageSize = pageCount(pageSize);
    const ids = this.state.orderedIds();
    for (let i = 0; i < ids.length; i += pageSize) {
      const page = ids.slice(i, i + pageSize).flatMap((id) => this.state.docs.get(id) ?? []);
      if (page.length) yield page;
    }
  }

  async *streamEvidence(pageSize: number): AsyncIterable<EvidenceRow[]> {
    pageSize = pageCount(pageSize);
    const keys = [...this.state.evidence.keys()].sort(byId);
    for (let i = 0; i < keys.length; i += pageSize) {
      // Rows removed since the walk began are skipped; rows added are not seen.
      const page = keys.slice(i, i + pageSize).flatMap((k) => this.state.evidence.get(k) ?? []);
      if (page.length) yield page;
    }
  }

  // ---- for the loader ----

  async candidates(symbolKeys: readonly string[]): Promise<Candidate[]> {
    const out: Candidate[] = [];
    for (const docs of await this.documentsBySymbol(symbolKeys)) {
      for (const d of docs) {
        if (!d.issuedOn || !d.symbol) continue;
        out.push({ id: d.id, symbol: d.symbol, issuedOn: d.issuedOn, type: d.type, issuer: d.issuer, term: d.term, locality: d.locality, title: d.title });
      }
    }
    return out;
  }

  async undatedEvidence(symbolKeys: readonly string[]): Promise<EvidenceRow[]> {
    const keys = new Set<string>();
    for (const k of symbolKeys) for (const key of this.state.undated.get(k) ?? []) keys.add(key);
    return [...keys].sort(byId).map((k) => this.state.evidence.get(k)!);
  }

  async fileHashes(files: readonly string[]): Promise<Map<string, { id: string; textHash: string | null }>> {
    const out = new Map<string, { id: string; textHash: string | null }>();
    for (const f of files) {
      const held = this.state.files.get(f);
      if (held) out.set(f, held);
    }
    return out;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    await this.writing;
  }
}

function counted(map: Map<string, number>): { key: string; count: number }[] {
  return [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || byId(a.key, b.key));
}

function fold(s: string): string {
  return stripDiacritics(s).toLowerCase();
}
