// The Neo4j store: parameterised Cypher only, batched writes in one transaction per batch,
// one query per read where it can be (chains: one bounded variable-length query).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Candidate } from '../../../graph-loaders/resolve-types.js';
import { RELATION_TYPES } from '../../../graph-loaders/types.js';
import { suppressedRelations } from '../../domain/curation.js';
import type { Neo4jConfig } from '../../config.js';
import { PROJECT_ROOT } from '../../paths.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { candidateOfNode } from '../keys.js';
import { relationKey, type Curation, type DocumentNode, type EvidenceRow, type GraphBatch, type RelationType } from '../model.js';
import type { CandidateScope, ChainStep, ChainsWithDocuments, Direction, DocumentPage, DocumentQuery, EvidenceWithDocuments, GraphDump, PageWithEvidence, ReadFields, RelationsAsked, Stats, Store } from '../port.js';
import { pageCount, validateBatch } from '../validate.js';
import { documentWhere, indexCount, luceneQuery } from './filter.js';
import { docProjection, documentReader, evidenceProjection, evidenceReader, toDocument, toEvidence, type Projected, type Projection } from './mapping.js';
import { migrate } from './migrate.js';
import { createDriver, Neo4jSession, type SessionOptions, type Tx } from './session.js';
import { writeBatch } from './write.js';

export const SCHEMA_FILES = ['constraints.cypher', 'indexes.cypher'] as const;

/** The statements of one schema file (schema/neo4j). */
export function schemaStatements(file: (typeof SCHEMA_FILES)[number]): string[] {
  return cypherStatements(readFileSync(path.join(PROJECT_ROOT, 'schema', 'neo4j', file), 'utf8'));
}

/** Statements of a .cypher file: split on semicolons at line ends, comments dropped. */
export function cypherStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const CURATIONS = 'MATCH (c:Curation) RETURN c {.*} AS c ORDER BY c.at, c.id';

/**
 * Relationships of each relation type, one count-store read each (types from the model, never from
 * input). The count comes before the key: counted beside a constant, Neo4j groups by it and scans
 * every relationship instead (0.7 s at 10M).
 */
const RELATION_COUNTS = RELATION_TYPES.map((t) => `MATCH ()-[r:${t}]->() WITH count(r) AS n RETURN '${t}' AS key, n`).join(' UNION ALL ');

/**
 * Documents by type, and stubs, ambiguous placeholders left out, without a scan of every document:
 * from the type, stub and ambiguous indexes and the count store (the scan took 2.4 s at 1M).
 */
async function documentCounts(tx: Tx): Promise<{ byType: { key: string; count: number }[]; stubs: number }> {
  const groups = async (cypher: string) => new Map((await tx.run(cypher)).records.map((r) => [r.get('key') as string | null, r.get('n') as number]));
  const one = async (cypher: string) => (await tx.run(cypher)).records[0].get('n') as number;
  const typed = await groups('MATCH (d:Document) WHERE d.type IS NOT NULL RETURN d.type AS key, count(*) AS n');
  const ambiguous = await groups('MATCH (d:Document) WHERE d.ambiguous = true RETURN d.type AS key, count(*) AS n');
  const all = await one('MATCH (d:Document) RETURN count(d) AS n');
  const stubs = (await one('MATCH (d:Document) WHERE d.stub = true RETURN count(d) AS n')) - (await one('MATCH (d:Document) WHERE d.ambiguous = true AND d.stub = true RETURN count(d) AS n'));
  const counts = new Map<string, number>();
  for (const [key, n] of typed) counts.set(key!, n - (ambiguous.get(key) ?? 0));
  const untyped = all - [...typed.values()].reduce((a, b) => a + b, 0) - (ambiguous.get(null) ?? 0);
  counts.set('unknown', (counts.get('unknown') ?? 0) + untyped);
  return { byType: [...counts].filter(([, n]) => n > 0).map(([key, count]) => ({ key, count })), stubs };
}

export class Neo4jStore implements Store {
  readonly kind = 'neo4j' as const;

  private constructor(
    private readonly db: Neo4jSession,
    private readonly cfg: Neo4jConfig,
  ) {}

  static async open(cfg: Neo4jConfig, options: SessionOptions = {}): Promise<Neo4jStore> {
    const driver = createDriver(cfg, options);
    const store = new Neo4jStore(new Neo4jSession(driver, cfg, options), cfg);
    try {
      await driver.verifyConnectivity({ database: cfg.database });
      await store.ensureSchema();
    } catch (err) {
      await driver.close();
      throw err;
    }
    return store;
  }

  /** Constraints and indexes from schema/neo4j/*.cypher (each IF NOT EXISTS), then data migrations (migrate.ts). */
  async ensureSchema(): Promise<void> {
    const session = this.db.driver.session({ database: this.cfg.database });
    try {
      for (const file of SCHEMA_FILES) {
        for (const statement of schemaStatements(file)) await session.run(statement);
      }
      await session.run('CALL db.awaitIndexes(300)');
      await migrate(session);
    } finally {
      await session.close();
    }
  }

  // ---- writes ----

  async applyBatch(batch: GraphBatch): Promise<void> {
    validateBatch(batch);
    const at = new Date().toISOString();
    await this.db.write((tx) => writeBatch(tx, batch, at));
  }

  // ---- reads ----

  async getDocuments(ids: readonly string[], fields?: ReadFields): Promise<(DocumentNode | null)[]> {
    if (!ids.length) return [];
    const doc = documentReader(fields);
    const result = await this.db.query(`UNWIND $ids AS id OPTIONAL MATCH (d:Document {id: id}) RETURN CASE WHEN d IS NULL THEN null ELSE ${doc.cypher('d')} END AS doc`, { ids });
    return result.records.map((r) => {
      const values = r.get('doc') as Projected | null;
      return values ? doc.read(values) : null;
    });
  }

  async evidenceOf(ids: readonly string[], direction: Direction, types?: readonly RelationType[]): Promise<EvidenceRow[][]> {
    if (!ids.length) return [];
    const side = direction === 'OUT' ? 'from' : 'to';
    const result = await this.db.query(
      `UNWIND range(0, size($ids) - 1) AS i
       OPTIONAL CALL (i) {
         MATCH (e:Evidence {${side}: $ids[i]}) WHERE NOT e.suppressed AND ($types IS NULL OR e.type IN $types)
         RETURN ${evidenceProjection('e')} AS row ORDER BY e.key
       }
       RETURN i, collect(row) AS rows ORDER BY i`,
      { ids, types: types?.length ? types : null },
    );
    return result.records.map((r) => (r.get('rows') as Projected[]).map(toEvidence));
  }

  async evidenceWithDocuments(ids: readonly string[], direction: Direction, types?: readonly RelationType[], fields?: ReadFields): Promise<EvidenceWithDocuments> {
    if (!ids.length) return { rows: [], documents: [] };
    const [row, doc] = [evidenceReader(fields), documentReader(fields)];
    const result = await this.db.query(
      `UNWIND range(0, size($ids) - 1) AS i
       OPTIONAL MATCH (d:Document {id: $ids[i]})
       CALL (i, d) {
         ${evidenceOfOne('i, d', 'd', '$ids[i]', direction, row, doc, true)}
       }
       RETURN i, rows, docs`,
      { ids, types: types?.length ? types : null },
    );
    return this.evidenceOfRecords(result.records, ids.length, direction, fields);
  }

  async findDocuments(query: DocumentQuery, first: number, after: string | null, options: { count?: boolean; fields?: ReadFields } = {}): Promise<DocumentPage> {
    return (await this.readPage(query, first, after, null, options)).page;
  }

  async findDocumentsWithEvidence(
    query: DocumentQuery,
    first: number,
    after: string | null,
    relations: RelationsAsked,
    options: { count?: boolean; fields?: ReadFields } = {},
  ): Promise<PageWithEvidence> {
    // a page of none has no items to read relations of (and no record to say whether more follow)
    const found = await this.readPage(query, first, after, first > 0 ? relations : null, options);
    return { page: found.page, evidence: found.evidence ?? { rows: [], documents: [] } };
  }

  /**
   * A page of matches, and with `relations` each item's evidence and the documents it names, read
   * in the same query as the page (one round trip, one query's fixed cost): the page's documents
   * are collected with their places, and the evidence read for all but the one past the page.
   */
  private async readPage(
    query: DocumentQuery,
    first: number,
    after: string | null,
    relations: RelationsAsked | null,
    options: { count?: boolean; fields?: ReadFields },
  ): Promise<{ page: DocumentPage; evidence: EvidenceWithDocuments | null }> {
    const count = options.count !== false;
    const [doc, row] = [documentReader(options.fields), evidenceReader(options.fields)];
    const where = documentWhere('d', query);
    const cursor = after ? decodeCursor(after) : null;
    const params: Record<string, unknown> = { ...where.params, first: neo4j.int(first), afterId: cursor?.id ?? null, afterScore: cursor?.score ?? null };
    const scored = Boolean(query.text);
    let matches: string;
    let ordered: string;
    if (query.text) {
      const lucene = luceneQuery(query.text);
      if (!lucene) return { page: { items: [], totalCount: 0, hasNextPage: false }, evidence: relations ? { rows: [], documents: [] } : null };
      params.lucene = lucene;
      matches = `CALL db.index.fulltext.queryNodes('document_text', $lucene) YIELD node AS d, score WHERE ${where.clause}`;
      ordered = `${matches} WITH d, score WHERE $afterId IS NULL OR score < $afterScore OR (score = $afterScore AND d.id > $afterId)
         WITH d, score ORDER BY score DESC, d.id LIMIT $first + 1`;
    } else {
      matches = `MATCH (d:Document) WHERE ${where.clause}`;
      // a range on the id lets Neo4j walk the id index in order and stop after the page
      ordered = `MATCH (d:Document) WHERE d.id > coalesce($afterId, '') AND ${where.clause} WITH d, null AS score ORDER BY d.id LIMIT $first + 1`;
    }
    let pageQuery: string;
    if (relations) {
      // the evidence of the page's items only, not of the one read to tell whether more follow
      params.types = relations.types?.length ? relations.types : null;
      pageQuery = `${ordered}
        WITH collect([d, score]) AS found
        WITH found[..$first] AS items, size(found) > $first AS more
        UNWIND range(0, size(items) - 1) AS i
        WITH i, items[i][0] AS d, items[i][1] AS score, more
        CALL (d) {
          ${evidenceOfOne('d', 'd', 'd.id', relations.direction, row, doc, false)}
        }
        RETURN i, d.id AS id, score, ${doc.cypher('d')} AS doc, more, rows, docs`;
    } else pageQuery = `${ordered} RETURN d.id AS id, score, ${doc.cypher('d')} AS doc`;
    // from indexes where they can give it, else by reading the matches
    const counted = count ? (indexCount(query) ?? { cypher: `${matches} RETURN count(d) AS n`, params }) : null;
    // without a count, one auto-committed query: one round trip
    const [total, found] = counted
      ? await this.db.read(async (tx) => [(await tx.run(counted.cypher, counted.params)).records[0].get('n') as number, (await tx.run(pageQuery, params)).records] as const)
      : ([-1, (await this.db.query(pageQuery, params)).records] as const);
    const rows = found.map((r) => ({ id: r.get('id') as string, ...(scored ? { score: r.get('score') as number } : {}), doc: r.get('doc') as Projected }));
    if (!relations) return { page: this.page(rows.slice(0, first), rows.length > first, total, doc), evidence: null };
    // every record is a page item; whether more follow comes with each
    const page = this.page(rows, Boolean(found[0]?.get('more')), total, doc);
    const evidence = await this.evidenceOfRecords(found, found.length, relations.direction, options.fields, page.items.map((i) => i.document));
    return { page, evidence };
  }

  /**
   * Rows and documents from records of evidenceOfOne, each with its place `i` among `count` asked;
   * `known`: documents already read (a page's), kept first and not read twice. A document a row
   * names at its other end that the typed relationships did not reach is read here by id, so the
   * answer never depends on the relationships standing for the rows (write.ts keeps them so; a
   * relationship without visible rows would only add a document no row names).
   */
  private async evidenceOfRecords(
    records: readonly { get(key: string): unknown }[],
    count: number,
    direction: Direction,
    fields: ReadFields | undefined,
    known: readonly DocumentNode[] = [],
  ): Promise<EvidenceWithDocuments> {
    const [row, doc] = [evidenceReader(fields), documentReader(fields)];
    const rows: EvidenceRow[][] = Array.from({ length: count }, () => []);
    const documents = [...known];
    // a document two of the ids name comes once per id: kept once
    const seen = new Set(known.map((d) => d.id));
    const idAt = doc.indexOf('id');
    for (const r of records) {
      rows[r.get('i') as number] = (r.get('rows') as Projected[]).map((values) => row.read(values)).sort((a, b) => byId(a.key, b.key));
      for (const values of r.get('docs') as Projected[]) {
        if (seen.has(values[idAt] as string)) continue;
        seen.add(values[idAt] as string);
        documents.push(doc.read(values));
      }
    }
    const other = direction === 'OUT' ? 'to' : 'from';
    const unreached = new Set<string>();
    for (const list of rows) for (const r of list) if (!seen.has(r[other])) unreached.add(r[other]);
    if (unreached.size) for (const d of await this.getDocuments([...unreached], fields)) if (d) documents.push(d);
    return { rows, documents };
  }

  private page(rows: { id: string; score?: number; doc: Projected }[], hasNextPage: boolean, totalCount: number, reader: Projection<DocumentNode>): DocumentPage {
    return {
      items: rows.map(({ doc, ...key }) => ({ id: key.id, cursor: encodeCursor(key), document: reader.read(doc) })),
      totalCount,
      hasNextPage,
    };
  }

  async documentsBySymbol(symbolKeys: readonly string[], fields?: ReadFields): Promise<DocumentNode[][]> {
    if (!symbolKeys.length) return [];
    const doc = documentReader(fields);
    const result = await this.db.query(
      `UNWIND range(0, size($keys) - 1) AS i
       OPTIONAL CALL (i) {
         CALL (i) {
           MATCH (d:Document {symbolKey: $keys[i]}) RETURN d
           UNION
           MATCH (d:Document {numberKey: $keys[i]}) RETURN d
         }
         WITH d WHERE NOT d.ambiguous
         RETURN ${doc.cypher('d')} AS doc ORDER BY d.id
       }
       RETURN i, collect(doc) AS docs ORDER BY i`,
      { keys: symbolKeys },
    );
    return result.records.map((r) => (r.get('docs') as Projected[]).map((values) => doc.read(values)));
  }

  async chains(ids: readonly string[], direction: Direction, maxDepth: number, fields?: ReadFields): Promise<ChainStep[][]> {
    return (await this.walkChains(ids, direction, maxDepth, fields, false)).steps;
  }

  async chainsWithDocuments(ids: readonly string[], direction: Direction, maxDepth: number, fields?: ReadFields): Promise<ChainsWithDocuments> {
    return this.walkChains(ids, direction, maxDepth, fields, true);
  }

  private async walkChains(ids: readonly string[], direction: Direction, maxDepth: number, fields: ReadFields | undefined, starts: boolean): Promise<ChainsWithDocuments> {
    if (!ids.length) return { steps: [], documents: [] };
    const depth = Math.trunc(maxDepth);
    if (!(depth >= 1 && depth <= 100)) throw new RangeError('maxDepth must be between 1 and 100');
    const [doc, row] = [documentReader(fields), evidenceReader(fields)];
    // Bounds of a quantified pattern must be literals: an integer checked above, never a string.
    const arrow = direction === 'IN' ? '<-[:SUPERSEDES]-' : '-[:SUPERSEDES]->';
    // the evidence of each link, read in the same query: from every parent a node was reached from
    // (the walk keeps one of them, stepsOf), and only within maxDepth; not at all when the caller
    // reads no evidence (fields.evidence null: a chain of documents only)
    const withVia = fields?.evidence !== null;
    const [replacing, replaced] = direction === 'IN' ? ['n', 'parent'] : ['parent', 'n'];
    const via = withVia
      ? `CALL (n, depth, parents) {
           UNWIND CASE WHEN depth <= $maxDepth THEN parents ELSE [] END AS parent
           MATCH (e:Evidence {from: ${replacing}.id, to: ${replaced}.id, type: 'SUPERSEDES'}) WHERE NOT e.suppressed
           WITH parent, e ORDER BY e.key
           RETURN collect({parent: parent.id, row: ${row.cypher('e')}}) AS via
         }`
      : '';
    const result = await this.db.query(
      `UNWIND range(0, size($ids) - 1) AS i
       OPTIONAL MATCH (s:Document {id: $ids[i]})
       OPTIONAL CALL (s) {
         MATCH p = ALL SHORTEST (s)${arrow}{1,${depth + 1}}(n:Document)
         WHERE n <> s
         WITH n, length(p) AS depth, collect(DISTINCT nodes(p)[-2]) AS parents
         ${via}
         RETURN n.id AS id, ${doc.cypher('n')} AS doc, depth, [x IN parents | x.id] AS parentIds${withVia ? ', via' : ', [] AS via'}
       }
       WITH i, s, collect(CASE WHEN id IS NULL THEN null ELSE {id: id, doc: doc, depth: depth, parents: parentIds, via: via} END) AS reached
       RETURN i, ${starts ? `CASE WHEN s IS NULL THEN null ELSE ${doc.cypher('s')} END` : 'null'} AS start, reached ORDER BY i`,
      { ids, maxDepth: neo4j.int(depth) },
    );
    const steps = result.records.map((r, i) => {
      const reached = r.get('reached') as (Reached & { via: { parent: string; row: Projected }[] })[];
      const vias = new Map(reached.map((n) => [n.id, n.via]));
      return stepsOf(ids[i], reached, depth, doc).map((step) => ({
        ...step,
        via: (vias.get(step.id) ?? []).filter((v) => v.parent === step.parent).map((v) => row.read(v.row)),
      }));
    });
    const documents = starts ? result.records.map((r) => (r.get('start') ? doc.read(r.get('start') as Projected) : null)) : [];
    return { steps, documents };
  }

  async path(from: string, to: string, maxDepth: number): Promise<EvidenceRow[][] | null> {
    const depth = Math.trunc(maxDepth);
    if (!(depth >= 1 && depth <= 10)) throw new RangeError('maxDepth must be between 1 and 10');
    if (from === to) return (await this.getDocuments([from]))[0] ? [] : null;
    return this.db.read(async (tx) => {
      const found = await tx.run(
        `MATCH (a:Document {id: $from}), (b:Document {id: $to})
         MATCH p = ANY SHORTEST (a)-[]-{1,${depth}}(b)
         RETURN [r IN relationships(p) | {from: startNode(r).id, to: endNode(r).id, type: type(r)}] AS hops LIMIT 1`,
        { from, to },
      );
      if (!found.records.length) return null;
      const hops = found.records[0].get('hops') as { from: string; to: string; type: string }[];
      const ev = await tx.run(
        `UNWIND range(0, size($hops) - 1) AS i
         MATCH (e:Evidence {from: $hops[i].from, to: $hops[i].to, type: $hops[i].type}) WHERE NOT e.suppressed
         WITH i, e ORDER BY e.key
         RETURN i, collect(${evidenceProjection('e')}) AS rows ORDER BY i`,
        { hops },
      );
      return ev.records.map((r) => (r.get('rows') as Projected[]).map(toEvidence));
    });
  }

  async texts(ids: readonly string[]): Promise<(string | null)[]> {
    if (!ids.length) return [];
    const result = await this.db.query('UNWIND $ids AS id OPTIONAL MATCH (d:Document {id: id}) RETURN d.body AS body', { ids });
    return result.records.map((r) => (r.get('body') as string | null) ?? null);
  }

  /**
   * Counts without a scan of the relations or the evidence, which at 10M rows outlasts a read's
   * time limit: relationships per type and evidence in all come from Neo4j's count store; the
   * evidence of relations a curation removed (few) is then found through its index.
   */
  async stats(): Promise<Stats> {
    return this.db.read(async (tx) => {
      const curations = (await tx.run(CURATIONS)).records.map((r) => r.get('c') as Curation);
      const suppressed = suppressedRelations(curations);
      // one triple per removed relation (several curations may name it)
      const removed = new Map<string, { from: string; to: string; type: RelationType }>();
      for (const c of curations) {
        const key = relationKey(c.from, c.type, c.to);
        if (suppressed.has(key)) removed.set(key, { from: c.from, to: c.to, type: c.type });
      }
      const { byType, stubs } = await documentCounts(tx);
      const rels = await tx.run(RELATION_COUNTS);
      const all = await tx.run('MATCH (e:Evidence) RETURN count(e) AS n');
      const hidden = await tx.run('UNWIND $ts AS t MATCH (e:Evidence {from: t.from, to: t.to, type: t.type}) WHERE e.suppressed RETURN count(e) AS n', { ts: [...removed.values()] });
      const byRelation = rels.records.map((r) => ({ key: r.get('key') as string, count: r.get('n') as number })).filter((r) => r.count > 0);
      const sort = (a: { key: string; count: number }, b: { key: string; count: number }) => b.count - a.count || byId(a.key, b.key);
      return {
        documents: byType.reduce((n, t) => n + t.count, 0),
        stubs,
        relations: byRelation.reduce((n, t) => n + t.count, 0),
        evidence: (all.records[0].get('n') as number) - (hidden.records[0].get('n') as number),
        byType: byType.sort(sort),
        byRelation: byRelation.sort(sort),
      };
    });
  }

  async curations(): Promise<Curation[]> {
    const result = await this.db.query(CURATIONS);
    return result.records.map((r) => r.get('c') as Curation);
  }

  async dump(): Promise<GraphDump> {
    return this.db.read(async (tx) => {
      const docs = await tx.run(`MATCH (d:Document) RETURN ${docProjection('d')} AS doc ORDER BY d.id`);
      const ev = await tx.run(`MATCH (e:Evidence) RETURN ${evidenceProjection('e')} AS row ORDER BY e.key`);
      const cur = await tx.run('MATCH (c:Curation) RETURN c {.*} AS c ORDER BY c.id');
      return {
        documents: docs.records.map((r) => toDocument(r.get('doc'))),
        evidence: ev.records.map((r) => toEvidence(r.get('row'))),
        curations: cur.records.map((r) => r.get('c') as Curation),
      };
    });
  }

  async *streamDocuments(pageSize: number): AsyncIterable<DocumentNode[]> {
    pageSize = pageCount(pageSize);
    let after = '';
    for (;;) {
      const result = await this.db.query(`MATCH (d:Document) WHERE d.id > $after RETURN ${docProjection('d')} AS doc ORDER BY d.id LIMIT $n`, { after, n: neo4j.int(pageSize) });
      const page = result.records.map((r) => toDocument(r.get('doc')));
      if (page.length) yield page;
      if (page.length < pageSize) return;
      after = page.at(-1)!.id;
    }
  }

  async *streamEvidence(pageSize: number): AsyncIterable<EvidenceRow[]> {
    pageSize = pageCount(pageSize);
    let after = '';
    for (;;) {
      const result = await this.db.query(`MATCH (e:Evidence) WHERE e.key > $after RETURN ${evidenceProjection('e')} AS row ORDER BY e.key LIMIT $n`, { after, n: neo4j.int(pageSize) });
      const page = result.records.map((r) => toEvidence(r.get('row')));
      if (page.length) yield page;
      if (page.length < pageSize) return;
      after = page.at(-1)!.key;
    }
  }

  // ---- for the loader ----

  async candidates(scopes: readonly (string | CandidateScope)[]): Promise<Candidate[]> {
    if (!scopes.length) return [];
    // a scope with localities reads those localities, none, the undated, and a sample of three others (port.ts)
    const params = scopes.map((s) => (typeof s === 'string' ? { key: s, localities: null } : { key: s.key, localities: s.localities ?? null }));
    const result = await this.db.query(
      `UNWIND $scopes AS s
       CALL (s) {
         MATCH (d:Document {symbolKey: s.key})
         WHERE s.localities IS NULL OR d.locality IS NULL OR d.issuedOn IS NULL OR d.locality IN s.localities
         RETURN d
         UNION
         MATCH (d:Document {numberKey: s.key})
         WHERE s.localities IS NULL OR d.locality IS NULL OR d.issuedOn IS NULL OR d.locality IN s.localities
         RETURN d
         UNION
         MATCH (d:Document {symbolKey: s.key})
         WHERE s.localities IS NOT NULL AND d.issuedOn IS NOT NULL AND d.locality IS NOT NULL AND NOT d.locality IN s.localities
           AND NOT d.ambiguous AND d.symbol IS NOT NULL
         RETURN d LIMIT 3
       }
       WITH DISTINCT d WHERE (d.issuedOn IS NOT NULL OR NOT d.stub) AND NOT d.ambiguous AND d.symbol IS NOT NULL
       RETURN d {.id, .symbol, .issuedOn, .type, .issuer, .term, .locality, .title, .stub, .ambiguous} AS c ORDER BY c.id`,
      { scopes: params },
    );
    return result.records.flatMap((r) => {
      const c = r.get('c') as Record<string, string | boolean | null>;
      const s = (k: string) => (c[k] as string | null) ?? null;
      const candidate = candidateOfNode({ id: s('id')!, symbol: s('symbol'), issuedOn: s('issuedOn'), type: s('type'), issuer: s('issuer'), term: s('term'), locality: s('locality'), title: s('title'), stub: Boolean(c.stub), ambiguous: Boolean(c.ambiguous) });
      return candidate ? [candidate] : [];
    });
  }

  async undatedEvidence(symbolKeys: readonly string[], since?: ReadonlyMap<string, string>): Promise<EvidenceRow[]> {
    if (!symbolKeys.length) return [];
    const result = await this.db.query(
      `UNWIND $keys AS k
       CALL (k) {
         MATCH (e:Evidence {toRefKey: k.key}) RETURN e
         UNION
         MATCH (e:Evidence {fromRefKey: k.key}) RETURN e
         UNION
         MATCH (e:Evidence {toRefLocal: k.key}) RETURN e
         UNION
         MATCH (e:Evidence {fromRefLocal: k.key}) RETURN e
       }
       OPTIONAL MATCH (source:Document {id: e.source}) WHERE k.since IS NOT NULL
       WITH e, k, source WHERE k.since IS NULL OR source.issuedOn IS NULL OR source.issuedOn >= k.since
       WITH DISTINCT e ORDER BY e.key
       RETURN ${evidenceProjection('e')} AS row`,
      { keys: symbolKeys.map((key) => ({ key, since: since?.get(key) ?? null })) },
    );
    return result.records.map((r) => toEvidence(r.get('row')));
  }

  async fileHashes(files: readonly string[]): Promise<Map<string, { id: string; textHash: string | null }>> {
    const result = await this.db.query('UNWIND $files AS f MATCH (x:File {path: f}) RETURN x.path AS file, x.id AS id, x.textHash AS hash', { files });
    return new Map(result.records.map((r) => [r.get('file') as string, { id: r.get('id') as string, textHash: (r.get('hash') as string | null) ?? null }]));
  }

  async ping(): Promise<void> {
    await this.db.query('RETURN 1');
  }

  async close(): Promise<void> {
    this.db.availability.close();
    await this.db.driver.close();
  }

  /** Delete everything: for tests and benchmarks against a scratch database. */
  async clear(): Promise<void> {
    for (;;) {
      const result = await this.db.write((tx) => tx.run('MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n'));
      if ((result.records[0].get('n') as number) === 0) break;
    }
  }
}

/**
 * The body of a subquery that reads one document's visible evidence one way, as `rows`, and the
 * documents those rows name, as `docs`: `d` is the document's node (null when there is none), `id`
 * an expression of its id, `scope` the variables both need, `$types` the relation types or null;
 * `withAsked` adds the document itself. The documents at the other end come through the typed
 * relationships, which stand for the visible rows (write.ts): a relationship hop where reading them
 * by id took an index seek each (a page of 20 documents: ~170 seeks; Neo4j's CPU for the page
 * query 1.8–2.4 ms without them against 2.2–2.7 ms with them). Asserting documents (source), when
 * asked for, are few and mostly the document itself: read by id. Any other end not reached is read
 * afterwards (evidenceOfRecords).
 *
 * One record per document asked about, with its rows and the documents they name: not one record
 * of everything (the driver decodes a message that spans several Bolt chunks byte by byte, which
 * made one large record cost twice the CPU of two queries), nor one per row and per document
 * (Neo4j's CPU grows with the records it sends: 20 records instead of 330 for a page of 20
 * documents with their relations cost it a quarter less). Each row's properties are read once,
 * and the side it was matched on is the id asked about.
 */
function evidenceOfOne(scope: string, d: string, id: string, direction: Direction, row: Projection<EvidenceRow>, doc: Projection<DocumentNode>, withAsked: boolean): string {
  const [side, arrow] = direction === 'OUT' ? ['from', '-[r]->'] : ['to', '<-[r]-'];
  const sourceAt = row.indexOf('source');
  const sources =
    sourceAt < 0
      ? ''
      : ` + COLLECT {
             UNWIND rows AS r
             WITH DISTINCT r[${sourceAt}] AS source WHERE source <> ${id}
             MATCH (s:Document {id: source})
             RETURN ${doc.cypher('s')}
           }`;
  const asked = withAsked ? `CASE WHEN ${d} IS NULL THEN [] ELSE [${doc.cypher(d)}] END + ` : '';
  return `OPTIONAL MATCH (e:Evidence {${side}: ${id}}) WHERE NOT e.suppressed AND ($types IS NULL OR e.type IN $types)
         WITH ${scope}, collect(CASE WHEN e IS NULL THEN null ELSE ${row.cypher('e', { [side]: id })} END) AS rows
         CALL (${d}) {
           MATCH (${d})${arrow}(n:Document) WHERE $types IS NULL OR type(r) IN $types
           WITH DISTINCT n
           RETURN collect(${doc.cypher('n')}) AS reached
         }
         RETURN rows, ${asked}reached${sources} AS docs`;
}

type Reached = { id: string; doc: Projected; depth: number; parents: string[] };

/** From every node reached within maxDepth + 1, the walk the embedded store makes (domain/walk.ts rules). */
export function stepsOf(start: string, reached: Reached[], maxDepth: number, doc: Projection<DocumentNode> = documentReader()): Omit<ChainStep, 'via'>[] {
  const depthOf = new Map(reached.filter(Boolean).map((r) => [r.id, r.depth]));
  const steps: Omit<ChainStep, 'via'>[] = [];
  for (const r of reached) {
    if (!r || r.depth > maxDepth) continue;
    const parents = r.parents.filter((p) => (r.depth === 1 ? p === start : depthOf.get(p) === r.depth - 1)).sort(byId);
    steps.push({ id: r.id, depth: r.depth, parent: parents[0] ?? start, document: doc.read(r.doc), truncated: false });
  }
  const beyond = reached.filter((r) => r && r.depth === maxDepth + 1);
  for (const s of steps) if (s.depth === maxDepth) s.truncated = beyond.some((b) => b.parents.includes(s.id));
  return steps.sort((a, b) => a.depth - b.depth || byId(a.id, b.id));
}
