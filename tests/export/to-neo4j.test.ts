// The copy into an empty Neo4j (services/export/to-neo4j.ts) against a real Neo4j: a graph loaded
// into the embedded store and copied is the very database the loader makes by loading the same
// files into Neo4j (every node, property, type and relationship), and the loader continues from
// the copy as from its own load: more files loaded on top give what loading everything gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrepareItem } from '../../graph-loaders/prepare.js';
import { curationsCsv, documentsCsv, relationsCsv } from '../../services/export/csv.js';
import { batches, copyToNeo4j, TargetNotEmptyError } from '../../services/export/to-neo4j.js';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import type { Store } from '../../services/store/port.js';
import { loadInChunks } from '../support/chunks.js';
import { comparable } from '../support/fixtures.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';
import { rawGraph } from '../support/neo4j-raw.js';
import { collect, corpusInTwo, curate, freshEmbedded, removeTmpDirs } from './graph.js';

const cfg = neo4jConfig();
// the last fifth arrives later, with a changed text
const { samples, base, later } = corpusInTwo(300, 11, 240);
const load = (store: Store, items: readonly PrepareItem[]) => loadInChunks(store, items, 60);

/** The base files and a person's two corrections (an added relation, a removed one). */
async function loadBase(store: Store): Promise<void> {
  await load(store, base);
  await curate(store);
}

async function csvOf(store: Store): Promise<string[]> {
  const options = { asOf: '2026-06-01' };
  return [await collect(documentsCsv(store, options)), await collect(relationsCsv(store, options)), await collect(curationsCsv(store))];
}

/** Neo4j emptied, then opened by the store as a new database is (its migration record comes back). */
async function emptyNeo4j(): Promise<Store & { clear(): Promise<void> }> {
  const neo = await freshNeo4j();
  await (await Neo4jStore.open(cfg!)).close();
  return neo;
}

describe.skipIf(!cfg)('copy into an empty Neo4j', () => {
  let source: Store;
  beforeAll(async () => {
    source = await freshEmbedded();
    await loadBase(source);
  }, 300_000);
  afterAll(async () => {
    await source?.close();
    await closeNeo4j();
    removeTmpDirs();
  });

  it('makes the database the loader makes from the same files, and the loader continues from it', async () => {
    let neo = await emptyNeo4j();
    await loadBase(neo);
    const loaded = await rawGraph(cfg!);

    await neo.clear();
    const summary = await copyToNeo4j(source, cfg!, { batchRows: 97, writers: 3 });
    const copied = await rawGraph(cfg!);
    // the graph has every kind of thing the model holds
    const labels = new Set(copied.nodes.map((n) => JSON.parse(n)[0]));
    expect([...labels].sort()).toEqual(['Curation', 'Document', 'Evidence', 'File', 'Migration']);
    expect(copied.nodes.some((n) => n.includes('"suppressed","BOOLEAN NOT NULL",true'))).toBe(true);
    expect(copied.nodes.some((n) => n.includes('"toRefLocal"'))).toBe(true);
    expect(copied.nodes.some((n) => n.includes('"ambiguous","BOOLEAN NOT NULL",true'))).toBe(true);
    expect(copied.nodes.length).toBe(loaded.nodes.length);
    expect(copied.relationships).toEqual(loaded.relationships);
    expect(copied.nodes).toEqual(loaded.nodes);
    // every phase after the other (one lane) makes the same database as evidence beside the documents
    await neo.clear();
    await copyToNeo4j(source, cfg!, { batchRows: 50, lanes: 1 });
    expect(await rawGraph(cfg!)).toEqual(copied);

    // the port reads it as the source's graph, and the exports match
    const stats = await source.stats();
    expect(summary).toMatchObject({ relationships: stats.relations, curations: 2 });
    expect(comparable(await neo.dump())).toEqual(comparable(await source.dump()));
    expect(await neo.stats()).toEqual(stats);
    expect(await csvOf(neo)).toEqual(await csvOf(source));

    // more files loaded on top of the copy, as on top of the loader's own load
    await load(neo, later);
    const continued = await rawGraph(cfg!);
    neo = await emptyNeo4j();
    await loadBase(neo);
    await load(neo, later);
    const direct = await rawGraph(cfg!);
    expect(continued.relationships).toEqual(direct.relationships);
    expect(continued.nodes).toEqual(direct.nodes);
    // and the later files did change what the copy held
    expect(continued.nodes).not.toEqual(copied.nodes);
  }, 300_000);

  it('refuses a database that holds anything, and leaves it as it was', async () => {
    const neo = await freshNeo4j();
    await load(neo, samples);
    const before = await rawGraph(cfg!);
    await expect(copyToNeo4j(source, cfg!)).rejects.toThrow(TargetNotEmptyError);
    await expect(copyToNeo4j(source, cfg!)).rejects.toThrow(/is not empty .*npm run load/);
    expect(await rawGraph(cfg!)).toEqual(before);
  }, 120_000);
});

describe('copy batches', () => {
  it('split by rows and by characters of text, never empty, every row once', () => {
    const rows = [{ body: 'x'.repeat(50) }, { body: 'y' }, { body: 'z'.repeat(200) }, { body: null }, { body: 'w' }];
    expect([...batches(rows, 2, 1000)].map((b) => b.length)).toEqual([2, 2, 1]);
    expect([...batches(rows, 10, 100)].map((b) => b.length)).toEqual([2, 1, 2]);
    expect([...batches(rows, 10, 10)].flat()).toEqual(rows);
    expect([...batches([], 10, 10)]).toEqual([]);
  });
});
