// The bench's GraphQL scenarios over HTTP against two checkouts' servers, both serving the same kept
// embedded store folder (say, one `npm run bench -- --keep-data` or `npm run load` wrote) or the same
// Neo4j, in turns: req/s, p50/p99 and each server's CPU per request (and Neo4j's, given its pid
// file). Both servers stay up (an embedded one holds the store: about 2.8 GB at 1M), so the store
// is opened once per side, not once per run.
//   npx tsx scripts/bench/serve-compare.ts --against /tmp/before --data bench-out/data-1m --docs 1000000
//   NEO4J_URI=bolt://127.0.0.1:7693 npx tsx scripts/bench/serve-compare.ts --against /tmp/before --neo4j --neo4j-pid-file .neo4j-bench/neo4j.pid --docs 1000000
//   npx tsx scripts/bench/serve-compare.ts --against . --flags=--max-semi-space-size=64 --data … (flags, same code)
// --docs and --seed must be those of the generated corpus the folder holds: the pools come from it,
// as the bench's do (documents with three or more relations, chain ends 20 steps deep).
// Before measuring, the two servers must give the same answers, byte for byte, to every pool request.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { Corpus } from '../../graph-loaders/generate/corpus.js';
import { sideOptions, sidesOf, type Side } from './alternate.js';
import { cannon, post } from './http.js';
import { cpuSecondsOf, pidOfFile } from './machine.js';
import { body, type Pools, type ScenarioName } from './queries.js';
import { spreadWithDates } from './stages/pools.js';

const HERE = fileURLToPath(import.meta.url);

interface Opts {
  against?: string;
  rounds: number;
  child?: string;
  data?: string;
  neo4j?: boolean;
  neo4jPidFile?: string;
  docs: number;
  seed: number;
  port: number;
  scenarios: ScenarioName[];
  duration: number;
  connections: number;
  flags: string;
  againstFlags: string;
}

/** One side: that checkout's server over the folder, until killed. */
async function child(root: string, o: Opts): Promise<void> {
  const load = (p: string) => import(path.join(root, p));
  const { loadConfig } = await load('services/config.ts');
  const { buildServer } = await load('services/server.ts');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'error', RATE_LIMIT_MAX: '0', SAMPLE_CORPUS: 'false' });
  const store = o.neo4j
    ? await (await load('services/store/neo4j/index.ts')).Neo4jStore.open(config.neo4j)
    : await (await load('services/store/embedded/index.ts')).EmbeddedStore.open({ dataDir: o.data });
  const app = await buildServer(config, store);
  await app.listen({ port: o.port, host: '127.0.0.1' });
  process.stdout.write('ready\n');
}

function serve(side: Side, port: number, flags: string, o: Opts): Promise<ChildProcess> {
  const args = ['--import', 'tsx', '--max-old-space-size=20000', ...flags.split(' ').filter(Boolean), HERE, '--child', side.root, '--port', String(port), ...(o.neo4j ? ['--neo4j'] : ['--data', o.data!])];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (b: Buffer) => b.toString().includes('ready') && resolve(proc));
    proc.on('exit', (code) => reject(new Error(`${side.name}: server exited (${code}) before it was ready`)));
  });
}

/** The bench's pools (stages/pools.ts), found through the API instead of the store. */
async function pools(port: number, o: Opts): Promise<Pools> {
  const corpus = new Corpus({ docs: o.docs, seed: o.seed });
  const every = Math.max(1, Math.floor(o.docs / 4000));
  const sample: string[] = [];
  for (const d of corpus.ids()) if (d.index % every === 0 && !d.ocr) sample.push(d.id);
  const ask = async (query: string, id: string) => (await post(port, JSON.stringify({ query, variables: { id } }))).json.data?.document as Record<string, unknown> | null;
  const docIds: string[] = [];
  for (const id of sample) {
    if (docIds.length >= 1000) break;
    const d = await ask('query($id: ID!) { document(id: $id) { outgoing { evidence { start } } } }', id);
    if (d && (d.outgoing as { evidence: unknown[] }[]).reduce((n, r) => n + r.evidence.length, 0) >= 3) docIds.push(id);
  }
  const chainIds: string[] = [];
  for (const c of corpus.chains().filter((c) => c.length >= 21).slice(0, 50)) {
    const d = await ask('query($id: ID!) { document(id: $id) { supersessionChain(direction: OLDER, maxDepth: 20) { depth } } }', c.id);
    if (d && Math.max(0, ...(d.supersessionChain as { depth: number }[]).map((s) => s.depth)) >= 20) chainIds.push(c.id);
  }
  return { ...spreadWithDates(docIds, o.seed), chainIds };
}

/** A hash of each side's answers to the first `count` requests of every scenario. */
async function answers(port: number, p: Pools, scenarios: ScenarioName[], count = 200): Promise<string> {
  const hash = createHash('sha256');
  for (const s of scenarios) for (let i = 0; i < count; i++) hash.update(JSON.stringify((await post(port, body('ours', s, p, i))).json));
  return hash.digest('hex').slice(0, 16);
}

const o = sideOptions(new Command())
  .option('--data <dir>', 'a kept embedded store folder')
  .option('--neo4j', 'serve the Neo4j of NEO4J_URI instead (it must hold the generated corpus of --docs)')
  .option('--neo4j-pid-file <file>', "with --neo4j: the server's pid file, to measure its CPU per request too")
  .option('--docs <n>', 'documents of the generated corpus the folder holds', (v) => parseInt(v, 10), 10_000)
  .option('--seed <n>', 'its seed', (v) => parseInt(v, 10), 1)
  .option('--port <n>', 'first port (the other side uses the next)', (v) => parseInt(v, 10), 4100)
  .option('--scenarios <list>', 'GraphQL scenarios', (v) => v.split(',') as ScenarioName[], ['document', 'page20', 'chain20'])
  .option('--duration <s>', 'seconds per measured run', (v) => parseInt(v, 10), 10)
  .option('--connections <n>', 'concurrent clients', (v) => parseInt(v, 10), 50)
  .option('--flags <flags>', "Node flags of this checkout's server (say, to compare flags with --against .)", '')
  .option('--against-flags <flags>', "Node flags of the other checkout's server", '')
  .parse()
  .opts<Opts>();

if (o.child) await child(o.child, o);
else {
  if (!o.against) throw new Error('--against <dir> is required');
  if (!o.data === !o.neo4j) throw new Error('give one of --data <dir> and --neo4j');
  const neo4jPid = o.neo4jPidFile ? pidOfFile(o.neo4jPidFile) : null;
  const sides = sidesOf(HERE, o.against);
  const started = await Promise.allSettled(sides.map((s, i) => serve(s, o.port + i, i ? o.againstFlags : o.flags, o)));
  const servers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  try {
    for (const r of started) if (r.status === 'rejected') throw r.reason;
    const p = await pools(o.port, o);
    process.stderr.write(`[serve-compare] pools: ${p.docIds.length} documents, ${p.chainIds.length} chains\n`);
    const said = await Promise.all(sides.map((_, i) => answers(o.port + i, p, o.scenarios)));
    if (new Set(said).size !== 1) throw new Error(`the sides answer differently: ${said.join(' / ')}`);
    console.log(`Both sides gave the same answers to the first 200 requests of each scenario (sha256 ${said[0]}).\n`);
    const rows = new Map<string, string[][]>();
    for (const s of o.scenarios) {
      for (let i = 0; i < sides.length; i++) await cannon(o.port + i, 'ours', s, p, { seconds: 3, connections: o.connections }); // warm-up
      for (let round = 0; round < o.rounds; round++) {
        for (const i of round % 2 ? [1, 0] : [0, 1]) {
          const [cpu, db] = [cpuSecondsOf(servers[i].pid)!, cpuSecondsOf(neo4jPid)];
          const f = await cannon(o.port + i, 'ours', s, p, { seconds: o.duration, connections: o.connections });
          const ms = (from: number | null, to: number | null) => (from === null || to === null ? '' : (((to - from) * 1000) / f.requests).toFixed(2));
          if (f.errors || f.non2xx || f.timeouts) throw new Error(`${sides[i].name} ${s}: ${f.errors} errors, ${f.non2xx} non-2xx, ${f.timeouts} timeouts`);
          const neo4jMs = ms(db, cpuSecondsOf(neo4jPid));
          const cell = `${Math.round(f.rps)} req/s · ${f.p50}/${f.p99} ms · ${ms(cpu, cpuSecondsOf(servers[i].pid))} ms CPU${neo4jMs && ` + ${neo4jMs} Neo4j`}`;
          process.stderr.write(`[serve-compare] ${s} round ${round + 1} ${sides[i].name}: ${cell}\n`);
          const at = rows.get(s) ?? sides.map(() => []);
          at[i].push(cell);
          rows.set(s, at);
        }
      }
    }
    const names = sides.map((s, i) => `${s.name}${(i ? o.againstFlags : o.flags) && ` (${i ? o.againstFlags : o.flags})`}`);
    console.log(`| scenario (${o.connections} clients, ${o.duration} s a run) | ${names.join(' | ')} |`);
    console.log(`|---|${sides.map(() => '---').join('|')}|`);
    for (const [s, cells] of rows) console.log(`| ${s} | ${cells.map((c) => c.join('<br>')).join(' | ')} |`);
  } finally {
    for (const s of servers) s.kill();
  }
}
