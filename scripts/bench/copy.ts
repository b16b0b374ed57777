// The bulk path for a first load into Neo4j, timed against the loader in the same sitting: a
// generated corpus is loaded into an embedded store in a temporary folder, copied into an empty
// Neo4j (services/export/to-neo4j.ts) once per batch size, and then, with --loader, loaded into
// the emptied Neo4j by the loader itself (prepare + apply per chunk, as `load` and `npm run bench`
// do; extraction is left out of both rates). The two Neo4j graphs must have the same counts.
//   npx tsx scripts/bench/copy.ts --docs 10k --batch 1000,5000,20000 --writers 1,2 --rounds 2 --loader
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import neo4j from 'neo4j-driver';
import { Corpus } from '../../graph-loaders/generate/corpus.js';
import { prepareBatch, safeExtract } from '../../graph-loaders/load.js';
import type { Extraction } from '../../graph-loaders/types.js';
import type { Neo4jConfig } from '../../services/config.js';
import { copyToNeo4j } from '../../services/export/to-neo4j.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import type { Stats, Store } from '../../services/store/port.js';
import { count } from './args.js';


const opts = new Command()
  .description('Time the copy of an embedded store into an empty Neo4j, next to the loader into Neo4j')
  .option('--docs <n>', 'generated documents', count, 10_000)
  .option('--seed <n>', 'corpus seed', (v) => parseInt(v, 10), 1)
  .option('--chunk <n>', 'documents per loader batch', (v) => parseInt(v, 10), 1000)
  .option('--batch <sizes>', 'rows per copy transaction, one copy per size', (v) => v.split(',').map(count), [5000])
  .option('--writers <list>', 'transactions writing nodes at once, one copy per value', (v) => v.split(',').map(Number), [1])
  .option('--loader', 'also load the corpus into Neo4j with the loader, for its rate in the same sitting')
  .option('--rounds <n>', 'rounds of the copies (and the loader), alternating, for a shared machine', (v) => parseInt(v, 10), 1)
  .option('--neo4j-uri <uri>', 'bolt:// or neo4j:// URI', process.env.NEO4J_URI)
  .option('--neo4j-user <user>', 'Neo4j user', process.env.NEO4J_USER ?? 'neo4j')
  .option('--neo4j-password <password>', 'Neo4j password', process.env.NEO4J_PASSWORD ?? 'citation-graph-test')
  .option('--neo4j-database <name>', 'Neo4j database', process.env.NEO4J_DATABASE ?? 'neo4j')
  .parse()
  .opts<{ docs: number; seed: number; chunk: number; batch: number[]; writers: number[]; loader?: boolean; rounds: number; neo4jUri?: string; neo4jUser: string; neo4jPassword: string; neo4jDatabase: string }>();

if (!opts.neo4jUri) throw new Error('give --neo4j-uri or set NEO4J_URI: the copy needs a Neo4j it may empty');
const cfg: Neo4jConfig = { uri: opts.neo4jUri, user: opts.neo4jUser, password: opts.neo4jPassword, database: opts.neo4jDatabase };
const now = () => performance.now() / 1000;
const log = (s: string) => process.stderr.write(`[copy-bench] ${s}\n`);

/** The corpus through the loader in chunks; seconds of prepare + apply only. */
async function load(store: Store): Promise<number> {
  let seconds = 0;
  let buffer: { file: string; text: string; extraction: Extraction }[] = [];
  const flush = async () => {
    const t0 = now();
    await store.applyBatch(await prepareBatch(buffer, store));
    seconds += now() - t0;
    buffer = [];
  };
  for (const doc of new Corpus({ docs: opts.docs, seed: opts.seed }).documents()) {
    const extraction = safeExtract(doc.text, doc.file);
    if ('error' in extraction) continue;
    buffer.push({ file: doc.file, text: doc.text, extraction });
    if (buffer.length >= opts.chunk) await flush();
    if ((doc.index + 1) % 10_000 === 0) log(`${doc.index + 1} documents loaded (${seconds.toFixed(0)} s)`);
  }
  if (buffer.length) await flush();
  return seconds;
}

/** No data, and no constraints or indexes either: a new database, as a first load meets it. */
async function emptyNeo4j(): Promise<void> {
  const neo = await Neo4jStore.open(cfg);
  await neo.clear();
  await neo.close();
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password));
  const session = driver.session({ database: cfg.database });
  try {
    // names come from the server's own listing, backquoted
    const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;
    for (const r of (await session.run('SHOW CONSTRAINTS YIELD name')).records) await session.run(`DROP CONSTRAINT ${quote(r.get('name'))}`);
    for (const r of (await session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")).records) await session.run(`DROP INDEX ${quote(r.get('name'))}`);
  } finally {
    await session.close();
    await driver.close();
  }
}

async function neo4jStats(): Promise<Stats> {
  const neo = await Neo4jStore.open(cfg);
  try {
    return await neo.stats();
  } finally {
    await neo.close();
  }
}

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');
const rows: string[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-copy-bench-'));
try {
  const source = await EmbeddedStore.open({ dataDir: dir });
  log(`loading ${opts.docs} documents into an embedded store in ${dir}`);
  const embeddedSeconds = await load(source);
  const stats = await source.stats();
  rows.push(`| | embedded load (chunks of ${opts.chunk}) | ${embeddedSeconds.toFixed(1)} | ${rate(stats.documents, embeddedSeconds)} | ${rate(stats.relations, embeddedSeconds)} | ${rate(stats.evidence, embeddedSeconds)} | ${os.loadavg()[0].toFixed(1)} | |`);
  const load1 = () => os.loadavg()[0].toFixed(1);
  for (let round = 1; round <= opts.rounds; round++) {
    for (const [batchRows, writers] of opts.batch.flatMap((b) => opts.writers.map((w) => [b, w] as const))) {
      log(`round ${round}: emptying Neo4j, then copying in transactions of ${batchRows} rows`);
      await emptyNeo4j();
      const s = await copyToNeo4j(source, cfg, { batchRows, writers });
      const got = await neo4jStats();
      if (JSON.stringify(got) !== JSON.stringify(stats)) throw new Error(`the copy's counts differ from the source's: ${JSON.stringify(got)} against ${JSON.stringify(stats)}`);
      const writes = Object.entries(s.writeSeconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
      rows.push(`| ${round} | copy into Neo4j, ${batchRows} rows per transaction, ${writers} writer${writers > 1 ? 's' : ''} | ${s.seconds.toFixed(1)} | ${rate(s.documents, s.seconds)} | ${rate(s.relationships, s.seconds)} | ${rate(s.evidence, s.seconds)} | ${load1()} | ${writes} |`);
      log(rows.at(-1)!);
    }
    if (opts.loader) {
      log(`round ${round}: emptying Neo4j, then loading the same corpus with the loader`);
      await emptyNeo4j();
      const neo = await Neo4jStore.open(cfg);
      const seconds = await load(neo);
      const got = await neo.stats();
      await neo.close();
      if (JSON.stringify(got) !== JSON.stringify(stats)) throw new Error(`the loader's counts differ from the embedded store's: ${JSON.stringify(got)} against ${JSON.stringify(stats)}`);
      rows.push(`| ${round} | Neo4j load (chunks of ${opts.chunk}) | ${seconds.toFixed(1)} | ${rate(stats.documents, seconds)} | ${rate(stats.relations, seconds)} | ${rate(stats.evidence, seconds)} | ${load1()} | |`);
      log(rows.at(-1)!);
    }
  }
  await source.close();
  console.log(`\n${opts.docs} generated documents (seed ${opts.seed}): ${stats.documents} documents (${stats.stubs} stubs), ${stats.relations} relations, ${stats.evidence} evidence rows\n`);
  console.log('| round | path | seconds | documents/s | relations/s | evidence rows/s | load (1 min) | seconds in writes |\n|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
