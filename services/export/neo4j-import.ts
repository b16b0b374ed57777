// After `neo4j-admin database import full` (scripts/neo4j/import.sh) and the server's start: check
// that Neo4j holds what the files held (neo4j-files.ts), put back the empty lists the importer
// cannot write, then do what copyToNeo4j does around its writes: the constraints, the indexes
// (built once over the whole graph), and the record that the store's data migrations are done.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import { schemaStatements } from '../store/neo4j/index.js';
import { migrate } from '../store/neo4j/migrate.js';
import { createDriver } from '../store/neo4j/session.js';
import type { NodeLabel } from './neo4j-graph.js';
import { MANIFEST, type ImportManifest } from './neo4j-files.js';
import { INDEX_SECONDS } from './to-neo4j.js';

const LABELS: readonly NodeLabel[] = ['Document', 'File', 'Evidence', 'Curation'];
/** Labels and property names go into Cypher text (they cannot be parameters): only plain names from a known label. */
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export async function readManifest(dir: string): Promise<ImportManifest> {
  return JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as ImportManifest;
}

export interface FinishSummary {
  /** Nodes given back an empty list property. */
  emptyListsSet: number;
  seconds: number;
  /** Of which: setting the empty lists, making the constraints, building the indexes. */
  emptyListSeconds: number;
  constraintSeconds: number;
  indexSeconds: number;
}

export async function finishNeo4jImport(cfg: Neo4jConfig, manifest: ImportManifest): Promise<FinishSummary> {
  const started = performance.now();
  const driver = createDriver(cfg, { retryMs: 30_000 });
  const session = driver.session({ database: cfg.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    // the count store answers these at once
    for (const label of LABELS) {
      const found = (await session.run(`MATCH (n:${label}) RETURN count(n) AS n`)).records[0].get('n') as number;
      if (found !== (manifest.nodes[label] ?? 0)) throw new Error(`Neo4j holds ${found} ${label} nodes where the import files held ${manifest.nodes[label] ?? 0}: was the import run into this database?`);
    }
    const rels = (await session.run('MATCH ()-[r]->() RETURN count(r) AS n')).records[0].get('n') as number;
    if (rels !== manifest.relationships) throw new Error(`Neo4j holds ${rels} relationships where the import files held ${manifest.relationships}`);
    const t0 = performance.now();
    let emptyListsSet = 0;
    for (const [label, props] of Object.entries(manifest.emptyLists)) {
      if (!LABELS.includes(label as NodeLabel)) throw new Error(`${MANIFEST} names an unknown label ${label}`);
      for (const prop of props ?? []) {
        if (!NAME.test(prop)) throw new Error(`${MANIFEST} names a property that is not a plain name: ${prop}`);
        const result = await session.run(`MATCH (n:${label}) WHERE n.${prop} IS NULL CALL { WITH n SET n.${prop} = [] } IN TRANSACTIONS OF 10000 ROWS`);
        emptyListsSet += result.summary.counters.updates().propertiesSet;
      }
    }
    const t1 = performance.now();
    for (const statement of schemaStatements('constraints.cypher')) await session.run(statement);
    await migrate(session);
    const t2 = performance.now();
    for (const statement of schemaStatements('indexes.cypher')) await session.run(statement);
    await session.run('CALL db.awaitIndexes($seconds)', { seconds: neo4j.int(INDEX_SECONDS) });
    const t3 = performance.now();
    const s = (ms: number) => ms / 1000;
    return { emptyListsSet, seconds: s(t3 - started), emptyListSeconds: s(t1 - t0), constraintSeconds: s(t2 - t1), indexSeconds: s(t3 - t2) };
  } finally {
    await session.close();
    await driver.close();
  }
}
