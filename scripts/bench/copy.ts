// The bulk path for a first load into Neo4j, timed against the loader in the same sitting: a
// generated corpus is loaded into an embedded store in a temporary folder, copied into an empty
// Neo4j (services/export/to-neo4j.ts) once per batch size, and then, with --loader, loaded into
// the emptied Neo4j by the loader itself (prepare + apply per chunk, as `load` and `npm run bench`
// do; extraction is left out of both rates). The two Neo4j graphs must have the same counts.
//   npx tsx scripts/bench/copy.ts --docs 10k --batch 1000,5000,20000 --writers 1,2 --rounds 2 --loader
// Two versions of the copy side by side on one graph built once (load-chunks.ts --data <dir>):
//   npx tsx scripts/bench/copy.ts --source bench-out/g10k --root .,<other checkout> --rounds 3 --neo4j-pid <pid or pid file> --fingerprint
// Each copy reports the CPU seconds of this process (reading the source, building and sending the
// rows) and, with --neo4j-pid, of the Neo4j server; --fingerprint hashes every node and
// relationship the copy made, so that the versions can be shown to make the same database.
// --admin-import also times the offline path on the same graph, each round: the neo4j-admin import
// files written (neo4j-files.ts), scripts/neo4j/import.sh into a new data dir, a second Neo4j
// started on it (--admin-port; NEO4J_HEAP and NEO4J_PAGECACHE, default 1g each), and the finish (neo4j-import.ts); with --fingerprint, its hash.
//   npx tsx scripts/bench/copy.ts --docs 10k --neo4j-pid .neo4j/neo4j.pid --admin-import --fingerprint
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import neo4j from 'neo4j-driver';
import { Corpus } from '../../graph-loaders/generate/corpus.js';
import { prepareBatch, safeExtract } from '../../graph-loaders/load.js';
import type { Extraction } from '../../graph-loaders/types.js';
import type { Neo4jConfig } from '../../services/config.js';
import { copyToNeo4j } from '../../services/export/to-neo4j.js';
import { writeNeo4jImportFiles } from '../../services/export/neo4j-files.js';
import { finishNeo4jImport } from '../../services/export/neo4j-import.js';
import { promisify } from 'node:util';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import type { Stats, Store } from '../../services/store/port.js';
import { count, list } from './args.js';

const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const opts = new Command()
  .description('Time the copy of an embedded store into an empty Neo4j, next to the loader into Neo4j')
  .option('--docs <n>', 'generated documents', count, 10_000)
  .option('--seed <n>', 'corpus seed', (v) => parseInt(v, 10), 1)
  .option('--chunk <n>', 'documents per loader batch', (v) => parseInt(v, 10), 1000)
  .option('--batch <sizes>', 'rows per copy transaction, one copy per size', (v) => v.split(',').map(count), [5000])
  .option('--writers <list>', 'transactions writing nodes at once, one copy per value', (v) => v.split(',').map(Number), [1])
  .option('--lanes <list>', 'copies with phases one after another (1) or evidence beside documents and relationships (2), one copy per value (a checkout without lanes ignores it)', (v) => v.split(',').map(Number), [2])
  .option('--loader', 'also load the corpus into Neo4j with the loader, for its rate in the same sitting')
  .option('--rounds <n>', 'rounds of the copies (and the loader), alternating, for a shared machine', (v) => parseInt(v, 10), 1)
  .option('--source <dir>', 'copy this embedded DATA_DIR (already loaded) instead of loading a generated corpus')
  .option('--root <dirs>', 'checkouts whose copy to run, alternating within each round', list, [here])
  .option('--neo4j-pid <pid>', "the Neo4j server's process id (or its pid file), for its CPU seconds")
  .option('--fingerprint', 'hash the whole database after each copy (every node, property and relationship)')
  .option('--admin-import', 'also time the offline path: import files, scripts/neo4j/import.sh, a second Neo4j started on them, the finish')
  .option('--admin-port <n>', 'Bolt port of the Neo4j the offline path starts', (v) => parseInt(v, 10), 7732)
  .option('--neo4j-uri <uri>', 'bolt:// or neo4j:// URI', process.env.NEO4J_URI)
  .option('--neo4j-user <user>', 'Neo4j user', process.env.NEO4J_USER ?? 'neo4j')
  .option('--neo4j-password <password>', 'Neo4j password', process.env.NEO4J_PASSWORD ?? 'citation-graph-test')
  .option('--neo4j-database <name>', 'Neo4j database', process.env.NEO4J_DATABASE ?? 'neo4j')
  .parse()
  .opts<{ docs: number; seed: number; chunk: number; batch: number[]; writers: number[]; lanes: number[]; loader?: boolean; rounds: number; source?: string; root: string[]; neo4jPid?: string; fingerprint?: boolean; adminImport?: boolean; adminPort: number; neo4jUri?: string; neo4jUser: string; neo4jPassword: string; neo4jDatabase: string }>();

if (!opts.neo4jUri) throw new Error('give --neo4j-uri or set NEO4J_URI: the copy needs a Neo4j it may empty');
type CopyFn = typeof copyToNeo4j;
const copies: { root: string; copy: CopyFn }[] = [];
for (const root of opts.root) {
  const file = path.join(path.resolve(root), 'services/export/to-neo4j.ts');
  copies.push({ root, copy: path.resolve(root) === here ? copyToNeo4j : ((await import(file)) as { copyToNeo4j: CopyFn }).copyToNeo4j });
}
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

/** User + system CPU seconds of a process, from /proc (Linux); null when unknown. */
function cpuOf(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
  } catch {
    return null;
  }
}
const neo4jPid = opts.neo4jPid ? Number(existsSync(opts.neo4jPid) ? readFileSync(opts.neo4jPid, 'utf8').trim() : opts.neo4jPid) : null;
const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** A hash of every node (labels, properties with their types) and relationship; the migration's time left out. */
async function fingerprint(cfg: Neo4jConfig): Promise<string> {
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), { disableLosslessIntegers: true });
  const session = driver.session({ database: cfg.database });
  const lines: string[] = [];
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  try {
    const each = (query: string, line: (r: neo4j.Record) => string) =>
      new Promise<void>((resolve, reject) => session.run(query).subscribe({ onNext: (r) => void lines.push(hash(line(r))), onCompleted: () => resolve(), onError: reject }));
    await each(
      `MATCH (n) RETURN labels(n) AS labels, [k IN keys(n) WHERE NOT (n:Migration AND k = 'at') | [k, valueType(n[k]), n[k]]] AS props`,
      (r) => JSON.stringify([[...r.get('labels')].sort(), (r.get('props') as [string][]).sort((a, b) => (a[0] < b[0] ? -1 : 1))]),
    );
    await each(`MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`, (r) => JSON.stringify([r.get('from'), r.get('type'), r.get('to'), r.get('props')]));
  } finally {
    await session.close();
    await driver.close();
  }
  return `${hash(lines.sort().join('\n')).slice(0, 16)} (${lines.length} nodes and relationships)`;
}

const run = promisify(execFile);
const scripts = path.join(here, 'scripts/neo4j');

/**
 * The offline path into a Neo4j of its own (a new data dir in a temporary folder): seconds and CPU
 * of each step. The importer's CPU is that of the children of a shell (`times`); the finish's
 * Neo4j CPU is that of the second server.
 */
async function adminImport(source: Store, stats: Stats, round: number): Promise<string> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'cg-admin-bench-'));
  const env = { ...process.env, NEO4J_STATE_DIR: work, NEO4J_DATA_DIR: path.join(work, 'data'), NEO4J_BOLT_PORT: String(opts.adminPort), NEO4J_PASSWORD: cfg.password, NEO4J_HEAP: process.env.NEO4J_HEAP ?? '1g', NEO4J_PAGECACHE: process.env.NEO4J_PAGECACHE ?? '1g' };
  const target: Neo4jConfig = { ...cfg, uri: `bolt://127.0.0.1:${opts.adminPort}`, database: 'neo4j' };
  try {
    log(`round ${round}: writing the import files`);
    const [t0, node0] = [now(), nodeCpu()];
    const files = await writeNeo4jImportFiles(source, path.join(work, 'files'));
    const [t1, node1] = [now(), nodeCpu()];
    log(`round ${round}: neo4j-admin import (scripts/neo4j/import.sh)`);
    // `times` prints the shell's children's user and system seconds on its second line
    const imported = await run('bash', ['-c', 'bash "$0" "$1" >"$2" 2>&1 || { cat "$2" >&2; exit 1; }; times', path.join(scripts, 'import.sh'), path.join(work, 'files'), path.join(work, 'import.log')], { env });
    const importCpu = (imported.stdout.trim().split('\n')[1] ?? '').split(/\s+/).reduce((sum, t) => {
      const m = /^(\d+)m([\d.]+)s$/.exec(t);
      return m ? sum + Number(m[1]) * 60 + Number(m[2]) : sum;
    }, 0);
    const t2 = now();
    await run('bash', [path.join(scripts, 'start.sh')], { env });
    const t3 = now();
    const pid = Number(readFileSync(path.join(work, 'neo4j.pid'), 'utf8').trim());
    const [neo0, node2] = [cpuOf(pid), nodeCpu()];
    const finish = await finishNeo4jImport(target, files);
    const [t4, neo1, node3] = [now(), cpuOf(pid), nodeCpu()];
    const got = await (async () => {
      const neo = await Neo4jStore.open(target);
      try {
        return await neo.stats();
      } finally {
        await neo.close();
      }
    })();
    if (JSON.stringify(got) !== JSON.stringify(stats)) throw new Error(`the import's counts differ from the source's: ${JSON.stringify(got)} against ${JSON.stringify(stats)}`);
    if (opts.fingerprint) log(`offline import: graph ${await fingerprint(target)}`);
    const seconds = t2 - t0 + (t4 - t3);
    const neoCpu = neo0 === null || neo1 === null ? '' : (neo1 - neo0).toFixed(1);
    const steps = `files ${(t1 - t0).toFixed(1)}, import ${(t2 - t1).toFixed(1)} (CPU ${importCpu.toFixed(1)}), finish ${(t4 - t3).toFixed(1)} (empty lists ${finish.emptyListSeconds.toFixed(1)}, constraints ${finish.constraintSeconds.toFixed(1)}, indexes ${finish.indexSeconds.toFixed(1)}); server start ${(t3 - t2).toFixed(1)} not counted`;
    const row = `| ${round} | offline: import files + neo4j-admin import + finish | ${seconds.toFixed(1)} | ${rate(stats.documents, seconds)} | ${rate(stats.relations, seconds)} | ${rate(stats.evidence, seconds)} | ${os.loadavg()[0].toFixed(1)} | ${(node1 - node0 + node3 - node2).toFixed(1)} | ${(importCpu + Number(neoCpu || 0)).toFixed(1)} | ${steps} |`;
    log(row);
    return row;
  } finally {
    await run('bash', [path.join(scripts, 'stop.sh')], { env }).catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
}

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');
const rows: string[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-copy-bench-'));
try {
  const source = await EmbeddedStore.open({ dataDir: opts.source ?? dir });
  if (!opts.source) {
    log(`loading ${opts.docs} documents into an embedded store in ${dir}`);
    const embeddedSeconds = await load(source);
    const s = await source.stats();
    rows.push(`| | embedded load (chunks of ${opts.chunk}) | ${embeddedSeconds.toFixed(1)} | ${rate(s.documents, embeddedSeconds)} | ${rate(s.relations, embeddedSeconds)} | ${rate(s.evidence, embeddedSeconds)} | ${os.loadavg()[0].toFixed(1)} | | | |`);
  }
  const stats = await source.stats();
  const load1 = () => os.loadavg()[0].toFixed(1);
  for (let round = 1; round <= opts.rounds; round++) {
    const runs = opts.batch.flatMap((b) => opts.writers.flatMap((w) => opts.lanes.flatMap((l) => copies.map((c) => [b, w, l as 1 | 2, c] as const))));
    for (const [batchRows, writers, lanes, { root, copy }] of runs) {
      log(`round ${round}: emptying Neo4j, then copying with ${root} in transactions of ${batchRows} rows`);
      await emptyNeo4j();
      const [node0, neo0] = [nodeCpu(), cpuOf(neo4jPid)];
      const s = await copy(source, cfg, { batchRows, writers, lanes });
      const [node1, neo1] = [nodeCpu(), cpuOf(neo4jPid)];
      const got = await neo4jStats();
      if (JSON.stringify(got) !== JSON.stringify(stats)) throw new Error(`the copy's counts differ from the source's: ${JSON.stringify(got)} against ${JSON.stringify(stats)}`);
      const writes = Object.entries(s.writeSeconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
      const who = copies.length > 1 ? `${root}: ` : '';
      const neoCpu = neo0 === null || neo1 === null ? '' : (neo1 - neo0).toFixed(1);
      rows.push(`| ${round} | ${who}copy into Neo4j, ${batchRows} rows per transaction, ${writers} writer${writers > 1 ? 's' : ''}${opts.lanes.length > 1 ? `, lanes ${lanes}` : ''} | ${s.seconds.toFixed(1)} | ${rate(s.documents, s.seconds)} | ${rate(s.relationships, s.seconds)} | ${rate(s.evidence, s.seconds)} | ${load1()} | ${(node1 - node0).toFixed(1)} | ${neoCpu} | ${writes} |`);
      log(rows.at(-1)!);
      if (opts.fingerprint) log(`${who}graph ${await fingerprint(cfg)}`);
    }
    if (opts.adminImport) rows.push(await adminImport(source, stats, round));
    if (opts.loader) {
      log(`round ${round}: emptying Neo4j, then loading the same corpus with the loader`);
      await emptyNeo4j();
      const neo = await Neo4jStore.open(cfg);
      const seconds = await load(neo);
      const got = await neo.stats();
      await neo.close();
      if (JSON.stringify(got) !== JSON.stringify(stats)) throw new Error(`the loader's counts differ from the embedded store's: ${JSON.stringify(got)} against ${JSON.stringify(stats)}`);
      rows.push(`| ${round} | Neo4j load (chunks of ${opts.chunk}) | ${seconds.toFixed(1)} | ${rate(stats.documents, seconds)} | ${rate(stats.relations, seconds)} | ${rate(stats.evidence, seconds)} | ${load1()} | | | |`);
      log(rows.at(-1)!);
    }
  }
  await source.close();
  const what = opts.source ? `the embedded graph in ${opts.source}` : `${opts.docs} generated documents (seed ${opts.seed})`;
  console.log(`\n${what}: ${stats.documents} documents (${stats.stubs} stubs), ${stats.relations} relations, ${stats.evidence} evidence rows\n`);
  console.log('| round | path | seconds | documents/s | relations/s | evidence rows/s | load (1 min) | Node CPU s | Neo4j CPU s | seconds in writes |\n|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
