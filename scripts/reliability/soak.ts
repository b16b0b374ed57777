// Soak: 50 concurrent clients run a mix of queries against the built server (`serve`, in its own
// process) over a generated corpus, first legitimate clients alone (baseline), then the same with
// abusive clients mixed in (deep, wide/aliases, huge variables, oversized bodies), which the limits
// must refuse without harming the others. Prints per-class requests, unexpected answers, p50/p99
// and the server's RSS at start and end.
//   npx tsx scripts/reliability/soak.ts --store embedded --minutes 10
//   NEO4J_URI=bolt://127.0.0.1:7691 NEO4J_PASSWORD=... npx tsx scripts/reliability/soak.ts --store neo4j --minutes 10
// The server runs with RATE_LIMIT_MAX=0: all clients come from 127.0.0.1, and the per-client rate
// limit (1200/min) would otherwise refuse most of them; the soak is about the server, not the limiter.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Corpus } from '../../graph-loaders/generate/corpus.js';
import { loadPaths } from '../../graph-loaders/load.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import type { Store } from '../../services/store/port.js';
import { ROOT, writeCorpus } from '../../tests/reliability/support/crash.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const STORE = arg('store', 'embedded') as 'embedded' | 'neo4j';
const MINUTES = Number(arg('minutes', '10'));
const BASELINE_S = Number(arg('baseline-seconds', '60'));
const DOCS = Number(arg('docs', '3000'));
const PORT = Number(arg('port', '4380'));
const BASE = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

interface Pools {
  docIds: string[];
  chainIds: string[];
  words: string[];
  dates: string[];
}

type Check = (status: number, body: string) => boolean;
interface Client {
  name: string;
  connections: number;
  abusive: boolean;
  body: (i: number) => string;
  check: Check;
}

const legit: Check = (status, body) => status === 200 && body.startsWith('{"data":{') && !body.includes('"errors"');
// Refused by the limits: a clear BAD_USER_INPUT (HTTP 400/413, or 200 with errors and no data).
const refused: Check = (status, body) => (status === 400 || status === 413 || status === 200) && body.includes('BAD_USER_INPUT') && !body.startsWith('{"data":{');

function clients(p: Pools, abusive: boolean): Client[] {
  const pick = <T>(xs: T[], i: number) => xs[(i * 7919) % xs.length];
  const gql = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
  const nest = (n: number): string => (n === 0 ? 'id' : `outgoing { to { ${nest(n - 1)} } }`);
  const normal: Client[] = [
    {
      name: 'document + relations',
      connections: 14,
      abusive: false,
      body: (i) => gql('query($id: ID!) { document(id: $id) { id symbol type issuer issuedOn title status outgoing { type to { id symbol title } evidence { quote start end } } incoming { type from { id symbol } } } }', { id: pick(p.docIds, i) }),
      check: legit,
    },
    {
      name: 'search',
      connections: 10,
      abusive: false,
      body: (i) => gql('query($t: String) { documents(filter: {text: $t}, first: 20) { totalCount edges { node { id symbol title } } } }', { t: `${pick(p.words, i)} ${pick(p.words, i + 1)}` }),
      check: legit,
    },
    {
      name: 'chain',
      connections: 8,
      abusive: false,
      body: (i) => gql('query($id: ID!) { document(id: $id) { id supersessionChain(direction: BOTH, maxDepth: 20) { depth direction document { id symbol issuedOn } } } }', { id: pick(p.chainIds, i) }),
      check: legit,
    },
    {
      name: 'inEffectOn page',
      connections: 8,
      abusive: false,
      body: (i) => gql('query($d: Date!) { documents(filter: {inEffectOn: $d}, first: 100) { totalCount pageInfo { endCursor hasNextPage } edges { node { id symbol issuedOn title } } } }', { d: pick(p.dates, i) }),
      check: legit,
    },
  ];
  if (!abusive) return normal;
  // made once: the client must not spend its time building megabytes
  const hugeText = gql('query($t: String) { documents(filter: {text: $t}) { totalCount } }', { t: 'nghi quyet '.repeat(300_000) }); // 3.3 MB, under the 4 MB body limit
  return [
    ...normal,
    { name: 'abuse: 18 levels deep', connections: 3, abusive: true, body: (i) => gql(`query($id: ID!) { document(id: $id) { ${nest(9)} } }`, { id: pick(p.docIds, i) }), check: refused },
    {
      name: 'abuse: 300 aliases, nested',
      connections: 2,
      abusive: true,
      body: (i) => gql(`query($id: ID!) { ${Array.from({ length: 300 }, (_, k) => `a${k}: document(id: $id) { outgoing { to { outgoing { to { id } } } } }`).join(' ')} }`, { id: pick(p.docIds, i) }),
      check: refused,
    },
    {
      name: 'abuse: 2000 search aliases',
      connections: 2,
      abusive: true,
      body: (i) => gql(`query { ${Array.from({ length: 2000 }, (_, k) => `a${k}: documents(filter: {text: "${pick(p.words, i + k)}"}, first: 1) { totalCount }`).join(' ')} }`),
      check: refused,
    },
    { name: 'abuse: first 100000', connections: 1, abusive: true, body: () => gql('{ documents(first: 100000) { edges { node { id title } } } }'), check: refused },
    { name: 'abuse: 3.3 MB variable', connections: 1, abusive: true, body: () => hugeText, check: refused },

  ];
}

interface ClassResult {
  name: string;
  abusive: boolean;
  requests: number;
  unexpected: number;
  sample: string | null;
  p50: number;
  p99: number;
  max: number;
  timeouts: number;
  connErrors: number;
}

/**
 * Bodies over the server's limit, on plain node:http: the server answers 413 and closes the
 * connection without reading the rest, which autocannon counts as errors (and buffers badly).
 * A 413, or the connection closed while the body was still being sent, is the refusal expected.
 */
async function oversized(seconds: number): Promise<ClassResult> {
  const body = Buffer.from(JSON.stringify({ query: 'query($t: String) { documents(filter: {text: $t}) { totalCount } }', variables: { t: 'x'.repeat(4_500_000) } }));
  const times: number[] = [];
  let unexpected = 0;
  let sample: string | null = null;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const t0 = Date.now();
    const outcome = await new Promise<string>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: PORT, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(`${res.statusCode} ${text.slice(0, 200)}`));
      });
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      req.end(body);
    });
    times.push(Date.now() - t0);
    if (!/^413 .*BAD_USER_INPUT|^EPIPE$|^ECONNRESET$/.test(outcome)) {
      unexpected++;
      sample ??= outcome;
    }
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { name: 'abuse: 4.5 MB body', abusive: true, requests: times.length, unexpected, sample, p50: q(0.5), p99: q(0.99), max: times[times.length - 1] ?? 0, timeouts: 0, connErrors: 0 };
}

/** Run every client class at once for `seconds`; per-class figures. */
async function run(list: Client[], seconds: number, withOversized = false): Promise<ClassResult[]> {
  const extra = withOversized ? [oversized(seconds)] : [];
  const results = Promise.all(
    list.map(async (c) => {
      let unexpected = 0;
      let sample: string | null = null;
      let i = 0;
      const result = await autocannon({
        url: BASE,
        connections: c.connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: c.body(i++) }),
            onResponse: (status, body) => {
              if (!c.check(status, body)) {
                unexpected++;
                sample ??= `${status} ${body.slice(0, 300)}`;
              }
            },
          },
        ],
      });
      return {
        name: c.name,
        abusive: c.abusive,
        requests: result.requests.total,
        unexpected,
        sample,
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        timeouts: result.timeouts,
        connErrors: result.errors,
      };
    }),
  );
  return [...(await results), ...(await Promise.all(extra))];
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function prepare(work: string): Promise<{ env: Record<string, string>; pools: Pools }> {
  const texts = writeCorpus(path.join(work, 'corpus'), DOCS, 5);
  const corpus = new Corpus({ docs: DOCS, seed: 5 });
  for (const _ of corpus.documents());
  const chainIds = corpus.chains().slice(0, 200).map((c) => c.id);
  let store: Store;
  let env: Record<string, string>;
  if (STORE === 'neo4j') {
    const cfg = { uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE ?? 'neo4j' };
    const neo = await Neo4jStore.open(cfg);
    await neo.clear();
    store = neo;
    env = { NEO4J_URI: cfg.uri, NEO4J_USER: cfg.user, NEO4J_PASSWORD: cfg.password, NEO4J_DATABASE: cfg.database };
  } else {
    const dataDir = path.join(work, 'data');
    store = await EmbeddedStore.open({ dataDir });
    env = { DATA_DIR: dataDir };
  }
  const t0 = Date.now();
  const summary = await loadPaths([texts], store, { chunkSize: 500 });
  log(`loaded ${summary.documents} documents, ${summary.relations} relations into the ${STORE} store in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const docs = await store.findDocuments({ includeStubs: false }, 2000, null);
  const loaded = await store.getDocuments(docs.items.map((d) => d.id));
  const words = [...new Set(loaded.flatMap((d) => (d?.title ?? '').split(/\s+/)).filter((w) => w.length > 3))].slice(0, 500);
  await store.close();
  const dates = Array.from({ length: 120 }, (_, k) => `${2000 + (k % 26)}-${String(1 + (k % 12)).padStart(2, '0')}-15`);
  return { env, pools: { docIds: docs.items.map((d) => d.id), chainIds: chainIds.length ? chainIds : docs.items.map((d) => d.id), words, dates } };
}

function startServer(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/services/cli/main.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(PORT), HOST: '127.0.0.1', RATE_LIMIT_MAX: '0', LOG_LEVEL: 'warn', SAMPLE_CORPUS: 'false', GRAPHIQL: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

function table(rows: ClassResult[]): string {
  return rows
    .map((r) => `  ${r.name.padEnd(30)} ${String(r.requests).padStart(8)} req  ${String(r.unexpected + r.timeouts + r.connErrors).padStart(4)} errors  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(6)} ms  max ${String(r.max).padStart(6)} ms${r.sample ? `\n      first unexpected: ${r.sample}` : ''}`)
    .join('\n');
}

const work = mkdtempSync(path.join(os.tmpdir(), `cg-soak-${STORE}-`));
let server: ChildProcess | null = null;
try {
  log('building dist/');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const { env, pools } = await prepare(work);
  server = startServer(env);
  for (let k = 0; ; k++) {
    try {
      if ((await fetch(`${BASE}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (k > 300) throw new Error('server did not start');
    await sleep(200);
  }
  log(`server pid ${server.pid} on ${BASE}; warming up 15 s`);
  await run(clients(pools, false), 15);
  const rssStart = rssMb(server.pid!);
  log(`RSS after warm-up: ${rssStart} MB; baseline: 40 legitimate clients, ${BASELINE_S} s`);
  const baseline = await run(clients(pools, false), BASELINE_S);
  log(`baseline:\n${table(baseline)}`);
  const samples: number[] = [rssMb(server.pid!)];
  const sampler = setInterval(() => samples.push(rssMb(server!.pid!)), 30_000);
  log(`soak: 50 clients (40 legitimate, 10 abusive), ${MINUTES} min`);
  const soak = await run(clients(pools, true), Math.round(MINUTES * 60), true);
  clearInterval(sampler);
  const rssEnd = rssMb(server.pid!);
  samples.push(rssEnd);
  log(`soak:\n${table(soak)}`);
  const legitErrors = soak.filter((r) => !r.abusive).reduce((n, r) => n + r.unexpected + r.timeouts + r.connErrors, 0);
  const abuseErrors = soak.filter((r) => r.abusive).reduce((n, r) => n + r.unexpected + r.timeouts + r.connErrors, 0);
  const total = soak.reduce((n, r) => n + r.requests, 0);
  console.log(
    JSON.stringify(
      {
        store: STORE,
        docs: DOCS,
        minutes: MINUTES,
        requests: total,
        legitimateErrors: legitErrors,
        abusiveNotRefused: abuseErrors,
        rssMb: { start: rssStart, end: rssEnd, max: Math.max(...samples), every30s: samples },
        baseline,
        soak,
      },
      null,
      2,
    ),
  );
  process.exitCode = legitErrors === 0 && abuseErrors === 0 ? 0 : 1;
} finally {
  server?.kill('SIGTERM');
  await sleep(500);
  rmSync(work, { recursive: true, force: true });
}
