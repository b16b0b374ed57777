// The embedded store: the graph in memory (texts on disk), persisted under DATA_DIR (see
// persist.ts). No server needed; a restart replays what was committed.
import { promises as fs } from 'node:fs';
import { stripDiacritics } from '../../../graph-loaders/ids.js';
import type { Candidate } from '../../../graph-loaders/resolve-types.js';
import { shortestPath, walk } from '../../domain/walk.js';
import { decodeCursor, encodeCursor, isAfter, type CursorKey } from '../cursor.js';
import type { Curation, DocumentNode, EvidenceRow, GraphBatch, RelationType } from '../model.js';
import { relationKey } from '../model.js';
import type { CandidateScope, ChainStep, ChainsWithDocuments, Direction, DocumentPage, DocumentQuery, EvidenceWithDocuments, GraphDump, PageWithEvidence, ReadFields, RelationsAsked, Stats, Store } from '../port.js';
import { pageCount, validateBatch } from '../validate.js';
import { candidateOfNode } from '../keys.js';
import { GraphState, type QuoteRead } from './graph-state.js';
import { decodeSegment, encodeSegment, Persistence } from './persist.js';
import { TextStore } from './text-store.js';
import { isSet, StatusColumns } from './status-filter.js';

export interface EmbeddedOptions {
  dataDir: string;
  /** Fold the journal into a new snapshot once it holds this many bytes (default 64 MB, or the snapshot's size). */
  compactBytes?: number;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What of a row is read (GraphState.materialize): its quote, and the references as written. */
interface RowRead {
  quote: QuoteRead;
  refs: boolean;
}

const WHOLE: RowRead = { quote: 'lazy', refs: true };

/**
 * A caller that says which evidence fields it reads (ReadFields) gets quotes read at once or not
 * at all, and the references as written only if it reads them; one that does not gets whole rows,
 * quotes read when first asked for. A row with a lazy quote is an object V8 keeps as a dictionary,
 * slower to build and to read (at 1M, about 9% of a document request's CPU).
 */
function rowRead(fields?: ReadFields): RowRead {
  if (!fields) return WHOLE;
  const read = fields.evidence ?? [];
  return { quote: read.includes('quote') ? 'now' : 'none', refs: read.includes('toRef') || read.includes('fromRef') };
}

/** A query's matches in page order; keys are made only for the page asked. */
interface Matches {
  length: number;
  key(i: number): CursorKey;
}

/** Matches of a status filter alone: positions in page order, 4 bytes a match instead of a key object. */
function statusMatches(columns: StatusColumns, hit: Uint32Array, stubs: boolean): Matches {
  const positions = columns.listed(hit, stubs);
  return { length: positions.length, key: (i) => ({ id: columns.ids[positions[i]] }) };
}

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private readonly state: GraphState;
  private seq = 0;
  /** Where the last open took the full-text index from: its file, or the texts (tests and the bench read it). */
  searchFrom: 'file' | 'texts' = 'texts';
  private journalBytes = 0;
  private snapshotBytes = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly pageCache = new Map<string, { version: number; keys: Matches }>();
  private columns: { version: number; columns: StatusColumns; position: () => Map<string, number> } | null = null;

  private constructor(
    private readonly persistence: Persistence,
    private readonly textStore: TextStore,
    private readonly options: EmbeddedOptions,
  ) {
    this.state = new GraphState(textStore);
  }

  static async open(options: EmbeddedOptions): Promise<EmbeddedStore> {
    const persistence = new Persistence(options.dataDir);
    await persistence.init();
    const texts = new TextStore(persistence.textDir);
    await texts.init();
    const store = new EmbeddedStore(persistence, texts, options);
    const lastSeq = await persistence.loadSnapshot(
      (rec) => store.state.restore(rec),
      (sizes) => store.state.reserve(sizes),
    );
    store.searchFrom = store.state.restoreSearch(lastSeq ? await persistence.readSearch(lastSeq) : null, lastSeq);
    store.state.restored();
    store.seq = lastSeq;
    for (const s of await persistence.segments()) {
      if (s.seq <= lastSeq) continue;
      const segment = await persistence.readSegment(s.file);
      const refs = segment.texts.length ? await texts.refs(segment.seq, segment.texts.map(([, length]) => length)) : [];
      const batch = decodeSegment(segment, (offset, length) => (length ? texts.read({ seg: segment.seq, offset, length }) : ''));
      store.state.apply(batch, segment.at, refs);
      store.seq = segment.seq;
      store.journalBytes += (await fs.stat(s.file)).size;
    }
    // Texts of a commit whose journal segment never landed are not part of the state.
    await texts.dropAfter(store.seq);
    store.state.fit();
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
    batch = this.state.withoutIdleStubs(batch);
    const seq = this.seq + 1;
    const at = new Date().toISOString();
    const refs = await this.textStore.write(
      seq,
      batch.texts.map((t) => t.text),
    );
    this.journalBytes += await this.persistence.commit(encodeSegment(seq, at, batch));
    this.seq = seq;
    this.state.apply(batch, at, refs);
    if (this.journalBytes > Math.max(this.compactBytes, this.snapshotBytes)) await this.fold();
  }

  private get compactBytes(): number {
    return this.options.compactBytes ?? 64 * 1024 * 1024;
  }

  /**
   * At the end of a large load: fold the journal into a snapshot when it holds more than
   * compactBytes, so that the next open reads the snapshot instead of replaying up to a
   * snapshot's size of journal (at 1M, 244 s and a 4.0 GB peak against 152 s and 2.7 GB).
   */
  async compactIfLarge(): Promise<boolean> {
    await this.writing;
    if (this.journalBytes <= this.compactBytes) return false;
    await this.compact();
    return true;
  }

  /** Fold the journal into a fresh snapshot, after the writes under way. */
  compact(): Promise<void> {
    const run = this.writing.then(() => this.fold());
    this.writing = run.catch(() => {});
    return run;
  }

  private async fold(): Promise<void> {
    this.snapshotBytes = await this.persistence.writeSnapshot(
      this.seq,
      () => this.state.snapshotRecords(),
      () => this.state.searchBytes(this.seq),
      this.state.sizes(),
    );
    this.journalBytes = 0;
    await this.textStore.dropUnused(this.state.usedTextSegments(), this.seq);
  }

  // ---- reads ----

  async getDocuments(ids: readonly string[]): Promise<(DocumentNode | null)[]> {
    return ids.map((id) => this.state.doc(id) ?? null);
  }

  private visibleRowNumbers(id: string, side: 'OUT' | 'IN', types?: ReadonlySet<RelationType>): number[] {
    const t = this.state.table;
    return this.state.rowsOf(id, side).filter((r) => (!types || types.has(t.typeOf(r))) && this.state.isVisible(r));
  }

  private visibleRows(id: string, side: 'OUT' | 'IN', types?: ReadonlySet<RelationType>, read = WHOLE): EvidenceRow[] {
    return this.materialized(this.visibleRowNumbers(id, side, types), read);
  }

  private materialized(rows: readonly number[], read: RowRead): EvidenceRow[] {
    return this.state.materializeRows(rows, read.quote, undefined, read.refs).sort((a, b) => byId(a.key, b.key));
  }

  private rowsOf(ids: readonly string[], direction: Direction, types?: readonly RelationType[]): EvidenceRow[][] {
    const wanted = types?.length ? new Set(types) : undefined;
    return ids.map((id) => this.visibleRows(id, direction, wanted));
  }

  async evidenceOf(ids: readonly string[], direction: Direction, types?: readonly RelationType[]): Promise<EvidenceRow[][]> {
    return this.rowsOf(ids, direction, types);
  }

  async evidenceWithDocuments(ids: readonly string[], direction: Direction, types?: readonly RelationType[], fields?: ReadFields): Promise<EvidenceWithDocuments> {
    const wanted = types?.length ? new Set(types) : undefined;
    const numbers = ids.map((id) => this.visibleRowNumbers(id, direction, wanted));
    const read = rowRead(fields);
    return { rows: numbers.map((list) => this.materialized(list, read)), documents: this.state.documentsNamed(ids, numbers) };
  }

  async findDocuments(query: DocumentQuery, first: number, after: string | null, _options?: { count?: boolean }): Promise<DocumentPage> {
    const keys = this.matching(query);
    let start = 0;
    if (after) {
      const cursor = decodeCursor(after);
      // keys are in page order and isAfter is monotone along it: bisect for the first one after the cursor
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (isAfter(keys.key(mid), cursor)) hi = mid;
        else lo = mid + 1;
      }
      start = lo;
    }
    const page: CursorKey[] = [];
    for (let i = start; i < Math.min(keys.length, start + first); i++) page.push(keys.key(i));
    return {
      items: page.map((k) => ({ id: k.id, cursor: encodeCursor(k), document: this.state.doc(k.id)! })),
      totalCount: keys.length,
      hasNextPage: start + first < keys.length,
    };
  }

  async findDocumentsWithEvidence(query: DocumentQuery, first: number, after: string | null, relations: RelationsAsked, options: { count?: boolean; fields?: ReadFields } = {}): Promise<PageWithEvidence> {
    const page = await this.findDocuments(query, first, after, options);
    const evidence = await this.evidenceWithDocuments(
      page.items.map((i) => i.id),
      relations.direction,
      relations.types,
      options.fields,
    );
    return { page, evidence };
  }

  /** Every match in page order; cached per query until the graph changes. */
  private matching(query: DocumentQuery): Matches {
    const cacheKey = JSON.stringify(query);
    const cached = this.pageCache.get(cacheKey);
    if (cached && cached.version === this.state.version) return cached.keys;
    const ordered = !query.text && !query.symbolKey;
    const hits = query.text ? this.state.search.search(query.text, (a, b) => byId(this.state.nodes.value(a)!, this.state.nodes.value(b)!)) : null;
    const ids: readonly string[] = hits ? hits.map((h) => this.state.nodes.value(h.node)!) : query.symbolKey ? this.state.idsBySymbol(query.symbolKey) : this.state.orderedIds();
    // the status filter runs over columns first: most documents fail it, and it is the costly test
    const status = query.status ? this.statusColumns() : null;
    const hit = status ? status.columns.select(query.status!) : null;
    const issuer = query.issuer ? fold(query.issuer) : null;
    const type = query.type ? fold(query.type) : null;
    // with the columns, "in effect on <date>" alone never touches a document object
    const byDocument = !status || !!query.symbolKey || !!type || !!issuer || !!query.issuedFrom || !!query.issuedTo || !!query.changedSince;
    if (status && ordered && !byDocument) return this.remember(cacheKey, statusMatches(status.columns, hit!, query.includeStubs !== false));
    const keys: CursorKey[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (status) {
        const at = ordered ? i : (status.position().get(id) ?? -1);
        const c = status.columns;
        if (at < 0 || !isSet(hit!, at) || c.ambiguous[at] || (query.includeStubs === false && c.stub[at])) continue;
      }
      if (byDocument) {
        const d = this.state.doc(id);
        if (!d || d.ambiguous) continue;
        if (query.includeStubs === false && d.stub) continue;
        if (query.symbolKey && d.symbolKey !== query.symbolKey) continue;
        if (type && (!d.type || fold(d.type) !== type)) continue;
        if (issuer && (!d.issuer || !fold(d.issuer).includes(issuer))) continue;
        if (query.issuedFrom && (!d.issuedOn || d.issuedOn < query.issuedFrom)) continue;
        if (query.issuedTo && (!d.issuedOn || d.issuedOn > query.issuedTo)) continue;
        if (query.changedSince && (d.updatedAt ?? '') < query.changedSince) continue;
      }
      keys.push(hits ? { id, score: hits[i].score } : { id });
    }
    return this.remember(cacheKey, { length: keys.length, key: (i) => keys[i] });
  }

  private remember(cacheKey: string, keys: Matches): Matches {
    if (this.pageCache.size > 256) this.pageCache.clear();
    this.pageCache.set(cacheKey, { version: this.state.version, keys });
    return keys;
  }

  /** Effect summaries as columns in page order, rebuilt after a change. */
  private statusColumns(): { columns: StatusColumns; position: () => Map<string, number> } {
    if (this.columns?.version !== this.state.version) {
      const ids = this.state.orderedIds();
      let position: Map<string, number> | null = null;
      this.columns = {
        version: this.state.version,
        columns: new StatusColumns(ids, (id) => this.state.doc(id)!),
        // only a text or symbol query needs a document's place in page order
        position: () => (position ??= new Map(ids.map((id, i) => [id, i]))),
      };
    }
    return this.columns;
  }

  async documentsBySymbol(symbolKeys: readonly string[]): Promise<DocumentNode[][]> {
    return symbolKeys.map((k) =>
      this.state
        .idsBySymbol(k)
        .map((id) => this.state.doc(id)!)
        .filter((d) => !d.ambiguous),
    );
  }

  async chains(ids: readonly string[], direction: Direction, maxDepth: number, fields?: ReadFields): Promise<ChainStep[][]> {
    const read = rowRead(fields);
    return ids.map((id) =>
      this.state.doc(id) ? walk(id, maxDepth, (at) => this.neighbours(at, direction, 'SUPERSEDES', read)).map((s) => ({ ...s, document: this.state.doc(s.id)! })) : [],
    );
  }

  // whole documents: fields (ReadFields) limit what Neo4j reads; here only how rows are read
  async chainsWithDocuments(ids: readonly string[], direction: Direction, maxDepth: number, fields?: ReadFields): Promise<ChainsWithDocuments> {
    return { steps: await this.chains(ids, direction, maxDepth, fields), documents: await this.getDocuments(ids) };
  }

  /** Documents one visible relation away, with the evidence of that relation. */
  private *neighbours(id: string, direction: Direction | 'BOTH', only?: RelationType, read = WHOLE): Iterable<{ id: string; via: EvidenceRow[] }> {
    const byRelation = new Map<string, { id: string; via: EvidenceRow[] }>();
    const sides: ['OUT' | 'IN', 'to' | 'from'][] = direction === 'OUT' ? [['OUT', 'to']] : direction === 'IN' ? [['IN', 'from']] : [['OUT', 'to'], ['IN', 'from']];
    for (const [side, other] of sides) {
      for (const row of this.visibleRows(id, side, only ? new Set([only]) : undefined, read)) {
        const rel = relationKey(row.from, row.type, row.to);
        const hop = byRelation.get(rel) ?? { id: row[other], via: [] };
        hop.via.push(row);
        byRelation.set(rel, hop);
      }
    }
    yield* byRelation.values();
  }

  async path(from: string, to: string, maxDepth: number): Promise<EvidenceRow[][] | null> {
    if (!this.state.doc(from) || !this.state.doc(to)) return null;
    return shortestPath(from, to, maxDepth, (id) => this.neighbours(id, 'BOTH'));
  }

  async texts(ids: readonly string[]): Promise<(string | null)[]> {
    return ids.map((id) => this.state.text(id));
  }

  async stats(): Promise<Stats> {
    const byType = new Map<string, number>();
    let stubs = 0;
    let documents = 0;
    for (const d of this.state.documents()) {
      if (d.ambiguous) continue;
      documents++;
      if (d.stub) stubs++;
      const t = d.type ?? 'unknown';
      byType.set(t, (byType.get(t) ?? 0) + 1);
    }
    // relations are distinct (from, type, to): count them per source document, as numbers
    const t = this.state.table;
    const byRelation = new Map<string, number>();
    let relations = 0;
    let evidence = 0;
    const seen = new Set<number>();
    for (const d of this.state.documents()) {
      seen.clear();
      for (const r of this.state.rowsOf(d.id, 'OUT')) {
        if (!this.state.isVisible(r)) continue;
        evidence++;
        const pair = t.to[r] * 8 + t.type[r];
        if (seen.has(pair)) continue;
        seen.add(pair);
        relations++;
        byRelation.set(t.typeOf(r), (byRelation.get(t.typeOf(r)) ?? 0) + 1);
      }
    }
    return { documents, stubs, relations, evidence, byType: counted(byType), byRelation: counted(byRelation) };
  }

  async curations(): Promise<Curation[]> {
    return [...this.state.curations];
  }

  async dump(): Promise<GraphDump> {
    return {
      documents: this.state.orderedIds().map((id) => this.state.doc(id)!),
      evidence: [...this.state.allRows()].map((r) => this.state.materialize(r)).sort((a, b) => byId(a.key, b.key)),
      curations: [...this.state.curations].sort((a, b) => byId(a.id, b.id)),
    };
  }

  async *streamDocuments(pageSize: number): AsyncIterable<DocumentNode[]> {
    pageSize = pageCount(pageSize);
    const ids = this.state.orderedIds();
    for (let i = 0; i < ids.length; i += pageSize) yield ids.slice(i, i + pageSize).map((id) => this.state.doc(id)!);
  }

  /** Rows in key order: keys begin with "<source>|", so sources sorted that way, then keys within each. */
  async *streamEvidence(pageSize: number): AsyncIterable<EvidenceRow[]> {
    pageSize = pageCount(pageSize);
    const sources = new Set<number>();
    for (const r of this.state.allRows()) sources.add(this.state.table.source[r]);
    const ordered = [...sources].map((n) => this.state.nodes.value(n)!).sort((a, b) => byId(`${a}|`, `${b}|`));
    let page: EvidenceRow[] = [];
    for (const source of ordered) {
      // quotes read now, before the next await (a compaction may drop a replaced text's file while
      // the caller holds a page), and in one read of the source's text, not one each
      const rows = this.state.materializeRows(this.state.rowsOf(source, 'SOURCE'), 'now');
      for (const row of rows.sort((a, b) => byId(a.key, b.key))) {
        page.push(row);
        if (page.length === pageSize) {
          yield page;
          page = [];
        }
      }
    }
    if (page.length) yield page;
  }

  // ---- for the loader ----

  async candidates(scopes: readonly (string | CandidateScope)[]): Promise<Candidate[]> {
    const out: Candidate[] = [];
    const seen = new Set<number>();
    for (const scope of scopes) {
      const { key, localities } = typeof scope === 'string' ? { key: scope, localities: undefined } : scope;
      const found: Candidate[] = [];
      for (const n of this.state.candidateNodes(key, localities)) {
        if (seen.has(n)) continue;
        seen.add(n);
        const c = candidateOfNode(this.state.docAt(n)!);
        if (c) found.push(c);
      }
      out.push(...found.sort((a, b) => byId(a.id, b.id)));
    }
    return out;
  }

  async undatedEvidence(symbolKeys: readonly string[], since?: ReadonlyMap<string, string>): Promise<EvidenceRow[]> {
    const rows = new Set<number>();
    for (const k of symbolKeys) for (const r of this.state.undatedRows(k, since?.get(k))) rows.add(r);
    // the loader reads references and ids, never quotes: rows come without them (port.ts)
    return [...rows].map((r) => this.state.materialize(r, 'none')).sort((a, b) => byId(a.key, b.key));
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
    this.textStore.close();
  }
}

function counted(map: Map<string, number>): { key: string; count: number }[] {
  return [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || byId(a.key, b.key));
}

function fold(s: string): string {
  return stripDiacritics(s).toLowerCase();
}
