// The exports round-trip: the CSV set imported into a fresh store (embedded, and Neo4j when
// NEO4J_URI is set) and the Cypher dump run in a fresh Neo4j reproduce the graph.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curationsCsv, documentsCsv, relationsCsv } from '../../services/export/csv.js';
import { neo4jCypher } from '../../services/export/cypher.js';
import { batchFromCsv, ImportError } from '../../services/export/import-csv.js';
import { runExport, runImport } from '../../services/export/cli.js';
import { cypherStatements, Neo4jStore } from '../../services/store/neo4j/index.js';
import type { Store } from '../../services/store/port.js';
import { comparable } from '../support/fixtures.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';
import { collect, freshEmbedded, removeTmpDirs, sampleGraph, tmpDir } from './graph.js';

const ASOF = '2026-06-01';
let source: Store;
let csvDir: string;

beforeAll(async () => {
  source = await sampleGraph();
  csvDir = tmpDir();
  await runExport(source, 'csv', { out: csvDir, asOf: ASOF });
});
afterAll(async () => {
  await source.close();
  await closeNeo4j();
  removeTmpDirs();
});

async function expectSameGraph(store: Store): Promise<void> {
  const want = comparable(await source.dump());
  const got = comparable(await store.dump());
  expect(got.documents).toEqual(want.documents);
  expect(got.evidence).toEqual(want.evidence);
  expect(got.curations).toEqual(want.curations);
  expect(await store.stats()).toEqual(await source.stats());
}

describe('CSV round trip', () => {
  it('covers the whole graph: stubs, ambiguous references, curated and hidden assertions', async () => {
    const dump = await source.dump();
    expect(dump.documents.some((d) => d.stub)).toBe(true);
    expect(dump.evidence.some((e) => e.curated)).toBe(true);
    expect(dump.curations.map((c) => c.action).sort()).toEqual(['ADD', 'REMOVE']);
    expect(dump.evidence.length).toBeGreaterThan(50);
  });

  it('imports into a fresh embedded store as the same graph', async () => {
    const store = await freshEmbedded();
    expect(await runImport(store, csvDir, {})).toMatchObject({ curations: 2 });
    await expectSameGraph(store);
    // import again refuses to mix with what is there
    await expect(runImport(store, csvDir, {})).rejects.toThrow(/already holds documents/);
    await store.close();
  });

  it('refuses a damaged file whole, naming file and row, and leaves the store as it was', async () => {
    const bad = tmpDir();
    const rel = await collect(relationsCsv(source, { asOf: ASOF }));
    const lines = rel.split('\n');
    lines[3] = lines[3].replace(/,(CITES|IMPLEMENTS|BASED_ON|SUPERSEDES|AMENDS|GUIDES),/, ',QUOTES,');
    writeFileSync(path.join(bad, 'documents.csv'), await collect(documentsCsv(source, { asOf: ASOF })));
    writeFileSync(path.join(bad, 'relations.csv'), lines.join('\n'));
    const store = await freshEmbedded();
    await expect(runImport(store, bad, {})).rejects.toThrow(/relations\.csv, row \d+: unknown relation type QUOTES/);
    expect((await store.stats()).documents).toBe(0);
    writeFileSync(path.join(bad, 'documents.csv'), 'id,symbol\nx,y\n');
    await expect(batchFromCsv({ documents: path.join(bad, 'documents.csv'), relations: path.join(bad, 'relations.csv') })).rejects.toThrow(ImportError);
    await store.close();
  });

  it('keeps a cell that looks like a formula from running in a spreadsheet, and gets it back', async () => {
    const csv = await collect(curationsCsv(source));
    expect(csv).toContain(`"'=HYPERLINK(""x"") ""quoted"", and a\nnew line"`);
  });

  describe.skipIf(!neo4jConfig())('into Neo4j', () => {
    it('imports the CSV set into a fresh Neo4j store as the same graph', async () => {
      const store = await freshNeo4j();
      await runImport(store, csvDir, {});
      await expectSameGraph(store);
    });
  });
});

describe.skipIf(!neo4jConfig())('Cypher dump', () => {
  it('runs in an empty Neo4j 5 and the Neo4j store reads it back as the same graph, texts included', async () => {
    const scratch = await freshNeo4j();
    const script = await collect(neo4jCypher(source, { asOf: ASOF }));
    // the schema first: drop it so the dump's own statements create it
    const cfg = neo4jConfig()!;
    const { default: neo4j } = await import('neo4j-driver');
    const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password));
    const session = driver.session({ database: cfg.database });
    try {
      await scratch.clear();
      for (const c of (await session.run('SHOW CONSTRAINTS YIELD name')).records) await session.run(`DROP CONSTRAINT \`${c.get('name')}\``);
      for (const i of (await session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")).records) await session.run(`DROP INDEX \`${i.get('name')}\``);
      const statements = cypherStatements(script);
      expect(statements.length).toBeGreaterThan(10);
      // parameter-free (outside string literals): it runs as cypher-shell runs it
      for (const s of statements) expect(s.replace(/'(?:[^'\\]|\\.)*'/g, "''")).not.toMatch(/\$\w/);
      for (const s of statements) await session.run(s);
    } finally {
      await session.close();
      await driver.close();
    }
    const store = await Neo4jStore.open(cfg);
    try {
      await expectSameGraph(store);
      const ids = (await source.dump()).documents.map((d) => d.id);
      expect(await store.texts(ids)).toEqual(await source.texts(ids));
      // relationships are projected, so walks work on the imported graph
      const [kl96] = await store.evidenceOf(['96-KL/TW@2024-09-30'], 'OUT');
      expect(kl96.length).toBeGreaterThan(0);
      const page = await store.findDocuments({ text: 'Hải Phòng' }, 5, null);
      expect(page.totalCount).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
