// The offline first load (neo4j-files.ts, scripts/neo4j/import.sh, neo4j-import.ts) against a real
// Neo4j this test starts itself, on its own port and data dir (the shared NEO4J_URI server only
// gives the reference: what copyToNeo4j makes of the same store). The imported database must be
// that very database (every node, property, type and relationship) and work as a store: the port
// reads the source's graph, and the loader continues from it as from the copy.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrepareItem } from '../../graph-loaders/prepare.js';
import type { Neo4jConfig } from '../../services/config.js';
import { writeNeo4jImportFiles } from '../../services/export/neo4j-files.js';
import { finishNeo4jImport, readManifest } from '../../services/export/neo4j-import.js';
import { copyToNeo4j } from '../../services/export/to-neo4j.js';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import type { Store } from '../../services/store/port.js';
import { loadInChunks } from '../support/chunks.js';
import { comparable } from '../support/fixtures.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';
import { rawGraph } from '../support/neo4j-raw.js';
import { corpusInTwo, curate, freshEmbedded, removeTmpDirs, tmpDir } from './graph.js';

const run = promisify(execFile);
const cfg = neo4jConfig();
const SCRIPTS = path.resolve(import.meta.dirname, '../../scripts/neo4j');
// a port of its own: the shared test server (NEO4J_URI) keeps running
const PORT = Number(process.env.NEO4J_IMPORT_TEST_PORT ?? 7732);

async function javaFound(): Promise<boolean> {
  try {
    await run('java', ['-version']);
    return true;
  } catch {
    return false;
  }
}
const java = cfg ? await javaFound() : false;
if (cfg && !java && process.env.REQUIRE_NEO4J) throw new Error('REQUIRE_NEO4J is set but java is not found: the offline import test would be skipped');

const { base, later } = corpusInTwo(120, 7, 100);
const load = (store: Store, items: readonly PrepareItem[]) => loadInChunks(store, items, 60);

describe.skipIf(!cfg || !java)('offline import into Neo4j (neo4j-admin import files)', () => {
  let source: Store;
  let env: NodeJS.ProcessEnv = {};
  const imported: Neo4jConfig = { ...cfg!, uri: `bolt://127.0.0.1:${PORT}`, database: 'neo4j' };

  beforeAll(async () => {
    const state = tmpDir('cg-admin-import-');
    // a read buffer far smaller than the files: a reader that cuts them into chunks mid-text fails here as it did at 100k documents
    env = { ...process.env, NEO4J_STATE_DIR: state, NEO4J_DATA_DIR: path.join(state, 'data'), NEO4J_BOLT_PORT: String(PORT), NEO4J_PASSWORD: cfg!.password, NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '128m', NEO4J_IMPORT_READ_BUFFER: '64k' };
    source = await freshEmbedded();
    await load(source, base);
    await curate(source);
  }, 300_000);
  afterAll(async () => {
    await source?.close();
    await closeNeo4j();
    if (env.NEO4J_STATE_DIR) await run('bash', [path.join(SCRIPTS, 'stop.sh')], { env }).catch(() => {});
    removeTmpDirs();
  }, 120_000);

  it('makes the database copyToNeo4j makes, and the store and the loader work on it', async () => {
    // the reference: the transactional copy into the shared test server
    const shared = await freshNeo4j();
    await copyToNeo4j(source, cfg!);
    const copied = await rawGraph(cfg!);

    const dir = tmpDir('cg-admin-files-');
    const summary = await writeNeo4jImportFiles(source, dir, { page: 37 });
    const stats = await source.stats();
    expect(summary.relationships).toBe(stats.relations);
    expect(summary.nodes.Curation).toBe(2);
    expect(summary.emptyLists).toEqual({ Document: ['candidates'] });
    const header = readFileSync(path.join(dir, 'documents.header.csv'), 'utf8');
    expect(header).toMatch(/^:LABEL,id:ID\(Document\),/);
    expect(header).toContain('issuedOn:string');
    expect(header).toContain('candidates:string[]');
    expect(readFileSync(path.join(dir, 'relationships.header.csv'), 'utf8')).toBe(':START_ID(Document),:END_ID(Document),:TYPE\n');

    await run('bash', [path.join(SCRIPTS, 'import.sh'), dir, '--threads=2'], { env, maxBuffer: 1 << 26 });
    await run('bash', [path.join(SCRIPTS, 'start.sh')], { env });
    const finished = await finishNeo4jImport(imported, await readManifest(dir));
    expect(finished.emptyListsSet).toBeGreaterThan(0);

    const got = await rawGraph(imported);
    // the graph has every kind of thing the model holds, lists and all
    expect(got.nodes.some((n) => n.includes('"suppressed","BOOLEAN NOT NULL",true'))).toBe(true);
    expect(got.nodes.some((n) => n.includes('"start","FLOAT NOT NULL"'))).toBe(true);
    expect(got.nodes.some((n) => n.includes('"candidates","LIST<NOTHING> NOT NULL",[]'))).toBe(true);
    expect(got.nodes.some((n) => n.includes('"body","STRING NOT NULL"'))).toBe(true);
    expect(got.nodes.length).toBe(copied.nodes.length);
    expect(got.relationships).toEqual(copied.relationships);
    expect(got.nodes).toEqual(copied.nodes);

    // finishing a second time changes nothing: the finish is idempotent
    await finishNeo4jImport(imported, await readManifest(dir));
    expect(await rawGraph(imported)).toEqual(got);

    // the store reads the source's graph there, and the loader continues as from the copy
    const store = await Neo4jStore.open(imported);
    try {
      expect(comparable(await store.dump())).toEqual(comparable(await source.dump()));
      expect(await store.stats()).toEqual(stats);
      await load(store, later);
    } finally {
      await store.close();
    }
    await load(shared, later);
    const continued = await rawGraph(imported);
    const direct = await rawGraph(cfg!);
    expect(continued.relationships).toEqual(direct.relationships);
    expect(continued.nodes).toEqual(direct.nodes);
    expect(continued.nodes).not.toEqual(got.nodes);
  }, 300_000);
});
