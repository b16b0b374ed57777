// The benchmark command: for each corpus size, extraction speed and accuracy, load rates into the
// embedded store and Neo4j (batched next to one transaction per document), resident memory, and
// GraphQL req/s with p50/p99 for our API and @neo4j/graphql over the same Neo4j, side by side.
//   npm run bench -- --docs 10000                       (embedded; Neo4j too when NEO4J_URI is set)
//   npm run bench -- --docs 1k,10k,100k --stores embedded,neo4j
//   npm run bench -- --table bench-out/run-*.json       (one table from earlier runs)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { Neo4jConfig } from '../../services/config.js';
import { PROJECT_ROOT } from '../../services/paths.js';
import { cannon, compare, sequential, validate } from './http.js';
import { LoadSampler, codeVersion, cpuSecondsOf, diskUsage, machine, pidOfFile, rssOfPidFile } from './machine.js';
import { SCENARIOS, type Pools, type ScenarioName } from './queries.js';
import type { ScenarioResult, SizeResult, StoreResult } from './results.js';
import { startWorker, type WorkerHandle } from './spawn.js';
import type { ExtractResult } from './stages/extract.js';
import { breakdowns, markdown } from './table.js';
import { count, list } from './args.js';

interface Options {
  docs: number[];
  seed: number;
  stores: string[];
  peer: boolean;
  peerJit: boolean;
  extract: boolean;
  reopen: boolean;
  keepData?: boolean;
  score: boolean;
  scenarios: ScenarioName[];
  duration: number;
  warmup: number;
  connections: number;
  rounds: number;
  chunk: number;
  baselineDocs: number;
  baselineSeconds: number;
  maxLoadSeconds?: number;
  neo4jPreloaded?: boolean;
  heap: number;
  neo4jUri?: string;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string;
  neo4jStateDir: string;
  neo4jDataDir: string;
  profile: boolean;
  out: string;
  table?: string[];
}


function options(): Options {
  return new Command()
    .description('Benchmark extraction, loading and GraphQL on generated corpora; prints one markdown table')
    .option('--docs <sizes>', 'corpus sizes, e.g. 1k,10k,100k', (v) => list(v).map(count), [10_000])
    .option('--seed <n>', 'corpus seed', (v) => parseInt(v, 10), 1)
    .option('--stores <list>', 'embedded,neo4j (neo4j needs NEO4J_URI or --neo4j-uri)', list, ['embedded', 'neo4j'])
    .option('--no-peer', 'skip @neo4j/graphql')
    .option('--peer-jit', 'serve the peer with graphql-jit (its recursive where input makes graphql-jit run out of memory)')
    .option('--no-extract', 'skip the extraction stage')
    .option('--keep-data', 'keep the embedded store folder the load wrote (under <out>/tmp), to open it again later')
    .option('--no-reopen', 'serve the embedded store from the loading process instead of a new one that opens its files')
    .option('--no-score', 'time extraction without scoring it')
    .option('--scenarios <list>', 'GraphQL scenarios', (v) => list(v) as ScenarioName[], SCENARIOS.map((s) => s.name))
    .option('--duration <s>', 'seconds per measured autocannon run', (v) => parseInt(v, 10), 10)
    .option('--warmup <s>', 'seconds of unmeasured warm-up per scenario and server', (v) => parseInt(v, 10), 3)
    .option('--connections <n>', 'concurrent clients', (v) => parseInt(v, 10), 50)
    .option('--rounds <n>', 'measured runs per scenario and server, alternating ours and the peer', (v) => parseInt(v, 10), 2)
    .option('--chunk <n>', 'documents per batch of the batched load', (v) => parseInt(v, 10), 1000)
    .option('--baseline-docs <n>', 'documents loaded one transaction each, at the end of the corpus', count, 1000)
    .option('--baseline-seconds <s>', 'stop the per-document baseline after this long', (v) => parseInt(v, 10), 120)
    .option('--max-load-seconds <s>', 'stop a load after this long; figures then describe what was loaded, and GraphQL is skipped', (v) => parseInt(v, 10))
    .option('--neo4j-preloaded', 'serve the Neo4j as it is, loaded before with the same --docs and --seed (say by the offline import): its load is not measured')
    .option('--heap <mb>', 'V8 heap limit of each worker', (v) => parseInt(v, 10), 8192)
    .option('--neo4j-uri <uri>', 'bolt:// or neo4j:// URI (default $NEO4J_URI)', process.env.NEO4J_URI)
    .option('--neo4j-user <user>', 'Neo4j user', process.env.NEO4J_USER ?? 'neo4j')
    .option('--neo4j-password <password>', 'Neo4j password', process.env.NEO4J_PASSWORD ?? 'citation-graph-test')
    .option('--neo4j-database <name>', 'Neo4j database', process.env.NEO4J_DATABASE ?? 'neo4j')
    .option('--neo4j-state-dir <dir>', "the launcher's state folder, for the server's pid (memory)", process.env.NEO4J_STATE_DIR ?? '.neo4j')
    .option('--neo4j-data-dir <dir>', "the server's data folder, for the store's size on disk", process.env.NEO4J_DATA_DIR ?? '.neo4j/data')
    .option('--profile', 'write CPU profiles of the workers to <out>/profiles')
    .option('--out <dir>', 'where results go', 'bench-out')
    .option('--table <files...>', 'print one table from earlier result files and exit')
    .parse()
    .opts<Options>();
}

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

/** Wait until the server has finished what earlier runs left queued (its store calls stop moving). */
async function settle(worker: WorkerHandle): Promise<void> {
  const total = async () => ((await worker.ask<{ rows: ScenarioResult['reads'] }>({ type: 'reads' })).rows ?? []).reduce((n, r) => n + r.calls, 0);
  for (let before = await total(), i = 0; i < 240; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await total();
    if (now === before) return;
    before = now;
  }
}

async function measure(
  scenarios: ScenarioName[],
  pools: Pools,
  servers: { side: 'ours' | 'peer'; port: number; into: Partial<Record<ScenarioName, ScenarioResult>>; worker: WorkerHandle; name: string }[],
  o: Options,
  label: string,
  peerFailed: ReadonlySet<ScenarioName> = new Set(),
): Promise<void> {
  const profiles = path.resolve(o.out, 'profiles');
  for (const scenario of scenarios) {
    if (scenario === 'chain20' && !pools.chainIds.length) {
      log(`${label}: no chain of depth 20 in this corpus; skipping ${scenario}`);
      continue;
    }
    const active = servers.filter((s) => s.side === 'ours' || !peerFailed.has(scenario));
    for (const s of active) s.into[scenario] = { rounds: [], bytes: await validate(s.port, s.side, scenario, pools) };
    // one request at a time first: what a request costs without queueing, and which store calls it makes
    for (const s of active) {
      if (s.side === 'ours') {
        await settle(s.worker);
        await s.worker.ask({ type: 'reads-reset' });
      }
      const { requests, meanMs } = await sequential(s.port, s.side, scenario, pools, 20);
      const reads = s.side === 'ours' ? (await s.worker.ask<{ rows: ScenarioResult['reads'] }>({ type: 'reads' })).rows ?? [] : [];
      s.into[scenario]!.probe = { requests, meanMs, reads };
    }
    for (const s of active) await cannon(s.port, s.side, scenario, pools, { seconds: o.warmup, connections: o.connections });
    for (const s of active) if (s.side === 'ours') await s.worker.ask({ type: 'reads-reset' });
    for (let round = 0; round < o.rounds; round++) {
      // alternate who goes first, so drift in the machine's load does not favour one side
      const order = round % 2 ? [...active].reverse() : active;
      for (const s of order) {
        const profile = o.profile && round === 0;
        if (profile) await s.worker.ask({ type: 'profile-start' });
        const neo4jPid = pidOfFile(path.resolve(PROJECT_ROOT, o.neo4jStateDir, 'neo4j.pid'));
        const before = { server: cpuSecondsOf(s.worker.child.pid), neo4j: s.name.includes('neo4j') ? cpuSecondsOf(neo4jPid) : null, client: process.cpuUsage() };
        const f = await cannon(s.port, s.side, scenario, pools, { seconds: o.duration, connections: o.connections });
        const per = (a: number | null, b: number | null) => (a === null || b === null || !f.requests ? null : ((b - a) * 1000) / f.requests);
        const client = process.cpuUsage(before.client);
        f.cpuMsPerRequest = {
          server: per(before.server, cpuSecondsOf(s.worker.child.pid)),
          neo4j: before.neo4j === null ? null : per(before.neo4j, cpuSecondsOf(neo4jPid)),
          client: (client.user + client.system) / 1000 / Math.max(1, f.requests),
        };
        if (profile) await s.worker.ask({ type: 'profile-stop', file: path.join(profiles, `${s.name}-${scenario}.cpuprofile`) });
        s.into[scenario]!.rounds.push(f);
        log(`${label} ${s.side} ${scenario} round ${round + 1}: ${Math.round(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms${f.errors + f.non2xx ? `, ${f.errors + f.non2xx} failed` : ''}`);
      }
    }
    for (const s of active) {
      if (s.side !== 'ours') continue;
      const r = s.into[scenario]!;
      r.reads = (await s.worker.ask<{ rows: ScenarioResult['reads'] }>({ type: 'reads' })).rows;
      r.requests = r.rounds.reduce((n, x) => n + x.requests, 0);
    }
  }
}

type Ready = { port: number; load: StoreResult['load']; pools: Pools & { chainDepths: number[] }; memory: StoreResult['memory']; dataDir?: string };

async function runSize(docs: number, o: Options): Promise<SizeResult> {
  const started = Date.now();
  const sampler = new LoadSampler();
  const tmpDir = path.resolve(o.out, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const result: SizeResult = {
    docs,
    seed: o.seed,
    startedAt: new Date().toISOString(),
    seconds: 0,
    machine: machine(),
    code: codeVersion(PROJECT_ROOT),
    loadAverage: { min: 0, max: 0, mean: 0 },
    settings: { duration: o.duration, warmup: o.warmup, connections: o.connections, rounds: o.rounds, chunk: o.chunk, baselineDocs: o.baselineDocs, neo4jHeap: process.env.NEO4J_HEAP, neo4jPagecache: process.env.NEO4J_PAGECACHE },
    stores: {},
    failures: [],
  };
  const workerOpts = { heapMb: o.heap, log };

  if (o.extract) {
    log(`${docs} docs: extraction`);
    const w = startWorker({ task: 'extract', docs, seed: o.seed, score: o.score }, workerOpts);
    try {
      result.extract = (await w.next<{ result: ExtractResult }>('result')).result;
    } catch (err) {
      result.failures.push({ stage: 'extraction', message: (err as Error).message });
    }
    await w.stop();
  }

  const neo4j: Neo4jConfig | null = o.neo4jUri ? { uri: o.neo4jUri, user: o.neo4jUser, password: o.neo4jPassword, database: o.neo4jDatabase } : null;
  for (const kind of o.stores as ('embedded' | 'neo4j')[]) {
    if (kind === 'neo4j' && !neo4j) {
      log('neo4j: no NEO4J_URI or --neo4j-uri; skipped');
      continue;
    }
    log(`${docs} docs: ${kind} load`);
    const profileFile = o.profile ? path.resolve(o.out, 'profiles', `${docs}-${kind}-load.cpuprofile`) : undefined;
    const reopen = kind === 'embedded' && o.reopen;
    let w = startWorker({ task: 'store', kind, docs, seed: o.seed, chunk: o.chunk, baselineDocs: o.baselineDocs, baselineSeconds: o.baselineSeconds, maxLoadSeconds: o.maxLoadSeconds, neo4j: neo4j ?? undefined, tmpDir, profileFile, keepData: reopen, preloaded: kind === 'neo4j' && o.neo4jPreloaded }, workerOpts);
    let peer: ReturnType<typeof startWorker> | null = null;
    try {
      const ready = await w.next<Ready>('ready');
      let reopened: StoreResult['reopened'];
      if (reopen && ready.dataDir) {
        // A server restarted on the folder the load left: its open time and memory, and it serves the queries.
        await w.stop();
        log(`${kind}: loaded; opening the store in a new process`);
        w = startWorker({ task: 'open', dataDir: ready.dataDir, keep: o.keepData }, workerOpts);
        if (o.keepData) log(`embedded store files kept in ${ready.dataDir}`);
        const opened = await w.next<{ port: number; seconds: number; memory: StoreResult['memory'] }>('ready');
        ready.port = opened.port;
        reopened = { seconds: opened.seconds, memory: opened.memory };
      }
      const { chainDepths, ...pools } = ready.pools;
      const store: StoreResult = { load: ready.load, memory: ready.memory, reopened, pools: { docIds: pools.docIds.length, chainIds: pools.chainIds.length, chainDepths }, http: {} };
      result.stores[kind] = store;
      if (kind === 'neo4j') {
        store.serverRss = rssOfPidFile(path.resolve(PROJECT_ROOT, o.neo4jStateDir, 'neo4j.pid'));
        store.disk = diskUsage(path.resolve(PROJECT_ROOT, o.neo4jDataDir, 'data'));
      }
      log(`${kind}: loaded; ${pools.docIds.length} documents and ${pools.chainIds.length} chains of depth 20 in the query pools`);
      if (ready.load.stoppedAt !== null) {
        result.failures.push({ stage: `${kind} load`, message: `stopped at its time limit after ${ready.load.stoppedAt} of ${docs} documents; GraphQL not measured` });
        await w.stop();
        continue;
      }
      const servers: Parameters<typeof measure>[2] = [{ side: 'ours', port: ready.port, into: store.http, worker: w, name: `${docs}-${kind}-ours` }];
      if (kind === 'neo4j' && o.peer) {
        peer = startWorker({ task: 'peer', neo4j: neo4j!, jit: !!o.peerJit }, workerOpts);
        const p = await peer.next<{ port: number }>('ready');
        result.peer = { http: {}, equivalence: {} };
        servers.push({ side: 'peer', port: p.port, into: result.peer.http, worker: peer, name: `${docs}-${kind}-peer` });
        for (const scenario of o.scenarios) {
          if (scenario === 'chain20' && !pools.chainIds.length) continue;
          const eq = (result.peer.equivalence[scenario] = await compare(ready.port, p.port, scenario, pools));
          if (eq.peerError) log(`${scenario}: @neo4j/graphql failed (${eq.peerError.slice(0, 200)}); measuring ours alone`);
        }
      }
      const peerFailed = new Set(o.scenarios.filter((sc) => result.peer?.equivalence[sc]?.peerError));
      await measure(o.scenarios, pools, servers, o, `${docs} docs ${kind}`, peerFailed);
    } catch (err) {
      result.failures.push({ stage: `${kind}`, message: (err as Error).message });
      log(`${kind} failed: ${(err as Error).message}`);
    }
    await peer?.stop();
    await w.stop();
  }
  result.loadAverage = sampler.stop();
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

/** One column per corpus size: runs of the same size (say one per store) are put side by side. */
function mergeSizes(all: SizeResult[]): SizeResult[] {
  const bySize = new Map<number, SizeResult>();
  for (const r of all) {
    const held = bySize.get(r.docs);
    if (!held) bySize.set(r.docs, { ...r, stores: { ...r.stores } });
    else {
      held.stores = { ...held.stores, ...r.stores };
      held.extract ??= r.extract;
      held.peer ??= r.peer;
      held.failures = [...held.failures, ...r.failures];
      held.loadAverage = { min: Math.min(held.loadAverage.min, r.loadAverage.min), max: Math.max(held.loadAverage.max, r.loadAverage.max), mean: (held.loadAverage.mean + r.loadAverage.mean) / 2 };
      if (held.code.commit !== r.code.commit) held.code = { commit: `${held.code.commit}, ${r.code.commit}`, changed: [...held.code.changed, ...r.code.changed] };
    }
  }
  return [...bySize.values()].sort((a, b) => a.docs - b.docs);
}

async function main(): Promise<void> {
  const o = options();
  if (o.table) {
    const results = mergeSizes(o.table.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as SizeResult[]));
    console.log(markdown(results) + '\n\n' + breakdowns(results));
    return;
  }
  const results: SizeResult[] = [];
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync(o.out, { recursive: true });
  for (const docs of o.docs) {
    results.push(await runSize(docs, o));
    writeFileSync(path.join(o.out, `run-${stamp}.json`), JSON.stringify(results, null, 1));
  }
  const m = results[0].machine;
  const c = results[0].code;
  const text = `${markdown(results)}\n\nMachine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}. Code: ${c.commit}${c.changed.length ? ` with uncommitted changes in ${c.changed.join(', ')}` : ''}.\n\n${breakdowns(results)}\n`;
  writeFileSync(path.join(o.out, `run-${stamp}.md`), text);
  console.log(text);
  log(`results: ${path.join(o.out, `run-${stamp}.json`)} and .md`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
