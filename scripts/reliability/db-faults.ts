// Database faults, against a Neo4j this script may kill: the one started by scripts/neo4j/start.sh
// with the NEO4J_STATE_DIR / NEO4J_DATA_DIR / NEO4J_BOLT_PORT given here (never a shared one).
//   NEO4J_STATE_DIR=.neo4j-rel NEO4J_DATA_DIR=.neo4j-rel/data NEO4J_BOLT_PORT=7691 \
//   NEO4J_URI=bolt://127.0.0.1:7691 NEO4J_PASSWORD=citation-graph-test npx tsx scripts/reliability/db-faults.ts [--docs 3000 --chunk 100]
// 1. A load into Neo4j; Neo4j is killed (kill -9) mid-load. The CLI must fail with a clear message;
//    after a restart the graph must hold whole batches only (it equals an embedded load of the same
//    first files); the same command then completes and equals a clean load.
// 2. The API over Neo4j while Neo4j is killed and restarted: every answer while it is down must be
//    STORE_UNAVAILABLE within a second; it must recover by itself. Prints the figures.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPaths } from '../../graph-loaders/load.js';
import { listFiles } from '../../graph-loaders/read.js';
import { loadConfig } from '../../services/config.js';
import { buildServer } from '../../services/server.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import { openStore } from '../../services/store/open.js';
import { comparable } from '../../tests/support/fixtures.js';
import { ROOT, runLoader, writeCorpus, type Run } from '../../tests/reliability/support/crash.js';
import { dumpDifferences } from '../../tests/reliability/support/diff.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const DOCS = arg('docs', 3000);
const CHUNK = arg('chunk', 100);
const PHASE = process.argv.includes('--api-only') ? 'api' : process.argv.includes('--load-only') ? 'load' : 'both';

const stateDir = process.env.NEO4J_STATE_DIR;
const uri = process.env.NEO4J_URI;
if (!stateDir || !uri || !process.env.NEO4J_BOLT_PORT) {
  console.error('set NEO4J_STATE_DIR, NEO4J_DATA_DIR, NEO4J_BOLT_PORT and NEO4J_URI to a Neo4j of your own: this script kills it');
  process.exit(2);
}
const cfg = { uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'citation-graph-test', database: process.env.NEO4J_DATABASE ?? 'neo4j' };
const env = { NEO4J_URI: cfg.uri, NEO4J_USER: cfg.user, NEO4J_PASSWORD: cfg.password, NEO4J_DATABASE: cfg.database };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 23)}] ${s}`);

function killNeo4j(): number {
  const pid = Number(readFileSync(path.join(path.resolve(ROOT, stateDir!), 'neo4j.pid'), 'utf8').trim());
  process.kill(pid, 'SIGKILL');
  return pid;
}

/** start.sh, without blocking this process: the API under test runs in it. */
async function startNeo4j(): Promise<number> {
  const t0 = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('bash', [path.join(ROOT, 'scripts/neo4j/start.sh')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`start.sh exited ${code}`))));
  });
  return Date.now() - t0;
}

async function waitDead(): Promise<void> {
  const pidFile = path.join(path.resolve(ROOT, stateDir!), 'neo4j.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
  for (;;) {
    try {
      process.kill(pid, 0);
      await sleep(50);
    } catch {
      return;
    }
  }
}

async function loadedCount(store: Neo4jStore): Promise<number> {
  return (await store.stats()).documents - (await store.stats()).stubs;
}

async function embeddedDumpOf(files: string[], dataDir: string) {
  const store = await EmbeddedStore.open({ dataDir });
  try {
    await loadPaths(files, store, { chunkSize: CHUNK });
    return comparable(await store.dump());
  } finally {
    await store.close();
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function loadPhase(work: string, texts: string): Promise<Record<string, unknown>> {
  log(`phase 1: load ${DOCS} documents, chunk ${CHUNK}, kill -9 Neo4j mid-load`);
  const store = await Neo4jStore.open(cfg);
  await store.clear();
  const load = runLoader([texts, '--chunk', String(CHUNK)], env);
  let seen = 0;
  while (seen < (DOCS / CHUNK / 4) * CHUNK) {
    await sleep(100);
    seen = await loadedCount(store);
  }
  await store.close();
  const pid = killNeo4j();
  const killedAt = Date.now();
  log(`killed Neo4j (pid ${pid}) with ${seen} documents loaded`);
  const failed: Run = await load;
  const failMs = Date.now() - killedAt;
  log(`loader exited ${failed.code} after ${failMs} ms: ${failed.stderr.trim().split('\n').pop()}`);
  await waitDead();
  const restartMs = await startNeo4j();
  log(`Neo4j restarted in ${restartMs} ms`);

  const after = await Neo4jStore.open(cfg);
  const loaded = await loadedCount(after);
  const partial = comparable(await after.dump());
  const { files } = await listFiles([texts]);
  const prefix = await embeddedDumpOf(files.slice(0, loaded), mkdtempSync(path.join(work, 'prefix-')));
  const wholeBatches = loaded % CHUNK === 0 && same(partial, prefix);
  log(`after the kill: ${loaded} documents loaded (${loaded / CHUNK} batches); equal to an embedded load of the first ${loaded} files: ${same(partial, prefix)}`);
  for (const d of dumpDifferences(partial, prefix)) log(`  partial vs prefix: ${d}`);

  const rerun = await runLoader([texts, '--chunk', String(CHUNK)], env);
  const final = comparable(await after.dump());
  await after.close();
  const clean = await embeddedDumpOf([texts], mkdtempSync(path.join(work, 'clean-')));
  log(`rerun exited ${rerun.code} in ${rerun.ms} ms; equal to a clean load: ${same(final, clean)}`);
  for (const d of dumpDifferences(final, clean)) log(`  rerun vs clean: ${d}`);
  return {
    loaderExit: failed.code,
    loaderMessage: failed.stderr.trim().split('\n').pop(),
    loaderExitMsAfterKill: failMs,
    clearMessage: failed.code === 2 && /load stopped: .*unavailable.*run the same command again/i.test(failed.stderr),
    documentsAtKill: seen,
    documentsAfterRestart: loaded,
    wholeBatches,
    rerunExit: rerun.code,
    rerunEqualsCleanLoad: same(final, clean),
    neo4jRestartMs: restartMs,
  };
}

interface Probe {
  t: number;
  ms: number;
  ok: boolean;
  code: string | null;
}

async function apiPhase(): Promise<Record<string, unknown>> {
  log('phase 2: API over Neo4j; kill -9 Neo4j, restart it, probe every 100 ms');
  const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', SAMPLE_CORPUS: 'false' });
  const store = await openStore(config);
  const app = await buildServer(config, store);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const id = (await store.findDocuments({ includeStubs: false }, 1, null)).items[0].id;
  const probes: Probe[] = [];
  const started = Date.now();
  let stop = false;
  const probeLoop = (async () => {
    while (!stop) {
      const t0 = Date.now();
      let ok = false;
      let code: string | null = null;
      try {
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query($id: ID!) { document(id: $id) { id title outgoing { type to { id } } } }', variables: { id } }),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await res.json()) as { data?: { document?: unknown }; errors?: { extensions?: { code?: string } }[] };
        ok = !body.errors && !!body.data?.document;
        code = body.errors?.[0]?.extensions?.code ?? null;
      } catch (err) {
        code = `client: ${(err as Error).name}`;
      }
      probes.push({ t: t0 - started, ms: Date.now() - t0, ok, code });
      await sleep(Math.max(0, 100 - (Date.now() - t0)));
    }
  })();
  await sleep(2000);
  killNeo4j();
  const killedAt = Date.now() - started;
  log('killed Neo4j');
  await waitDead();
  await sleep(3000); // down for a while before the restart begins
  const restartBegan = Date.now() - started;
  await startNeo4j();
  const upAt = Date.now() - started;
  log(`Neo4j up again after ${upAt - killedAt} ms`);
  while (!probes.some((p) => p.t > upAt && p.ok) && Date.now() - started < upAt + 60_000) await sleep(100);
  await sleep(1000);
  stop = true;
  await probeLoop;
  await app.close();
  await store.close();
  if (process.env.PROBE_LOG) (await import('node:fs')).writeFileSync(process.env.PROBE_LOG, probes.map((p) => JSON.stringify(p)).join('\n'));

  const down = probes.filter((p) => p.t > killedAt && p.t < restartBegan);
  const during = probes.filter((p) => p.t > killedAt && p.t < upAt);
  const firstOk = probes.find((p) => p.t > upAt && p.ok);
  const sorted = down.map((p) => p.ms).sort((a, b) => a - b);
  const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const result = {
    probesWhileDown: down.length,
    storeUnavailableWhileDown: down.filter((p) => p.code === 'STORE_UNAVAILABLE').length,
    otherAnswersWhileDown: [...new Set(down.filter((p) => p.code !== 'STORE_UNAVAILABLE').map((p) => p.code))],
    answerMsWhileDown: { p50: pct(0.5), p99: pct(0.99), max: sorted[sorted.length - 1] },
    slowerThan1sWhileDown: down.filter((p) => p.ms >= 1000).length,
    firstAnswerAfterKillMs: during[0]?.ms,
    answersDuringRestart: [...new Set(during.map((p) => p.code))],
    recoveredMsAfterNeo4jReady: firstOk ? firstOk.t - upAt : null,
    firstOkAfterRestartBeganMs: (probes.find((p) => p.t > restartBegan && p.ok)?.t ?? NaN) - restartBegan,
    neo4jReadyAfterRestartBeganMs: upAt - restartBegan,
    okBeforeKill: probes.filter((p) => p.t + p.ms < killedAt).every((p) => p.ok),
  };
  log(`while down: ${result.storeUnavailableWhileDown}/${result.probesWhileDown} STORE_UNAVAILABLE, p99 ${result.answerMsWhileDown.p99} ms, max ${result.answerMsWhileDown.max} ms; recovered ${result.recoveredMsAfterNeo4jReady} ms after Neo4j was ready`);
  return result;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'cg-dbfault-'));
try {
  const texts = writeCorpus(path.join(work, 'corpus'), DOCS, 11);
  if (PHASE === 'api') {
    const store = await Neo4jStore.open(cfg);
    if ((await store.stats()).documents === 0) await loadPaths([texts], store, { chunkSize: CHUNK });
    await store.close();
  }
  const load = PHASE === 'api' ? {} : await loadPhase(work, texts);
  const api = PHASE === 'load' ? {} : await apiPhase();
  const figures = { docs: DOCS, chunk: CHUNK, load, api };
  console.log(JSON.stringify(figures, null, 2));
  const loadOk = PHASE === 'api' || (load.clearMessage && load.wholeBatches && load.rerunExit === 0 && load.rerunEqualsCleanLoad);
  const apiOk = PHASE === 'load' || (api.okBeforeKill && api.slowerThan1sWhileDown === 0 && api.storeUnavailableWhileDown === api.probesWhileDown && api.recoveredMsAfterNeo4jReady !== null);
  const pass = loadOk && apiOk;
  console.log(pass ? 'PASS: database faults' : 'FAIL: database faults');
  process.exitCode = pass ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
